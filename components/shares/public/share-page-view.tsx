import { datePresetSchema } from "@/lib/query/date-presets";
import type { SharePageState } from "@/lib/shares/share-page-state";
import { BadRangePage } from "./bad-range-page";
import { LockedPage } from "./locked-page";
import { RefusedPage } from "./refused-page";
import { ShareViewPage } from "./share-view-page";

export type SharePageViewProps = {
  state: SharePageState;
  slug: string;
  /** `?embed=1`: inside an allowed origin's frame, without the header. */
  embedded: boolean;
  /** The `range` asked for, as the address wrote it (the unlock form carries it back if it is a preset). */
  range?: string;
  /** `?unlock=wrong`: the unlock route sent the browser back after a wrong password. */
  unlockFailed?: boolean;
};

/**
 * The share page for what the server decided (lib/shares/share-page.ts): one component per state, all
 * rendered on the server with no client JavaScript of their own.
 */
export function SharePageView({ state, slug, embedded, range, unlockFailed = false }: SharePageViewProps) {
  switch (state.kind) {
    case "refused":
      return <RefusedPage title={state.title} message={state.message} />;
    case "locked": {
      // Only a real preset goes back into the form: the address is the visitor's to edit.
      const preset = datePresetSchema.safeParse(range);
      return (
        <LockedPage
          slug={slug}
          branding={state.branding}
          embedded={embedded}
          range={preset.success ? preset.data : null}
          error={state.error ?? (unlockFailed ? "wrong" : null)}
          retryMinutes={state.retryMinutes}
        />
      );
    }
    case "bad_range":
      return <BadRangePage slug={slug} branding={state.branding} embedded={embedded} message={state.message} presets={state.presets} />;
    case "view":
      return <ShareViewPage view={state.view} slug={slug} embedded={embedded} />;
  }
}
