/**
 * What the public share page (app/share/[slug]/page.tsx) renders, as lib/shares/share-page.ts decides it
 * from the slug, the unlock cookie and the `range` asked for. Isomorphic types only.
 */
import type { DatePreset } from "@/lib/query/date-presets";
import type { ShareView } from "./share-view";

/** Why a link shows nothing: each has its own clear page (and the data route its own status). */
export type ShareRefusal = "not_found" | "paused" | "expired" | "revoked" | "gone";

/** The branding a page without figures still shows (the password form, a refused range). */
export type ShareBranding = { clientName: string; accent: string | null; hasLogo: boolean; madeWith: boolean };

export type SharePageState =
  | { kind: "refused"; reason: ShareRefusal; title: string; message: string }
  | {
      kind: "locked";
      branding: ShareBranding;
      /** "wrong": the last password was wrong; "locked": too many wrong ones from this address. */
      error: "wrong" | "locked" | null;
      /** Minutes until this address may try again, when locked. */
      retryMinutes: number | null;
    }
  | { kind: "bad_range"; branding: ShareBranding; message: string; presets: DatePreset[] }
  | { kind: "view"; view: ShareView };
