import { expect, test, type Page, type Response } from "@playwright/test";
import { seriousViolations } from "./support/axe";
import { ADMIN_STATE } from "./support/env";
import { clearFaults, injectFault, markRequests, setSimConfig, type SimRequest } from "./support/simulator";

// Journey: the team watches who is on a site right now during a launch. An admin tightens the refresh
// interval; the panel shows the simulator's figure and follows it, asks nothing while its tab is hidden,
// keeps its last figure through a storm of 429s, and twenty people watching cost one upstream request per
// interval. The tests share the interval and the simulator's current-visitors faults, so they run in order.
test.describe.configure({ mode: "serial" });

const INTERVAL_SECONDS = 5;
const CURRENT_VISITORS = "/v1/current_visitors";
/** Long enough for one refresh at the server's default interval (15 s), should the admin's not be set. */
const NEXT_REFRESH = { timeout: 25_000 };

/** The large figure: "1,234 current visitors" (the live region says "Now …", so it is not matched). */
const figure = (page: Page) => page.getByText(/^[\d,]+ current visitors?$/);
const isPanelAnswer = (siteId: string) => (response: Response) =>
  response.url().includes(`/api/sites/${siteId}/current-visitors`) && response.request().method() === "GET";
const upstreamFor = (requests: SimRequest[], siteId: string) => requests.filter((request) => request.query.site_id === siteId);

/** Fakes the page being hidden or shown, as switching tabs does. */
async function setVisibility(page: Page, state: "hidden" | "visible") {
  await page.evaluate((hidden) => {
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => (hidden ? "hidden" : "visible") });
    Object.defineProperty(document, "hidden", { configurable: true, get: () => hidden });
    document.dispatchEvent(new Event("visibilitychange", { bubbles: true }));
  }, state === "hidden");
}

test.afterAll(async ({ request }) => {
  await request.put("/api/settings/live", { data: { intervalSeconds: null } });
  await clearFaults();
});

