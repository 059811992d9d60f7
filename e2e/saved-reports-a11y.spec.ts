import { expect, test, type Page } from "@playwright/test";
import { seriousViolations } from "./support/axe";
import { APP_URL } from "./support/env";
import { createReport, postJson, runSuffix, storedQuery } from "./support/saved-items";

const PHONE = { width: 390, height: 844 };

/** Every report panel on the page has drawn its report. */
async function reportsDrawn(page: Page) {
  const states = page.locator("[data-report-state]");
  await expect(states.first()).toBeVisible();
  for (const state of await states.all()) await expect(state).toHaveAttribute("data-report-state", "ready");
}

// Journey: someone who uses a screen reader or the keyboard, on a desktop and on a phone, opens the list of
// saved reports, one report's page with its history, and a dashboard with every kind of tile. Axe finds no
// serious or critical problem on any of them.
test.describe("saved reports and dashboards are accessible", () => {
  let reportId = 0;
  let dashboardId = 0;

  test.beforeAll(async ({ browser }) => {
    const context = await browser.newContext();
    const request = context.request;
    const suffix = runSuffix();
    const report = await createReport(request, `Axe visits ${suffix}`, storedQuery({ grouping: "day", compare: "previous_period" }), "Visits by day");
    const changed = await request.patch(`/api/reports/${report.id}`, {
      headers: { Origin: APP_URL, "Content-Type": "application/json" },
      data: { query: storedQuery({ grouping: "day", compare: "previous_period", range: { preset: "last_90_days" } }), baseVersion: 1 },
    });
    expect(changed.status()).toBe(200);
    reportId = report.id;
    const board = await postJson(request, "/api/dashboards", {
      name: `Axe board ${suffix}`,
      layout: {
        range: null,
        filters: [],
        tiles: [
          { id: "text-tile", kind: "text", size: "full", markdown: "## Notes\n\nA [link](https://example.com) and a list:\n\n- one\n- two" },
          { id: "report-tile", kind: "report", size: "wide", reportId, view: "all", pinRange: false, pinFilters: false },
          { id: "live-tile", kind: "current_visitors", size: "small", site: "CDBUGS" },
        ],
      },
    });
    expect(board.status(), await board.text()).toBe(201);
    dashboardId = (await board.json()).id;
    await context.close();
  });

  for (const [device, viewport] of [["desktop", null], ["phone", PHONE]] as const) {
    test(`/reports on a ${device}`, async ({ page }) => {
      if (viewport) await page.setViewportSize(viewport);
      await page.goto("/reports");
      await expect(page.getByRole("heading", { level: 1, name: "Reports" })).toBeVisible();
      await expect(page.getByRole("link", { name: /^Axe visits / }).first()).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test(`/reports/[id] with its history on a ${device}`, async ({ page }) => {
      if (viewport) await page.setViewportSize(viewport);
      await page.goto(`/reports/${reportId}`);
      await reportsDrawn(page);
      await expect(page.getByRole("region", { name: /History/ })).toContainText(/last 30 days → last 90 days/i);
      expect(await seriousViolations(page)).toEqual([]);
    });

    test(`/dashboards/[id] with every kind of tile on a ${device}, viewing and editing`, async ({ page }) => {
      if (viewport) await page.setViewportSize(viewport);
      await page.goto(`/dashboards/${dashboardId}`);
      await reportsDrawn(page);
      await expect(page.locator("li[data-tile-kind=current_visitors]").getByText(/current visitors?/i).first()).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole("button", { name: "Edit" }).click();
      await expect(page.getByRole("button", { name: "Add a tile" })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
});
