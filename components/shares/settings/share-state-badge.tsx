import type { ShareState } from "@/lib/shares/share";

/** The state in words, with a colour and a mark only as extra cues (never colour alone). */
const LOOKS: Record<ShareState, { mark: string; className: string }> = {
  active: { mark: "●", className: "border-good/40 bg-good/10 text-ink" },
  paused: { mark: "❚❚", className: "border-warn/40 bg-warn/10 text-ink" },
  expired: { mark: "◷", className: "border-line bg-canvas text-muted" },
  revoked: { mark: "✕", className: "border-bad/40 bg-bad/10 text-bad" },
};

export function ShareStateBadge({ state }: { state: ShareState }) {
  const look = LOOKS[state];
  return (
    <span data-share-state={state} className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap ${look.className}`}>
      <span aria-hidden="true">{look.mark}</span>
      {state}
    </span>
  );
}
