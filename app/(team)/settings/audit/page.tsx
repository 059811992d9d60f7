import Link from "next/link";
import { Card } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { NotAllowed } from "@/components/ui/not-allowed";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/button";
import { fieldsFromZod } from "@/lib/api/errors";
import { ACTION_LABELS, auditQuerySchema, type AuditEntry, type AuditOutcome } from "@/lib/audit/audit-entry";
import { auditLog } from "@/lib/audit/audit-log";
import { requireRole } from "@/lib/auth/guard";

export const metadata = { title: "Audit log" };

/**
 * How each outcome reads, and the colour of its detail line. "Outcome unknown" is a write Sounding was
 * interrupted in and could not check with Fathom afterwards; "No answer yet" is one still in flight.
 */
const OUTCOME: Record<AuditOutcome, { label: string; className: string; detailClassName: string }> = {
  ok: { label: "Done", className: "text-good", detailClassName: "text-muted" },
  failed: { label: "Refused", className: "text-bad", detailClassName: "text-bad" },
  pending: { label: "No answer yet", className: "text-warn", detailClassName: "text-muted" },
  unknown: { label: "Outcome unknown", className: "text-warn", detailClassName: "text-warn" },
};

/** `2024-05-01 10:00:05 UTC`: one unambiguous clock for a team spread over timezones. */
function utc(iso: string) {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

/** One write: what happened on top, then who and when; a phone stacks the parts, a wide screen lines them up. */
function Entry({ entry }: { entry: AuditEntry }) {
  const outcome = OUTCOME[entry.outcome];
  return (
    <li
      className="grid gap-1 border-b border-line px-4 py-3 text-sm last:border-0 md:grid-cols-[1fr_14rem_8rem] md:gap-4"
      data-testid="audit-entry"
      data-action={entry.action}
    >
      <div className="min-w-0">
        <p className="font-medium break-words">{entry.summary}</p>
        <p className="text-xs break-all text-muted">
          {ACTION_LABELS[entry.action]}
          {entry.siteId !== "" && (
            <>
              {" "}
              on <code className="font-mono">{entry.siteId}</code>
            </>
          )}
          {entry.targetId ? (
            <>
              {" · "}
              <code className="font-mono">{entry.targetId}</code>
            </>
          ) : null}
        </p>
        {entry.detail ? <p className={`text-xs ${outcome.detailClassName}`}>{entry.detail}</p> : null}
      </div>
      <div className="text-muted">
        <span className="text-ink">{entry.actor.name}</span> <span className="text-xs break-all">{entry.actor.email}</span>
        <time dateTime={entry.at} className="block text-xs">
          {utc(entry.at)}
        </time>
      </div>
      <p className={`font-medium ${outcome.className}`}>{outcome.label}</p>
    </li>
  );
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { allowed } = await requireRole("admin");
  if (!allowed) return <NotAllowed role="admin" />;
  const raw = await searchParams;
  const parsed = auditQuerySchema.safeParse({
    before: typeof raw.before === "string" ? raw.before : undefined,
    site: typeof raw.site === "string" && raw.site.trim() !== "" ? raw.site : undefined,
  });
  const description = "Every change made through Sounding (milestones and events in Fathom, saved reports and dashboards here): who, what, when, and how it ended.";
  if (!parsed.success) {
    return (
      <>
        <PageHeader title="Audit log" description={description} />
        <Notice tone="error">
          {Object.values(fieldsFromZod(parsed.error)).flat().join(" ")}{" "}
          <Link href="/settings/audit" className="underline">
            Show the newest entries
          </Link>
        </Notice>
      </>
    );
  }
  const query = parsed.data;
  const page = await (await auditLog()).list(query);
  const older = new URLSearchParams({ ...(query.site ? { site: query.site } : {}), ...(page.nextBefore ? { before: String(page.nextBefore) } : {}) });

  return (
    <>
      <PageHeader title="Audit log" description={description} />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-2" role="search">
        <div className="flex flex-col gap-1">
          <label htmlFor="audit-site" className="text-sm font-medium">
            Site id
          </label>
          <input id="audit-site" name="site" defaultValue={query.site ?? ""} placeholder="All sites" className={`${inputClass} w-44`} />
        </div>
        <button type="submit" className={buttonClass("secondary")}>
          Filter
        </button>
        {query.site || query.before ? (
          <Link href="/settings/audit" className="px-2 py-2 text-sm text-accent hover:underline">
            Newest, all sites
          </Link>
        ) : null}
      </form>
      {page.entries.length === 0 ? (
        <Card className="text-sm text-muted">
          {query.site || query.before ? "No entries here." : "Nothing has been changed through Sounding yet. Milestone and event changes will show here."}
        </Card>
      ) : (
        <section className="rounded-lg border border-line bg-surface shadow-sm">
          <ol aria-label="Audit log entries, newest first">
            {page.entries.map((entry) => (
              <Entry key={entry.id} entry={entry} />
            ))}
          </ol>
        </section>
      )}
      {page.nextBefore ? (
        <p className="mt-4">
          <Link href={`/settings/audit?${older}`} className="text-sm text-accent hover:underline">
            Older entries
          </Link>
        </p>
      ) : null}
    </>
  );
}
