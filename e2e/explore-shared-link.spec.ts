import { expect, test, type Page } from "@playwright/test";

const VIEWER = { name: "Vera Viewer", email: `vera-${Date.now()}@example.com`, password: "viewer password 77" };

/** What a reader compares: the cards' figures and every row of the table, as text. */
async function figures(page: Page) {
  await expect(page.locator("[data-report-state]")).toHaveAttribute("data-report-state", "ready");
  return {
    cards: await page.getByRole("list", { name: "Totals" }).getByRole("listitem").allInnerTexts(),
    rows: await page.getByRole("table").locator("tbody tr").allInnerTexts(),
  };
}

// Journey: a marketer builds a report of last month's top pages and copies its link. A colleague with the
// viewer role opens it in their own browser and sees the same figures; the builder shows the same report.
// Back in the first browser, Back walks to the previous report and runs it again.
test("the copied link opens the same report for a colleague; Back walks through earlier reports", async ({ page, browser, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/explore");
  // The page has hydrated and run the report its URL describes.
  await expect(page.locator("[data-report-state]")).toHaveAttribute("data-report-state", "ready");
  const builder = page.getByRole("form", { name: "Report builder" });
  await builder.getByLabel("Date range").selectOption({ label: "Last month" });
  await builder.getByLabel("Date grouping").selectOption({ label: "No date grouping" });
  await builder.getByLabel("Add a field to group by").selectOption({ label: "Page" });
  await builder.getByLabel("Sort by").selectOption({ label: "Pageviews" });
  await builder.getByLabel("Row limit").fill("10");
  await builder.getByLabel("Row limit").press("Control+Enter");
  await expect(page).toHaveURL(/range=last_month&by=pathname&group=none&sort=pageviews:desc&limit=10/);
  const mine = await figures(page);
  expect(mine.rows).toHaveLength(10);
  const reportUrl = page.url();

  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByText(/Link copied/)).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(reportUrl);

  // A colleague (viewer) joins through an invite and opens the link.
  await page.goto("/settings/users");
  await page.getByLabel("Role", { exact: true }).selectOption("viewer");
  await page.getByRole("button", { name: "Create invite link" }).click();
  const invite = await page.getByLabel(/Invite link for a new viewer/).inputValue();
  const colleague = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  try {
    const theirs = await colleague.newPage();
    await theirs.goto(invite);
    await theirs.getByLabel("Name").fill(VIEWER.name);
    await theirs.getByLabel("Email").fill(VIEWER.email);
    await theirs.getByLabel("Password").fill(VIEWER.password);
    await theirs.getByRole("button", { name: "Create my account" }).click();
    await expect(theirs.getByRole("banner")).toContainText("viewer");

    await theirs.goto(copied);
    expect(await figures(theirs)).toEqual(mine);
    const theirBuilder = theirs.getByRole("form", { name: "Report builder" });
    await expect(theirBuilder.getByLabel("Date range")).toHaveValue("last_month");
    await expect(theirBuilder.getByLabel("Row limit")).toHaveValue("10");
    await expect(theirBuilder.getByRole("button", { name: "Stop grouping by Page" })).toBeVisible();
  } finally {
    await colleague.close();
  }

  // Back and forward walk through reports, each run again from its URL.
  await page.goto(reportUrl);
  await figures(page);
  await builder.getByLabel("Date range").selectOption({ label: "Last 7 days" });
  await builder.getByRole("button", { name: "Run report" }).click();
  await expect(page).toHaveURL(/range=last_7_days/);
  const weekly = await figures(page);
  expect(weekly.rows).not.toEqual(mine.rows);

  await page.goBack();
  await expect(page).toHaveURL(reportUrl);
  await expect(builder.getByLabel("Date range")).toHaveValue("last_month");
  expect(await figures(page)).toEqual(mine);
  await page.goForward();
  await expect(builder.getByLabel("Date range")).toHaveValue("last_7_days");
  expect(await figures(page)).toEqual(weekly);
});
