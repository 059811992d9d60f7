import { expect, test } from "@playwright/test";

const REASON = "Hourly needs a range of 7 days or less — pick Daily, or shorten the range";

// Journey: a marketer asks for hourly figures over the last 30 days. The builder says why not beside the
// grouping, Run stays disabled (Ctrl+Enter does nothing), and no request leaves the browser; shortening
// the range makes it runnable. A link that asks for the same thing explains itself instead of a blank page.
test("hourly over 30 days is explained beside the grouping and never sent", async ({ page }) => {
  const runs: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/api/reports/run")) runs.push(request.url());
  });

  await page.goto("/explore");
  // The page has hydrated and run the report its URL describes.
  await expect(page.locator("[data-report-state]")).toHaveAttribute("data-report-state", "ready");
  const builder = page.getByRole("form", { name: "Report builder" });
  const grouping = builder.getByLabel("Date grouping");
  const run = builder.getByRole("button", { name: "Run report" });
  await expect(run).toBeEnabled();

  await builder.getByLabel("Date range").selectOption({ label: "Last 30 days" });
  await grouping.selectOption({ label: "Hourly" });
  await expect(grouping).toHaveAccessibleDescription(new RegExp(REASON));
  await expect(grouping).toHaveAttribute("aria-invalid", "true");
  await expect(run).toBeDisabled();
  await expect(run).toHaveAccessibleDescription(new RegExp(REASON));

  await grouping.press("Control+Enter");
  await expect(page).toHaveURL(/\/explore$/);

  await builder.getByLabel("Date range").selectOption({ label: "Last 7 days" });
  await expect(grouping).not.toHaveAttribute("aria-invalid", "true");
  await expect(builder.getByText(REASON)).toHaveCount(0);
  const sent = page.waitForRequest((request) => request.url().includes("/api/reports/run") && request.url().includes("group=hour"));
  await run.click();
  await sent;
  await expect(page).toHaveURL(/range=last_7_days/);
  await expect(page).toHaveURL(/group=hour/);
  expect(runs.filter((url) => url.includes("group=hour") && !url.includes("range=last_7_days"))).toEqual([]);

  // The same request as a link: the codec's message and a way to start again.
  await page.goto("/explore?group=hour&range=last_30_days");
  await expect(page.getByText("This report link can't be read.")).toBeVisible();
  await expect(page.getByText(REASON)).toBeVisible();
  await page.getByRole("link", { name: "Start a new report" }).click();
  await expect(page).toHaveURL(/\/explore$/);
  await expect(page.getByRole("form", { name: "Report builder" })).toBeVisible();
});
