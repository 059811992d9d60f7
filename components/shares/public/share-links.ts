/**
 * Addresses the share page links to itself with: plain links, so switching the range works without
 * JavaScript. The embedded view keeps `embed=1`, or a click inside the frame would bring the header back.
 */
import type { DatePreset } from "@/lib/query/date-presets";

export function rangeHref(slug: string, preset: DatePreset | null, embedded: boolean): string {
  const params = new URLSearchParams();
  if (preset) params.set("range", preset);
  if (embedded) params.set("embed", "1");
  const query = params.toString();
  // The shared range itself has no `range`: its own path (a bare "?" would read as a broken link).
  return preset ? `?${query}` : `/share/${slug}${query ? `?${query}` : ""}`;
}

export function logoSrc(slug: string): string {
  return `/share/${slug}/logo`;
}
