import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

/** The centred card that first-run setup, sign-in and invites share. */
export function AuthCard({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4 py-10">
      <Card className="w-full max-w-sm p-6">
        <p className="mb-4 text-sm font-semibold tracking-wide text-accent">Sounding</p>
        <h1 className="text-xl font-semibold">{title}</h1>
        {intro ? <div className="mt-1 mb-5 text-sm text-muted">{intro}</div> : <div className="mb-5" />}
        {children}
      </Card>
    </main>
  );
}
