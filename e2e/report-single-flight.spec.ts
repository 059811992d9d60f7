import { expect, test } from "@playwright/test";
import { ADMIN_STATE } from "./support/env";
import { markRequests } from "./support/simulator";

const VIEWERS = 6;
// A report no other journey asks for, so every request it needs is a cache miss when the viewers arrive.
const REPORT = "/explore?site=PDNGTON&range=2025-02-03..2025-02-16&metrics=pageviews,visits&by=browser&group=day&filter=pathname~is_like~/recipes*";

// Journey (budget): a colleague shares a report link in the team chat and several people open it at the
// same moment. Fathom is asked once for each request the report needs, not once per viewer.
test("the same report opened in several browsers at once costs one upstream call per request", async ({ browser }) => {
  const contexts = await Promise.all(Array.from({ length: VIEWERS }, () => browser.newContext({ storageState: ADMIN_STATE })));
  try {
    const pages = await Promise.all(contexts.map((context) => context.newPage()));
    const mark = await markRequests();
    await Promise.all(pages.map((page) => page.goto(REPORT)));
    const tables = await Promise.all(
      pages.map(async (page) => {
        await expect(page.locator("[data-report-state]")).toHaveAttribute("data-report-state", "ready", { timeout: 30_000 });
        return page.getByRole("table").locator("tbody tr").allInnerTexts();
      }),
    );
    // Everyone sees the same answer…
    for (const rows of tables) expect(rows).toEqual(tables[0]);
    expect(tables[0]!.length).toBeGreaterThan(0);

    // …and the simulator saw each distinct aggregation of this report exactly once.
    const calls = (await mark.since("/v1/aggregations")).filter((call) => call.query.site_id === "PDNGTON" || call.query.entity_id === "PDNGTON");
    const mine = calls.filter((call) => (call.query.date_from ?? "").startsWith("2025-02-03"));
    expect(mine.length).toBeGreaterThan(0);
    const distinct = new Set(mine.map((call) => JSON.stringify(Object.entries(call.query).sort())));
    expect(mine.length).toBe(distinct.size);
    expect(mine.length).toBeLessThanOrEqual(2); // the grouped rows and the ungrouped totals
  } finally {
    await Promise.all(contexts.map((context) => context.close()));
  }
});
