import { DATE_PRESET_LABELS } from "@/lib/format/labels";
import type { DatePreset } from "@/lib/query/date-presets";
import type { ShareBranding } from "@/lib/shares/share-page-state";
import { BrandHeader } from "./brand-header";
import { ShareFooter } from "./share-footer";
import { ShareFrame } from "./share-frame";
import { rangeHref } from "./share-links";

export const BAD_RANGE_HEADING = "That date range isn't part of what was shared.";

export type BadRangePageProps = { slug: string; branding: ShareBranding; embedded: boolean; message: string; presets: readonly DatePreset[] };

/** A range the share does not allow (an edited link): say so, and offer the ranges it does. */
export function BadRangePage({ slug, branding, embedded, message, presets }: BadRangePageProps) {
  return (
    <ShareFrame accent={branding.accent} embedded={embedded}>
      {embedded ? null : <BrandHeader slug={slug} clientName={branding.clientName} hasLogo={branding.hasLogo} />}
      <main id="main" className="mx-auto flex w-full max-w-6xl flex-1 flex-col gap-4 px-4 py-10" data-share-bad-range>
        <h1 className="text-xl font-semibold">{BAD_RANGE_HEADING}</h1>
        {message && message !== BAD_RANGE_HEADING ? <p className="text-sm text-muted">{message}</p> : null}
        {presets.length > 0 ? (
          <nav aria-label="Shared date ranges">
            <ul className="flex flex-wrap gap-2">
              {presets.map((preset) => (
                <li key={preset}>
                  <a href={rangeHref(slug, preset, embedded)} className="inline-block rounded-full border-2 border-line bg-surface px-3 py-1 text-sm hover:border-muted">
                    {DATE_PRESET_LABELS[preset]}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        ) : (
          <p className="text-sm">
            <a href={rangeHref(slug, null, embedded)} className="text-accent underline">
              See the shared dates
            </a>
          </p>
        )}
      </main>
      <ShareFooter madeWith={branding.madeWith} />
    </ShareFrame>
  );
}
