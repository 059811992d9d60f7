/**
 * The report's loading shape, alone in its module: Explore shows it while the panel's own code (and
 * recharts) loads, so the page's first JavaScript carries this and nothing else of the report states.
 */
const block = "animate-pulse rounded-md bg-line/60";

/**
 * While the first answer loads: the shapes of the cards (none for 0), chart and table the answer will
 * fill, and one sentence for screen readers.
 */
export function ReportSkeleton({ cards, chart = true, table = true }: { cards: number; chart?: boolean; table?: boolean }) {
  return (
    <div aria-busy="true" className="flex flex-col gap-4" data-testid="report-skeleton">
      <p role="status" className="sr-only">
        Loading the report…
      </p>
      {cards > 0 ? (
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-4">
          {Array.from({ length: cards }, (_, index) => (
            <div key={index} className={`${block} h-20`} />
          ))}
        </div>
      ) : null}
      {chart ? <div className={`${block} h-72`} /> : null}
      {table ? <div className={`${block} h-40`} /> : null}
    </div>
  );
}
