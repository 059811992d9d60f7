import { expect, test } from "@playwright/test";

type RunAnswer = { totals: Record<string, number>; siteVisits?: number; comparison?: { totals: Record<string, number>; siteVisits?: number } };

const percent = (fraction: number) => new Intl.NumberFormat("en-US", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(fraction);

// Journey: the shop's marketer reports on "Order placed" and reads what Fathom's API has no aggregate for:
// the conversion rate, revenue per visitor and average order value, computed from the event's totals and the
// site's visits over the same dates and filters, and labelled as computed.
test("an event report shows its conversion rate, revenue per visitor and order value, computed and labelled so", async ({ page }) => {
  const search = "site=PDNGTON&entity=event&event=Order%20placed&range=last_30_days&compare=previous_period&filter=device_type~is~Desktop";
  const answered = page.waitForResponse((response) => response.url().includes("/api/reports/run"));
  await page.goto(`/explore?${search}`);
  const answer = (await (await answered).json()) as RunAnswer;
  await expect(page.locator('[data-report-panel="explore"]')).toHaveAttribute("data-report-state", "ready");

  // The site visits are those of a pageview report over the same dates and filters.
  const visits = (await (await page.request.get("/api/reports/run?site=PDNGTON&metrics=visits&group=none&filter=device_type~is~Desktop")).json()) as RunAnswer;
  expect(answer.siteVisits).toBe(visits.totals.visits);
  expect(answer.siteVisits).toBeGreaterThan(0);

  const cards = page.getByRole("list", { name: "Computed figures" });
  const rate = cards.locator('[data-computed="conversion_rate"]');
  await expect(rate).toContainText("Conversion rate");
  await expect(rate).toContainText("computed");
  await expect(rate).toContainText("unique completions ÷ site visits");
  await expect(rate).toContainText(percent(answer.totals.unique_conversions! / answer.siteVisits!));
  await expect(cards.locator('[data-computed="revenue_per_visitor"]')).toContainText("value ÷ site visits");
  await expect(cards.locator('[data-computed="average_order_value"]')).toContainText("value ÷ completions");
  // Compared with the previous period too, in points for the rate.
  expect(answer.comparison?.siteVisits).toBeGreaterThan(0);
  await expect(rate.locator("[data-tone]")).toHaveText(/pts$/);
});
