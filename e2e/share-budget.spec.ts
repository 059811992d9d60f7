import { gzipSync } from "node:zlib";
import { expect, test } from "@playwright/test";
import { runSuffix } from "./support/saved-items";
import { createShare, createShareableDashboard, shareSettings } from "./support/shares";
import { markRequests } from "./support/simulator";

const VIEWERS = 30;
// Dates no other journey asks for, so every question the share needs is a cache miss when the viewers arrive.
const RANGE = { preset: "custom", from: "2025-04-07", to: "2025-04-20" };

// Journey (budget): the agency posts the client's link in the client's company chat and thirty people open it
// at the same moment. Fathom is asked once for each distinct question the shared dashboard needs.
test("thirty browsers opening one share at once cost one upstream request per distinct query", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const suffix = runSuffix();
  const { dashboard } = await createShareableDashboard(page.request, suffix, RANGE);
  const share = await createShare(page.request, { target: { kind: "dashboard", id: dashboard.id }, settings: shareSettings({ clientName: `Company ${suffix}` }) });

  const contexts = await Promise.all(Array.from({ length: VIEWERS }, () => browser.newContext({ storageState: { cookies: [], origins: [] } })));
  try {
    const pages = await Promise.all(contexts.map((context) => context.newPage()));
    const mark = await markRequests();
    await Promise.all(pages.map((viewer) => viewer.goto(share.url)));
    const tables = await Promise.all(
      pages.map(async (viewer) => {
        await expect(viewer.locator("[data-share-tile]")).toHaveCount(3);
        return viewer.locator("[data-share-tile] table").first().innerText();
      }),
    );
    // Everyone sees the same figures…
    for (const table of tables) expect(table).toBe(tables[0]);

    // …and the simulator saw each distinct aggregation of the shared reports exactly once.
    const mine = (await mark.since("/v1/aggregations")).filter((call) => (call.query.date_from ?? "").startsWith(RANGE.from));
    expect(mine.length).toBeGreaterThan(0);
    const distinct = new Set(mine.map((call) => JSON.stringify(Object.entries(call.query).sort())));
    expect(mine.length).toBe(distinct.size);
    // Two reports, each its rows and its ungrouped totals at most.
    expect(mine.length).toBeLessThanOrEqual(4);
  } finally {
    await Promise.all(contexts.map((context) => context.close()));
  }
});

// The client's page is server-rendered and ships little script: at most 200 KB gzipped on first load.
test("a share page's first-load JavaScript is at most 200 KB gzipped", async ({ page, browser }) => {
  const suffix = runSuffix();
  const { dashboard } = await createShareableDashboard(page.request, suffix);
  const share = await createShare(page.request, { target: { kind: "dashboard", id: dashboard.id }, settings: shareSettings({ clientName: `Weight ${suffix}` }) });
  const client = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  try {
    const html = await (await client.request.get(share.url, { maxRetries: 2 })).text();
    const sources = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => match[1]!))];
    let total = 0;
    for (const source of sources) {
      const body = await (await client.request.get(new URL(source, share.url).toString(), { maxRetries: 2 })).body();
      total += gzipSync(body).length;
    }
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].reduce((sum, match) => sum + gzipSync(match[1]!).length, 0);
    console.log(`share page first-load JavaScript: ${((total + inline) / 1024).toFixed(1)} KB gzipped (${sources.length} files + inline)`);
    expect(total + inline).toBeLessThanOrEqual(200 * 1024);
  } finally {
    await client.close();
  }
});
