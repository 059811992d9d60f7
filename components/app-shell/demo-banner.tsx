export function DemoBanner({ isAdmin }: { isAdmin: boolean }) {
  return (
    <div role="status" className="border-b border-warn/40 bg-warn/10 px-4 py-1.5 text-center text-sm print:hidden">
      <strong>Demo data — no Fathom token configured.</strong>{" "}
      {isAdmin ? (
        <a href="/settings/connection" className="underline">
          Connect your Fathom account
        </a>
      ) : (
        <span className="text-muted">Ask an admin to connect your Fathom account.</span>
      )}
    </div>
  );
}
