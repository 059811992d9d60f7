// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { SharePageState } from "@/lib/shares/share-page-state";
import { BRANDING, SLUG, shareView } from "./test-share-view";
import { SharePageView } from "./share-page-view";

afterEach(cleanup);

/** The skip link (components/app-shell/skip-link.tsx) jumps to #main: every share page's <main> must be it. */
const STATES: Record<SharePageState["kind"], SharePageState> = {
  view: { kind: "view", view: shareView() },
  locked: { kind: "locked", branding: BRANDING, error: null, retryMinutes: null },
  bad_range: { kind: "bad_range", branding: BRANDING, message: "", presets: ["last_30_days"] },
  refused: { kind: "refused", reason: "paused", title: "This page is paused", message: "Ask whoever sent you the link." },
};

describe("share pages: the skip link's target", () => {
  it.each(Object.entries(STATES))("the %s page's main landmark is #main", (_kind, state) => {
    render(<SharePageView state={state} slug={SLUG} embedded={false} />);
    expect(screen.getByRole("main").id).toBe("main");
  });
});
