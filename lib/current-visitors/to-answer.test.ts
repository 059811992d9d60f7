import { describe, expect, it } from "vitest";
import type { LiveMeta } from "./answer";
import { currentVisitorsAnswerSchema, currentVisitorsQuerySchema } from "./answer";
import { toCurrentVisitorsAnswer } from "./to-answer";

const meta: LiveMeta = {
  fetchedAt: "2026-03-10T12:00:00.000Z",
  freshUntil: "2026-03-10T12:00:15.000Z",
  cached: false,
  stale: false,
  shared: false,
  nextRefreshAt: "2026-03-10T12:00:15.000Z",
  intervalSeconds: 15,
  baseIntervalSeconds: 15,
};

const fathomAnswer = {
  total: 9,
  content: [
    { hostname: "https://example.com", pathname: "/blog", total: 2 },
    { hostname: "https://example.com", pathname: "/", total: 7 },
  ],
  referrers: [{ referrer_hostname: null, referrer_pathname: null, total: 3 }],
};

describe("the current-visitors answer", () => {
  it("names Fathom's rows as the panel does, most visitors first", () => {
    const answer = toCurrentVisitorsAnswer("CDBUGS", true, { data: fathomAnswer, meta });
    expect(answer.pages?.map((row) => row.pathname)).toEqual(["/", "/blog"]);
    expect(answer.referrers).toEqual([{ hostname: null, pathname: null, total: 3 }]);
    expect(currentVisitorsAnswerSchema.parse(answer)).toEqual(answer);
  });

  it("carries no rows when the simple figure was asked for", () => {
    const answer = toCurrentVisitorsAnswer("CDBUGS", false, { data: { total: 9 }, meta });
    expect(answer).toMatchObject({ total: 9, pages: null, referrers: null });
  });

  it("reads ?detailed=true|false and refuses anything else", () => {
    expect(currentVisitorsQuerySchema.parse({})).toEqual({ detailed: false });
    expect(currentVisitorsQuerySchema.parse({ detailed: "true" })).toEqual({ detailed: true });
    expect(currentVisitorsQuerySchema.safeParse({ detailed: "yes" }).error?.issues[0]?.message).toBe("detailed must be true or false");
  });
});
