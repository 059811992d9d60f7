import { formatInstant } from "@/lib/format/format-date";

export type ShareFooterProps = {
  madeWith: boolean;
  /** When the oldest figures were fetched (ISO), and the timezone to say it in; absent on pages without figures. */
  fetchedAt?: string;
  timezone?: string;
  stale?: boolean;
};

/** When the figures are from, honestly (a last good answer says so), and "Made with Sounding" when the agency wants it. */
export function ShareFooter({ madeWith, fetchedAt, timezone = "UTC", stale = false }: ShareFooterProps) {
  if (!fetchedAt && !madeWith) return null;
  return (
    <footer className="border-t border-line" data-share-footer>
      <div className="mx-auto flex w-full max-w-6xl flex-wrap justify-between gap-2 px-4 py-4 text-xs text-muted">
        {fetchedAt ? (
          <p data-share-fetched>
            Figures as of <time dateTime={fetchedAt}>{formatInstant(fetchedAt, timezone)}</time> ({timezone} time)
            {stale ? "; some figures are from the last good answer, as Fathom could not be asked in time" : ""}.
          </p>
        ) : null}
        {madeWith ? <p data-share-made-with>Made with Sounding</p> : null}
      </div>
    </footer>
  );
}
