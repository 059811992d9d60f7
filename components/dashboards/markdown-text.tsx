import type { ReactNode } from "react";
import Markdown, { type Components } from "react-markdown";

/**
 * Where a text tile's link may point: the web (http, https), e-mail, or a page of Sounding itself
 * (`/dashboards/3`). Anything else (`javascript:`, `data:`, `//other.host`) is dropped and the words stay.
 */
export function safeLinkUrl(url: string): string | null {
  const trimmed = url.trim();
  if (/^\/(?![/\\])/.test(trimmed)) return trimmed;
  try {
    const { protocol } = new URL(trimmed);
    return protocol === "http:" || protocol === "https:" || protocol === "mailto:" ? trimmed : null;
  } catch {
    return null;
  }
}

/** Markdown headings step down one level: tiles sit under the dashboard's h1, beside the report tiles' h2. */
function heading(Tag: "h2" | "h3" | "h4" | "h5" | "h6", className: string) {
  function MarkdownHeading({ children }: { children?: ReactNode }) {
    return <Tag className={className}>{children}</Tag>;
  }
  return MarkdownHeading;
}

const COMPONENTS: Components = {
  h1: heading("h2", "text-lg font-semibold"),
  h2: heading("h3", "text-base font-semibold"),
  h3: heading("h4", "text-sm font-semibold"),
  h4: heading("h5", "text-sm font-semibold"),
  h5: heading("h6", "text-sm font-medium"),
  h6: heading("h6", "text-sm font-medium"),
  p: ({ children }) => <p className="leading-relaxed">{children}</p>,
  ul: ({ children }) => <ul className="list-disc pl-5">{children}</ul>,
  ol: ({ children }) => <ol className="list-decimal pl-5">{children}</ol>,
  blockquote: ({ children }) => <blockquote className="border-l-2 border-line pl-3 text-muted">{children}</blockquote>,
  code: ({ children }) => <code className="rounded bg-canvas px-1 font-mono text-[0.9em]">{children}</code>,
  pre: ({ children }) => <pre className="overflow-x-auto rounded bg-canvas p-2 text-xs">{children}</pre>,
  hr: () => <hr className="border-line" />,
  // A link whose address was refused keeps its words, without an address.
  a: ({ href, children }) =>
    href ? (
      <a href={href} rel="noopener noreferrer nofollow" className="text-accent underline">
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
  // Remote images would be requests to a third party from everyone who opens the board: their words only.
  img: ({ alt }) => <span className="text-muted">{alt ? `(image: ${alt})` : "(image not shown)"}</span>,
};

/**
 * A text tile's Markdown, rendered safely: raw HTML is skipped (never parsed into elements), images are
 * not loaded, and links keep only web, e-mail and same-site addresses, marked nofollow and opened without
 * an opener or referrer.
 */
export function MarkdownText({ markdown }: { markdown: string }) {
  return (
    <div className="flex min-w-0 flex-col gap-2 text-sm break-words">
      <Markdown skipHtml components={COMPONENTS} urlTransform={(url) => safeLinkUrl(url)}>
        {markdown}
      </Markdown>
    </div>
  );
}
