/**
 * A share's accent colour marks its header and draws its charts on the client's page, light and dark. As a
 * graphic it must stand out at 3:1 (WCAG 1.4.11) against both page surfaces (`--surface` in
 * app/globals.css), or a client on the other colour scheme would not see the lines. Isomorphic and pure.
 */
export const LIGHT_SURFACE = "#ffffff";
export const DARK_SURFACE = "#141a24";
export const MIN_ACCENT_CONTRAST = 3;

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of `#rrggbb`. */
export function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** The WCAG contrast ratio of two `#rrggbb` colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Why `hex` cannot be a share's accent (naming the ratio that fails), or null when it stands out on both pages. */
export function accentProblem(hex: string): string | null {
  const light = contrastRatio(hex, LIGHT_SURFACE);
  const dark = contrastRatio(hex, DARK_SURFACE);
  if (light < MIN_ACCENT_CONTRAST) {
    return `This colour is too light: ${light.toFixed(2)}:1 against the light page, and it needs ${MIN_ACCENT_CONTRAST}:1. Pick a darker shade.`;
  }
  if (dark < MIN_ACCENT_CONTRAST) {
    return `This colour is too dark: ${dark.toFixed(2)}:1 against the dark page, and it needs ${MIN_ACCENT_CONTRAST}:1. Pick a lighter shade.`;
  }
  return null;
}
