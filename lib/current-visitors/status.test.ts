import { describe, expect, it } from "vitest";
import { panelStatus } from "./status";

const fresh = { stale: false, intervalSeconds: 15, baseIntervalSeconds: 15 };

describe("the panel's notice", () => {
  it("says nothing while all is well", () => {
    expect(panelStatus({ answer: fresh, failure: null })).toBeNull();
  });

  it("keeps the last figure quietly when Fathom rate-limits a refresh", () => {
    const status = panelStatus({ answer: fresh, failure: { status: 429, message: "Fathom's request limit is reached", retryAfter: 30 } });
    expect(status).toEqual({ tone: "quiet", text: "Fathom's request limit is reached for now: showing the last figure, trying again in about 30 s." });
  });

  it("keeps the last figure quietly on any other failed refresh", () => {
    expect(panelStatus({ answer: fresh, failure: { status: 502, message: "Fathom had a problem" } })?.text).toBe(
      "The figure could not be refreshed: showing the last figure, trying again shortly.",
    );
  });

  it("explains a stale answer", () => {
    expect(panelStatus({ answer: { ...fresh, stale: true }, failure: null })).toMatchObject({ tone: "quiet", text: /Showing the last figure/ });
  });

  it("says when the interval is stretched", () => {
    expect(panelStatus({ answer: { ...fresh, intervalSeconds: 60 }, failure: null })?.text).toBe(
      "Refreshing every 60 s instead of 15 s while the reports budget is tight.",
    );
  });

  it("shows the error itself when there is no figure to keep", () => {
    expect(panelStatus({ answer: null, failure: { status: 404, message: "Fathom has no such site." } })).toEqual({
      tone: "error",
      text: "Fathom has no such site. Sounding is trying again shortly.",
    });
  });
});
