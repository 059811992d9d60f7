"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/explore", label: "Explore" },
  { href: "/reports", label: "Reports" },
  { href: "/dashboards", label: "Dashboards" },
  { href: "/sites", label: "Sites" },
  { href: "/settings", label: "Settings" },
] as const;

export function NavLinks() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="-mx-1 flex overflow-x-auto">
      {LINKS.map((link) => {
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
