import Link from "next/link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/guard";
import { hasRole, type Role } from "@/lib/auth/roles";

export const metadata = { title: "Settings" };

/** Each section with the least role that may open it. */
const SECTIONS: { href: string; title: string; text: string; role: Role }[] = [
  { href: "/settings/account", title: "Your account", text: "Change your password, see where you are signed in, sign out everywhere.", role: "viewer" },
  { href: "/settings/shares", title: "Client shares", text: "Links to a report or dashboard for clients: who opened them, pause, rotate, revoke.", role: "editor" },
  { href: "/settings/users", title: "Users", text: "Invite people, change roles, remove access.", role: "admin" },
  { href: "/settings/connection", title: "Fathom connection", text: "The Fathom API token Sounding uses.", role: "admin" },
  { href: "/settings/live", title: "Current visitors", text: "How often each watched site's current visitors are refreshed.", role: "admin" },
  { href: "/settings/audit", title: "Audit log", text: "Who changed which milestones and events, and when.", role: "admin" },
];

export default async function SettingsPage() {
  const user = await requireUser();
  const sections = SECTIONS.filter((section) => hasRole(user.role, section.role));
  return (
    <>
      <PageHeader title="Settings" />
      {user.role !== "admin" ? <p className="mb-4 text-sm text-muted">Only admins can change the team’s settings. You are signed in as {user.email}.</p> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        {sections.map((section) => (
          <Link key={section.href} href={section.href}>
            <Card className="h-full hover:border-accent">
              <h2 className="font-medium">{section.title}</h2>
              <p className="mt-1 text-sm text-muted">{section.text}</p>
            </Card>
          </Link>
        ))}
      </div>
    </>
  );
}
