import Link from "next/link";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import type { SiteDirectoryEntry } from "@/lib/sites/site-directory-entry";

const SHARING_LABELS: Record<SiteDirectoryEntry["sharing"], string> = {
  none: "Not shared",
  private: "Shared with a password",
  public: "Shared publicly",
};

/** One of a site's lists on its card: the count, a link to the site's page for it, and each item (or "No … yet."). */
function SiteList<T>({
  site,
  list,
  title,
  items,
  children,
}: {
  site: SiteDirectoryEntry;
  list: "events" | "milestones";
  title: string;
  items: T[];
  children: (item: T) => ReactNode;
}) {
  return (
    <section aria-label={`${title} of ${site.name}`}>
      <div className="flex items-baseline justify-between gap-2">
        <h3 className="text-sm font-medium">
          {title} <span className="text-muted">({items.length})</span>
        </h3>
        <Link href={`/sites/${encodeURIComponent(site.id)}/${list}`} className="text-sm text-accent hover:underline">
          Open {list}
          <span className="sr-only"> of {site.name}</span>
        </Link>
      </div>
      {items.length ? (
        <ul className="mt-1 flex flex-col gap-0.5 text-sm" data-testid={`site-${list}`}>
          {items.map(children)}
        </ul>
      ) : (
        <p className="mt-1 text-sm text-muted">No {list} yet.</p>
      )}
    </section>
  );
}

function SiteCard({ site }: { site: SiteDirectoryEntry }) {
  const headingId = `site-${site.id}`;
  return (
    <Card
      className="flex flex-col gap-3"
      data-testid="site"
      data-site-id={site.id}
      data-site-name={site.name}
      role="article"
      aria-labelledby={headingId}
    >
      <div>
        <h2 id={headingId} className="text-lg font-medium" data-testid="site-name">
          {site.name}
        </h2>
        <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5 text-sm">
          <dt className="text-muted">Site id</dt>
          <dd>
            <code className="font-mono" data-testid="site-id">
              {site.id}
            </code>
          </dd>
          <dt className="text-muted">Timezone</dt>
          <dd data-testid="site-timezone">{site.timezone ?? "Account default"}</dd>
          <dt className="text-muted">Sharing</dt>
          <dd data-testid="site-sharing" data-sharing={site.sharing}>
            {SHARING_LABELS[site.sharing]}
          </dd>
        </dl>
        <Link
          href={`/sites/${encodeURIComponent(site.id)}/live`}
          aria-label={`Current visitors on ${site.name}`}
          className="mt-2 inline-block text-sm text-accent hover:underline"
        >
          Current visitors
        </Link>
      </div>
      <SiteList site={site} list="events" title="Events" items={site.events}>
        {(event) => (
          <li key={event.id} data-event-id={event.id}>
            {event.name} <code className="font-mono text-xs text-muted">{event.id}</code>
          </li>
        )}
      </SiteList>
      <SiteList site={site} list="milestones" title="Milestones" items={site.milestones}>
        {(milestone) => (
          <li key={milestone.id} data-milestone-id={milestone.id}>
            <time dateTime={milestone.date} className="tabular-nums text-muted">
              {milestone.date}
            </time>{" "}
            {milestone.name}
          </li>
        )}
      </SiteList>
    </Card>
  );
}

/** Every site of the account with its events and milestones, or a clear empty state. */
export function SiteDirectoryView({ sites }: { sites: SiteDirectoryEntry[] }) {
  if (sites.length === 0) {
    return (
      <Card data-testid="sites-empty" className="text-sm">
        <p className="font-medium">This Fathom account has no sites yet.</p>
        <p className="mt-1 text-muted">Add a site in Fathom; it appears here the next time this page loads.</p>
      </Card>
    );
  }
  return (
    <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3" data-testid="sites">
      {sites.map((site) => (
        <SiteCard key={site.id} site={site} />
      ))}
    </div>
  );
}
