import { expect, test, type Page } from "@playwright/test";

type Row = { fields: Record<string, string | null>; values: Record<string, number> };
type RunAnswer = { rows: Row[]; comparison?: { rows: Row[] } };

async function open(page: Page, search: string): Promise<RunAnswer> {
  const answered = page.waitForResponse((response) => response.url().includes("/api/reports/run"));
  await page.goto(`/explore?${search}`);
  const answer = (await (await answered).json()) as RunAnswer;
  await expect(page.locator('[data-report-panel="explore"]')).toHaveAttribute("data-report-state", "ready");
  return answer;
}

// Journey: comparing this month's pages with last month's, the marketer reads each page's own change, not only
// the totals, then clicks a page to see its figures alone (as in Plausible), and Back brings the breakdown back.
test("a compared breakdown shows each row's change, and clicking a value filters on it, Back undoing it", async ({ page }) => {
  const search = "site=CDBUGS&range=last_30_days&by=pathname&group=none&limit=10&compare=previous_period";
  const answer = await open(page, search);
  const table = page.getByRole("table").first();

  // Each page's change against the same page in the previous period.
  const [top] = answer.rows;
  const before = answer.comparison!.rows.find((row) => row.fields.pathname === top!.fields.pathname);
  expect(before, "the top page had visits in the previous period too").toBeDefined();
  const change = (top!.values.visits! - before!.values.visits!) / before!.values.visits!;
  const expected = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1, signDisplay: "exceptZero" }).format(change);
  const firstRow = table.locator("tbody tr").first();
  await expect(firstRow.locator('[data-row-change]').first()).toContainText(expected.replace(/^[+-]/, ""));
  await expect(page.locator("[data-row-change-note]")).toContainText("Changes are against the previous period");

  // Click the top page's value: the report is filtered on it, in a new address.
  const value = top!.fields.pathname!;
  await table.getByRole("button", { name: `Filter on Page is ${value}`, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`filter=pathname~is~${value.replace(/[/.]/g, "\\$&")}`));
  await expect(page.locator('[data-report-panel="explore"]')).toHaveAttribute("data-report-state", "ready");
  await expect(table.locator("tbody tr")).toHaveCount(1);
  await expect(table.locator("tbody tr").first()).toContainText(value);
  // A value the report already filters on is not offered again.
  await expect(table.getByRole("button", { name: `Filter on Page is ${value}`, exact: true })).toHaveCount(0);

  // Back undoes it.
  await page.goBack();
  await expect(page).not.toHaveURL(/filter=/);
  await expect(page.locator('[data-report-panel="explore"]')).toHaveAttribute("data-report-state", "ready");
  await expect(table.locator("tbody tr")).toHaveCount(answer.rows.length);
});

// Journey: from the bar chart of devices, a bar's label filters on it too, with the keyboard.
test("a bar of the breakdown chart filters on its value, from the keyboard", async ({ page }) => {
  await open(page, "site=CDBUGS&range=last_30_days&by=device_type&group=none");
  const bars = page.getByRole("region", { name: /^Top \d+ by visits$/ });
  const first = bars.locator("[data-filter-field='device_type']").first();
  const value = await first.getAttribute("data-filter-value");
  await first.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`filter=device_type~is~${encodeURIComponent(value!).replace(/%20/g, "(%20|\\+)")}`));
  await expect(page.locator('[data-report-panel="explore"]')).toHaveAttribute("data-report-state", "ready");
});
