import { formatDateRange } from "@/lib/format/format-date";
import { DATE_PRESET_LABELS } from "@/lib/format/labels";
import type { ShareView } from "@/lib/shares/share-view";
import { ACCENT } from "./share-accent";
import { rangeHref } from "./share-links";

/**
 * The ranges the client may switch between, as plain links (they work without JavaScript), and the dates
 * shown with the window's note when its floor or ceiling cut them. On paper only the dates remain.
 */
export function RangeNav({ slug, window, embedded }: { slug: string; window: ShareView["window"]; embedded: boolean }) {
  return (
    <div className="flex flex-col gap-2" data-share-range>
      {window.presets.length > 1 ? (
        <nav aria-label="Date range" className="print:hidden">
          <ul className="flex flex-wrap gap-2">
            {window.presets.map((preset) => {
              const current = preset === window.current;
              return (
                <li key={preset}>
                  <a
                    href={rangeHref(slug, preset, embedded)}
                    aria-current={current ? "page" : undefined}
                    className={`inline-block rounded-full border-2 bg-surface px-3 py-1 text-sm ${current ? "font-semibold" : "border-line hover:border-muted"}`}
                    style={current ? { borderColor: ACCENT } : undefined}
                  >
                    {DATE_PRESET_LABELS[preset]}
                  </a>
                </li>
              );
            })}
          </ul>
        </nav>
      ) : null}
      {window.startDate && window.endDate ? (
        <p className="text-sm" data-share-dates>
          Showing <strong className="font-semibold">{formatDateRange(window.startDate, window.endDate)}</strong>
          {window.current ? <span className="text-muted"> ({DATE_PRESET_LABELS[window.current].toLowerCase()})</span> : null}
        </p>
      ) : (
        <p className="text-sm text-muted" data-share-dates>
          Each report shows its own dates.
        </p>
      )}
      {window.cut ? (
        <p className="text-xs text-muted" data-share-cut>
          {window.cut}
        </p>
      ) : null}
    </div>
  );
}
