"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { hasRole, type Role } from "@/lib/auth/roles";

type NavLink = { href: string; label: string };

const LINKS: readonly NavLink[] = [
  { href: "/explore", label: "Explore" },
  { href: "/reports", label: "Reports" },
  { href: "/dashboards", label: "Dashboards" },
  { href: "/sites", label: "Sites" },
];

/**
 * The last link depends on the role. Editors have a section of the settings of their own (client shares,
 * app/(team)/settings/page.tsx); a viewer's only one is their account, so they get that page by name
 * rather than a Settings page that says they may change nothing.
 */
export function navLinks(role: Role): readonly NavLink[] {
  return [...LINKS, hasRole(role, "editor") ? { href: "/settings", label: "Settings" } : { href: "/settings/account", label: "Account" }];
}

export function NavLinks({ role }: { role: Role }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="-mx-1 flex overflow-x-auto">
      {navLinks(role).map((link) => {
        const active = pathname === link.href || pathname.startsWith(`${link.href}/`);
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={active ? "page" : undefined}
            className={`mx-1 rounded-md px-3 py-2 text-sm whitespace-nowrap ${active ? "bg-accent/10 font-medium text-ink shadow-[inset_0_-2px_0_rgb(var(--accent))]" : "text-muted hover:text-ink"}`}
          >
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
