import { expect, test } from "@playwright/test";

type RunAnswer = {
  totals: Record<string, number>;
  rows: unknown[];
  milestones: Array<{ id: string; name: string; date: string }>;
  comparison?: { totals: Record<string, number> };
};

// Journey: a marketer builds a pageview report of the portfolio pages over the last 12 months, by day,
// compared with the previous period. They see the totals as cards with the change, the daily chart with
// the site's milestones marked on it, and every day in the table.
test("a daily pageview report with a page filter and a comparison: cards, chart with milestones, table", async ({ page }) => {
  await page.goto("/explore");
  // The page has hydrated and run the report its URL describes.
  await expect(page.locator("[data-report-state]")).toHaveAttribute("data-report-state", "ready");
  const builder = page.getByRole("form", { name: "Report builder" });
  await expect(builder.getByLabel("Site", { exact: true })).toHaveValue("CDBUGS");

  await builder.getByLabel("Date range").selectOption({ label: "Last 12 months" });
  await builder.getByLabel("Date grouping").selectOption({ label: "Daily" });
  await builder.getByRole("button", { name: "Add filter" }).click();
  await expect(builder.getByLabel("Filter 1 property")).toHaveValue("pathname");
  await builder.getByLabel("Filter 1 operator").selectOption({ label: "contains" });
  await builder.getByLabel("Filter 1 value").fill("/portfolio");
  await builder.getByRole("radio", { name: "Previous period" }).click();

  const answered = page.waitForResponse((response) => response.url().includes("/api/reports/run") && response.url().includes("compare=previous_period"));
  await builder.getByRole("button", { name: "Run report" }).click();
  const response = await answered;
  expect(response.status()).toBe(200);
  const answer = (await response.json()) as RunAnswer;

  await expect(page).toHaveURL(/range=last_12_months/);
  await expect(page).toHaveURL(/group=day/);
  await expect(page).toHaveURL(/filter=pathname~is_like~\/portfolio/);
  await expect(page).toHaveURL(/compare=previous_period/);
  const report = page.locator("[data-report-state]");
  await expect(report).toHaveAttribute("data-report-state", "ready");

  // Cards: one per metric, the period's total, and the change against the previous period.
  const cards = page.getByRole("list", { name: "Totals" });
  const visits = cards.getByRole("listitem").filter({ hasText: "Visits" });
  await expect(visits).toContainText(answer.totals.visits!.toLocaleString("en-US"));
  // Beside each change, the dates it is compared with.
  await expect(visits).toContainText(/vs [A-Z][a-z]{2} \d{1,2}, \d{4}/);
  for (const label of ["Pageviews", "Bounce rate", "Avg. time on site"]) {
    await expect(cards.getByRole("listitem").filter({ hasText: label }).locator("[data-compared-dates]")).toBeVisible();
  }
  expect(answer.comparison?.totals.visits).toBeGreaterThan(0);

  // The daily chart, with every milestone of the range marked on it and listed under it.
  const chart = page.getByRole("region", { name: "Visits over time" });
  const drawing = chart.getByRole("img", { name: /chart of Visits, daily/ });
  await expect(drawing).toBeVisible();
  await expect(drawing).toHaveAccessibleName(/A dashed line shows the previous period\./);
  await expect(drawing).toHaveAccessibleName(/Milestones: /);
  expect(answer.milestones.length).toBeGreaterThan(0);
  const markers = chart.locator("[data-milestone]");
  await expect(markers.first()).toBeAttached();
  const markerNames = (await markers.evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-milestone") ?? ""))).join(" | ");
  const milestoneList = chart.getByRole("list", { name: "Milestones in this range" });
  for (const milestone of answer.milestones) {
    expect(markerNames).toContain(milestone.name);
    await expect(milestoneList).toContainText(milestone.name);
  }

  // The table: a row per day, sortable, with the share of the total.
  const table = page.getByRole("table");
  await expect(page.getByRole("heading", { name: new RegExp(`All rows \\(${answer.rows.length.toLocaleString("en-US")}\\)`) })).toBeVisible();
  for (const column of ["Date", "Visits", "Pageviews", "Bounce rate", "Avg. time on site", "% of visits"]) {
    await expect(table.getByRole("columnheader", { name: column, exact: true })).toBeVisible();
  }
  await page.getByRole("button", { name: /Show all .* rows/ }).click();
  await expect(table.locator("tbody tr")).toHaveCount(answer.rows.length);
  await table.getByRole("columnheader", { name: "Visits", exact: true }).getByRole("button").click();
  await expect(table.getByRole("columnheader", { name: "Visits", exact: true })).toHaveAttribute("aria-sort", /ascending|descending/);
});
