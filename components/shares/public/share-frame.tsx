import type { ReactNode } from "react";
import { accentStyle } from "./share-accent";

/**
 * The root of every share page: the share's accent as a CSS variable (the stripe and the charts read it),
 * the page's colours from the app's light and dark tokens, and the marks the print stylesheet keys on.
 */
export function ShareFrame({ accent, embedded, children }: { accent: string | null; embedded: boolean; children: ReactNode }) {
  return (
    <div data-share-page data-embedded={embedded ? "" : undefined} style={accentStyle(accent)} className="flex min-h-screen flex-col bg-canvas text-ink">
      {children}
    </div>
  );
}
