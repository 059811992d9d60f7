import type { ReactNode } from "react";
import { AppHeader } from "@/components/app-shell/app-header";
import { BudgetIndicator } from "@/components/app-shell/budget-indicator";
import { DemoBanner } from "@/components/app-shell/demo-banner";
import { Providers } from "@/components/providers";
import { requireUser } from "@/lib/auth/guard";
import { connectionMode } from "@/lib/server/connection";

export default async function TeamLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const demo = (await connectionMode()) === "demo";
  return (
    <Providers>
      <div className="flex min-h-screen flex-col">
        <AppHeader user={user} extra={user.role === "admin" ? <BudgetIndicator /> : undefined} />
        {demo ? <DemoBanner isAdmin={user.role === "admin"} /> : null}
        {/* The skip link's target (components/app-shell/skip-link.tsx, first in app/layout.tsx). */}
        <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6">
          {children}
        </main>
      </div>
    </Providers>
  );
}
