import { expect, test, type Page } from "@playwright/test";
import { createReport, memberContext, runSuffix, storedQuery } from "./support/saved-items";

/** The board's tiles, in the order they are drawn: their kinds. */
const tileKinds = (page: Page) => page.getByRole("list", { name: "Tiles" }).locator("li[data-tile]").evaluateAll((items) => items.map((item) => item.getAttribute("data-tile-kind")));
const tileIds = (page: Page) => page.getByRole("list", { name: "Tiles" }).locator("li[data-tile]").evaluateAll((items) => items.map((item) => item.getAttribute("data-tile")));
const panels = (page: Page) => page.locator("[data-report-panel]");

/** Every report tile has drawn its report, and each panel's query (data-report-key) matches `expected`. */
async function expectReportTiles(page: Page, expected: Array<RegExp | { not: RegExp }>) {
  await expect(panels(page)).toHaveCount(expected.length);
  for (const [index, rule] of expected.entries()) {
    const panel = panels(page).nth(index);
    await expect(panel).toHaveAttribute("data-report-state", "ready");
    if (rule instanceof RegExp) await expect(panel).toHaveAttribute("data-report-key", rule);
    else await expect(panel).not.toHaveAttribute("data-report-key", rule.not);
  }
}

// Journey: a marketing lead builds the team's weekly dashboard from three saved reports, a note and the live
// visitor count; reorders it by keyboard alone; changes its range once and sees every report tile follow
// (except the one pinned to its own range); reloads and finds it the same; and a colleague who opens the
// dashboard's address in a browser of their own sees exactly that.
test("build a dashboard, reorder it by keyboard, change its range once, and share its URL", async ({ page, browser }) => {
  test.setTimeout(150_000);
  const suffix = runSuffix();
  const names = [`Daily visits ${suffix}`, `Daily bounce ${suffix}`, `Top pages ${suffix}`];
  // Two that differ only in their metrics (the governor folds them), and one grouped by page.
  await createReport(page.request, names[0]!, storedQuery({ metrics: ["visits", "uniques"], grouping: "day" }));
  await createReport(page.request, names[1]!, storedQuery({ metrics: ["pageviews", "bounce_rate"], grouping: "day" }));
  await createReport(
    page.request,
    names[2]!,
    storedQuery({ metrics: ["pageviews"], grouping: "none", by: ["pathname"], sort: { field: "pageviews", direction: "desc" }, limit: 10 }),
  );

  await page.goto("/dashboards");
  await page.getByRole("button", { name: "New dashboard" }).click();
  await page.getByRole("dialog").getByLabel("Name").fill(`Weekly ${suffix}`);
  await page.getByRole("dialog").getByRole("button", { name: "Create" }).click();
  await expect(page).toHaveURL(/\/dashboards\/\d+$/);
  const boardPath = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { level: 1, name: `Weekly ${suffix}` })).toBeVisible();

  await page.getByRole("button", { name: "Edit" }).click();
  const addTile = async (kind: string, fill: (dialog: ReturnType<Page["getByRole"]>) => Promise<void>) => {
    await page.getByRole("button", { name: "Add a tile" }).click();
    const dialog = page.getByRole("dialog", { name: "Add a tile" });
    await dialog.getByRole("radio", { name: kind }).check();
    await fill(dialog);
    await dialog.getByRole("button", { name: "Add tile" }).click();
    await expect(dialog).toBeHidden();
  };
  for (const [index, name] of names.entries()) {
    await addTile("Saved report", async (dialog) => {
      const option = dialog.getByLabel("Report", { exact: true }).locator("option", { hasText: name });
      await expect(option).toBeAttached();
      await dialog.getByLabel("Report", { exact: true }).selectOption((await option.getAttribute("value"))!);
      if (index === 2) await dialog.getByLabel("Pin the report's own range").check();
    });
  }
  await addTile("Text", async (dialog) => {
    await dialog.getByLabel("Text (Markdown)").fill("## This week\n\nNumbers for the **Monday** meeting. <script>alert(1)</script>");
  });
  await addTile("Current visitors", async () => {});
  expect(await tileKinds(page)).toEqual(["report", "report", "report", "text", "current_visitors"]);

  // Keyboard only: the text tile's handle (second row, right), Space to lift, Up and Left, Space to drop:
  // it goes first, in the top-left corner of the grid.
  const before = await tileIds(page);
  const handle = page.getByRole("button", { name: /^Move Text.*, position 4 of 5$/ });
  await handle.focus();
  // Each step waits for what a screen reader hears, as its user would.
  const announced = page.locator("[id^=DndLiveRegion]");
  await page.keyboard.press("Space");
  await expect(announced).toHaveText(/Text .*position 4 of 5/);
  await page.keyboard.press("ArrowUp");
  await expect(announced).toHaveText(/is over position 2 of 5/);
  await page.keyboard.press("ArrowLeft");
  await expect(announced).toHaveText(/is over position 1 of 5/);
  await page.keyboard.press("Space");
  await expect(announced).toHaveText(/dropped in position 1 of 5/);
  await expect.poll(() => tileIds(page)).toEqual([before[3], before[0], before[1], before[2], before[4]]);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("button", { name: "Edit" })).toBeVisible();

  // The text tile is Markdown, rendered without the raw HTML; current visitors shows its figure.
  const text = page.locator("li[data-tile-kind=text]");
  await expect(text.getByRole("heading", { name: "This week" })).toBeVisible();
  await expect(text.locator("strong")).toHaveText("Monday");
  await expect(text.locator("script")).toHaveCount(0);
  await expect(page.locator("li[data-tile-kind=current_visitors]").getByText(/current visitors?/i).first()).toBeVisible();

  // Every report tile runs its own range (last 30 days) until the board's range changes, once.
  await expectReportTiles(page, [{ not: /range=last_7_days/ }, { not: /range=last_7_days/ }, { not: /range=last_7_days/ }]);
  await page.getByRole("region", { name: "Range and filters for every report tile" }).getByLabel("Date range").selectOption("last_7_days");
  await expect(page).toHaveURL(/[?&]range=last_7_days/);
  await expectReportTiles(page, [/range=last_7_days/, /range=last_7_days/, { not: /range=last_7_days/ }]);
  await expect(page.locator("li[data-tile-kind=report]").nth(2).getByText(/Pinned range/)).toBeVisible();
  const shared = page.url();

  // Reload: the same order, the same range.
  await page.reload();
  expect(await tileKinds(page)).toEqual(["text", "report", "report", "report", "current_visitors"]);
  await expectReportTiles(page, [/range=last_7_days/, /range=last_7_days/, { not: /range=last_7_days/ }]);

  // A colleague (a viewer) opens the address in a browser of their own: the same board, read-only.
  const colleague = await memberContext(browser, page.request, "viewer", { name: `Val ${suffix}`, email: `val-${suffix}@example.com` });
  try {
    const theirs = await colleague.newPage();
    await theirs.goto(shared);
    expect(new URL(theirs.url()).pathname).toBe(boardPath);
    expect(await tileKinds(theirs)).toEqual(["text", "report", "report", "report", "current_visitors"]);
    await expectReportTiles(theirs, [/range=last_7_days/, /range=last_7_days/, { not: /range=last_7_days/ }]);
    await expect(theirs.getByRole("button", { name: "Edit" })).toHaveCount(0);
    // A tile opens its report in Explore with the board's range applied.
    await theirs.locator("li[data-tile-kind=report]").first().getByRole("link", { name: names[0]! }).click();
    await expect(theirs).toHaveURL(/\/explore\?report=\d+&.*range=last_7_days/);
  } finally {
    await colleague.close();
  }
});
