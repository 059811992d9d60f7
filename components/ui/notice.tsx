import type { ReactNode } from "react";

type Tone = "info" | "error" | "warn" | "success";
const TONES: Record<Tone, string> = {
  info: "border-line bg-surface text-ink",
  error: "border-bad/40 bg-bad/10 text-bad",
  warn: "border-warn/40 bg-warn/10 text-ink",
  success: "border-good/40 bg-good/10 text-ink",
};

export function Notice({ tone = "info", children, className = "" }: { tone?: Tone; children: ReactNode; className?: string }) {
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`rounded-md border px-3 py-2 text-sm ${TONES[tone]} ${className}`}>
      {children}
    </div>
  );
}
