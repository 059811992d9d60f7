import Link from "next/link";
import type { ReactNode } from "react";
import type { User } from "@/lib/auth/users";
import { NavLinks } from "./nav-links";
import { SignOutButton } from "./sign-out-button";

/**
 * The signed-in header: product name, navigation, the user and sign-out; `extra` holds admin indicators.
 * None of it is printed: a printed page is the report.
 */
export function AppHeader({ user, extra }: { user: User; extra?: ReactNode }) {
  return (
    <header className="border-b border-line bg-surface print:hidden">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2">
        <Link href="/explore" className="text-base font-semibold tracking-tight">
          <span className="text-accent">●</span> Sounding
        </Link>
        <div className="order-3 w-full sm:order-none sm:w-auto sm:flex-1">
          <NavLinks role={user.role} />
        </div>
        <div className="ml-auto flex items-center gap-3 text-sm">
          {extra}
          <span className="hidden text-muted sm:inline" title={user.email}>
            {user.name} <span className="rounded bg-line/60 px-1.5 py-0.5 text-xs">{user.role}</span>
          </span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
