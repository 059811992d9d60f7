import type { DatePreset } from "@/lib/query/date-presets";

export type UnlockError = "wrong" | "locked" | null;

/** What the form says after a refused password; the minutes come from the server's lockout. */
export function unlockMessage(error: UnlockError, retryMinutes: number | null): string | null {
  if (error === "wrong") return "That password is not right. Try again.";
  if (error === "locked") {
    const minutes = Math.max(1, Math.ceil(retryMinutes ?? 15));
    return `Too many wrong passwords from your address. Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
  }
  return null;
}

/**
 * The password form: a plain POST to the share's unlock route, which sets the cookie and sends the browser
 * back here (with the range it asked for), so it works without JavaScript.
 */
export function UnlockForm({
  slug,
  range,
  embedded,
  error,
  retryMinutes,
}: {
  slug: string;
  range: DatePreset | null;
  /** Inside an allowed site's frame: the page comes back embedded after the unlock. */
  embedded: boolean;
  error: UnlockError;
  retryMinutes: number | null;
}) {
  const message = unlockMessage(error, retryMinutes);
  return (
    <div className="flex flex-col gap-3">
      {message ? (
        <p id="share-unlock-error" role="alert" className="rounded-md border border-bad/40 bg-surface px-3 py-2 text-sm text-bad" data-share-unlock-error={error ?? undefined}>
          {message}
        </p>
      ) : null}
      <form method="post" action={`/share/${slug}/unlock`} className="flex flex-col gap-3 print:hidden" data-share-unlock>
        {range ? <input type="hidden" name="range" value={range} /> : null}
        {embedded ? <input type="hidden" name="embed" value="1" /> : null}
        <div className="flex flex-col gap-1">
          <label htmlFor="share-password" className="text-sm font-medium">
            Password
          </label>
          <input
            id="share-password"
            type="password"
            name="password"
            autoComplete="current-password"
            required
            aria-invalid={error === "wrong" ? true : undefined}
            aria-describedby={message ? "share-unlock-error" : undefined}
            className="rounded-md border border-muted bg-surface px-3 py-2 text-sm text-ink"
          />
        </div>
        <button type="submit" className="rounded-md bg-accent px-4 py-2 text-sm font-medium text-accent-ink hover:bg-accent/90">
          Unlock
        </button>
      </form>
    </div>
  );
}
