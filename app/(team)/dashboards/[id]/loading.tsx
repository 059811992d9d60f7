/** Shown while the board and its sites load (the store, and the governor's cached site list: usually at once). */
export default function DashboardLoading() {
  return (
    <div className="flex flex-col gap-4">
      <div className="h-8 w-64 animate-pulse rounded bg-line/60" aria-hidden="true" />
      <p role="status" className="text-sm text-muted">
        Loading the dashboard…
      </p>
    </div>
  );
}
