import { MarkdownText } from "@/components/dashboards/markdown-text";
import { ACCENT } from "./share-accent";
import { logoSrc } from "./share-links";

export type BrandHeaderProps = {
  slug: string;
  clientName: string;
  hasLogo: boolean;
  /** The page's h1 (the report's or dashboard's name); pages with a heading of their own leave it out. */
  title?: string;
  /** The agency's words for the locked filters ("Spring campaign only"). */
  lockedLabel?: string;
  /** Markdown, rendered without HTML or images. */
  intro?: string;
};

/** The client's branding over the page: a stripe in the accent, the logo and name, the title, the label and the intro. */
export function BrandHeader({ slug, clientName, hasLogo, title, lockedLabel, intro }: BrandHeaderProps) {
  return (
    <header className="border-t-4 border-b border-b-line bg-surface" style={{ borderTopColor: ACCENT }} data-share-header>
      <div className="mx-auto flex w-full max-w-6xl flex-col gap-3 px-4 py-5">
        <div className="flex flex-wrap items-center gap-3">
          {hasLogo ? (
            // A plain <img>: the logo is served by the share's own route; next/image would add client JavaScript.
            // eslint-disable-next-line @next/next/no-img-element
            <img src={logoSrc(slug)} alt={clientName} className="h-10 w-auto max-w-40 object-contain" data-share-logo />
          ) : null}
          <p className="text-sm font-semibold break-words" data-share-client>
            {clientName}
          </p>
        </div>
        {title ? <h1 className="text-2xl font-semibold break-words">{title}</h1> : null}
        {lockedLabel ? (
          <p>
            <span className="inline-block rounded-full border border-line bg-canvas px-2.5 py-0.5 text-xs font-medium break-words" data-share-locked-label>
              {lockedLabel}
            </span>
          </p>
        ) : null}
        {intro?.trim() ? (
          <div className="max-w-3xl" data-share-intro>
            <MarkdownText markdown={intro} />
          </div>
        ) : null}
      </div>
    </header>
  );
}