test("an admin sets how often current visitors are refreshed", async ({ page }) => {
  await page.goto("/settings");
  await page.getByRole("link", { name: /Current visitors/ }).click();
  await expect(page.getByRole("heading", { name: "Current visitors", level: 1 })).toBeVisible();
  await expect(page.getByText(/Now: the server's default, every 15 s/)).toBeVisible();

  const field = page.getByLabel("Refresh interval (seconds)");
  await field.fill("2");
  await page.getByRole("button", { name: "Save interval" }).click();
  await expect(page.getByText("At least 5 seconds")).toBeVisible();

  await field.fill(String(INTERVAL_SECONDS));
  await expect(page.getByText(/Each watched site costs about 12 of your \d+ report requests a minute/)).toBeVisible();
  await page.getByRole("button", { name: "Save interval" }).click();
  await expect(page.getByText(`Saved: every ${INTERVAL_SECONDS} s.`)).toBeVisible();
  await page.reload();
  await expect(page.getByText(`Now: every ${INTERVAL_SECONDS} s, set by an admin. The server's default is 15 s.`)).toBeVisible();
});

test("the panel shows the simulator's figure and follows it when it changes", async ({ page }) => {
  try {
    await setSimConfig({ currentVisitors: { siteId: "CDBUGS", total: 42 } });
    await page.goto("/sites");
    await page.getByRole("link", { name: "Current visitors on Bugs Bunny Portfolio" }).click();
    await expect(page).toHaveURL(/\/sites\/CDBUGS\/live$/);
    await expect(page.getByRole("heading", { name: "Current visitors: Bugs Bunny Portfolio" })).toBeVisible();
    await expect(figure(page)).toHaveText("42 current visitors");
    await expect(page.getByText(/^Updated (just now|\d+ s ago)$/)).toBeVisible();
    await expect(page.getByRole("region", { name: "Top pages" }).getByRole("listitem").first()).toBeVisible();
    await expect(page.getByRole("region", { name: "Top referrers" })).toBeVisible();

    await setSimConfig({ currentVisitors: { siteId: "CDBUGS", total: 1234 } });
    await expect(figure(page)).toHaveText("1,234 current visitors", NEXT_REFRESH);
    // The sparkline now has at least two figures to draw, 1,234 the highest. (Its lowest may be a figure
    // another journey left in the shared cache just before 42 arrived.)
    await expect(page.getByText(/^Between \d+ and 1,234 since /)).toBeVisible();

    // Accessible in light and dark.
    expect(await seriousViolations(page, { include: "main" })).toEqual([]);
    await page.emulateMedia({ colorScheme: "dark" });
    expect(await seriousViolations(page, { include: "main" })).toEqual([]);

    // Phone width: the figure and the lists still fit.
    await page.setViewportSize({ width: 375, height: 740 });
    await expect(figure(page)).toBeInViewport();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  } finally {
    await setSimConfig({ currentVisitors: { siteId: "CDBUGS", total: null } });
  }
});

test("nothing is asked while the page is hidden, and it catches up at once when shown", async ({ page }) => {
  const site = "PDNGTON";
  try {
    await setSimConfig({ currentVisitors: { siteId: site, total: 7 } });
    const first = page.waitForResponse(isPanelAnswer(site));
    await page.goto(`/sites/${site}/live`);
    const interval = (await (await first).json()).meta.intervalSeconds as number;
    await expect(figure(page)).toHaveText("7 current visitors");

    let asked = 0;
    page.on("request", (request) => {
      if (request.url().includes(`/api/sites/${site}/current-visitors`)) asked++;
    });
    await setVisibility(page, "hidden");
    const mark = await markRequests();
    await setSimConfig({ currentVisitors: { siteId: site, total: 8 } });
    // Hidden for well over two intervals: a polling panel would have asked at least twice.
    await page.waitForTimeout((2 * interval + 3) * 1000);
    expect(asked).toBe(0);
    expect(upstreamFor(await mark.since(CURRENT_VISITORS), site)).toEqual([]);
    await expect(figure(page)).toHaveText("7 current visitors");

    const shownAt = Date.now();
    const answer = page.waitForResponse(isPanelAnswer(site));
    await setVisibility(page, "visible");
    await answer;
    expect(Date.now() - shownAt).toBeLessThan(3_000);
    await expect(figure(page)).toHaveText("8 current visitors");
  } finally {
    await setSimConfig({ currentVisitors: { siteId: site, total: null } });
  }
});

test("a storm of 429s from Fathom never blanks the figure", async ({ page }) => {
  const site = "SKIPPYAU";
  try {
    await setSimConfig({ currentVisitors: { siteId: site, total: 777 } });
    await page.goto(`/sites/${site}/live`);
    await expect(figure(page)).toHaveText("777 current visitors");

    await injectFault({ status: 429, count: 1000, retryAfter: 2, path: CURRENT_VISITORS });
    await setSimConfig({ currentVisitors: { siteId: site, total: 778 } });
    await expect(page.getByRole("status").filter({ hasText: /showing the last figure/i })).toBeVisible(NEXT_REFRESH);
    // Through several more polls the last figure stays on screen.
    for (let poll = 0; poll < 3; poll++) {
      await page.waitForResponse(isPanelAnswer(site), NEXT_REFRESH);
      await expect(figure(page)).toHaveText("777 current visitors");
    }

    await clearFaults();
    await expect(figure(page)).toHaveText("778 current visitors", NEXT_REFRESH);
    await expect(page.getByRole("status").filter({ hasText: /showing the last figure/i })).toHaveCount(0);
  } finally {
    await clearFaults();
    await setSimConfig({ currentVisitors: { siteId: site, total: null } });
  }
});

test("twenty people watching one site for a minute cost at most one upstream request per interval", async ({ browser }) => {
  test.setTimeout(240_000);
  const site = "DAFFYLAB";
  const contexts = await Promise.all(Array.from({ length: 20 }, () => browser.newContext({ storageState: ADMIN_STATE })));
  let polls = 0;
  try {
    await setSimConfig({ currentVisitors: { siteId: site, total: 300 } });
    const pages = await Promise.all(contexts.map((context) => context.newPage()));
    for (const page of pages) {
      page.on("request", (request) => {
        if (request.url().includes(`/api/sites/${site}/current-visitors`)) polls++;
      });
    }
    // Open them a few at a time (two cores), each showing the figure.
    for (let i = 0; i < pages.length; i += 5) {
      await Promise.all(
        pages.slice(i, i + 5).map(async (page) => {
          await page.goto(`/sites/${site}/live`);
          await expect(figure(page)).toHaveText("300 current visitors");
        }),
      );
    }

    const mark = await markRequests();
    const pollsBefore = polls;
    const interval = (await (await pages[0]!.waitForResponse(isPanelAnswer(site))).json()).meta.intervalSeconds as number;
    await pages[0]!.waitForTimeout(30_000);
    await setSimConfig({ currentVisitors: { siteId: site, total: 2024 } });
    await pages[0]!.waitForTimeout(30_000);

    const upstream = upstreamFor(await mark.since(CURRENT_VISITORS), site).map((request) => Date.parse(request.at));
    const gaps = upstream.slice(1).map((at, i) => at - upstream[i]!);
    const browserPolls = polls - pollsBefore;
    console.log(
      `[current-visitors] 20 viewers × 60 s at ${interval} s: ${browserPolls} polls to Sounding, ${upstream.length} upstream requests, smallest gap ${Math.min(...gaps)} ms`,
    );
    expect(upstream.length).toBeLessThanOrEqual(Math.floor(60 / interval) + 1);
    expect(upstream.length).toBeGreaterThanOrEqual(Math.floor(60 / interval / 2)); // it really was live
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(interval * 1000 - 100);
    expect(browserPolls).toBeGreaterThan(upstream.length * 10);
    for (const page of pages) await expect(figure(page)).toHaveText("2,024 current visitors");
  } finally {
    await setSimConfig({ currentVisitors: { siteId: site, total: null } });
    await Promise.all(contexts.map((context) => context.close()));
  }
});
