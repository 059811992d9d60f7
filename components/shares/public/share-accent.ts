/**
 * The share's accent colour on its page. Only the header stripe and the chart series wear it: it is checked
 * for 3:1 against both page surfaces (lib/shares/accent-contrast.ts), enough for graphics but not for text,
 * so text and links keep the app's own `--accent`. Pure.
 */
import type { CSSProperties } from "react";

const HEX = /^#[0-9a-f]{6}$/;

/** What the stripe and the series are drawn in: the share's colour, else the app's accent. */
export const ACCENT = "var(--share-accent, rgb(var(--accent)))";

/** The page root's style: the share's colour as `--share-accent`, only when it is a plain `#rrggbb`. */
export function accentStyle(accent: string | null): CSSProperties | undefined {
  if (!accent || !HEX.test(accent)) return undefined;
  return { "--share-accent": accent } as CSSProperties;
}
