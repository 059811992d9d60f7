import { expect, test } from "@playwright/test";

const pounds = (cents: number) => new Intl.NumberFormat("en-US", { style: "currency", currency: "GBP" }).format(cents / 100);

// Journey: the marmalade shop's marketer switches from pageviews to the "Order placed" event, whose
// currency was set to pounds in Sounding, and reads the order value as money. An event whose currency
// Fathom never told Sounding shows plain amounts, and the builder says why.
test("an event report with value shows money in the event's currency", async ({ page }) => {
  // Fathom lists events without their currency: Sounding knows it once someone sets it here.
  const set = await page.request.patch("/api/sites/PDNGTON/events/QPLMZXCV", { data: { currency: "pound" } });
  expect(set.status()).toBe(200);

  await page.goto("/explore");
  // The page has hydrated and run the report its URL describes.
  await expect(page.locator("[data-report-state]")).toHaveAttribute("data-report-state", "ready");
  const builder = page.getByRole("form", { name: "Report builder" });
  await builder.getByLabel("Site", { exact: true }).selectOption({ label: "Paddington Marmalade Co." });
  await builder.getByRole("radio", { name: "Events" }).click();
  await builder.getByLabel("Event").selectOption("Order placed");
  await expect(builder.getByRole("checkbox", { name: "Value" })).toBeChecked();
  await expect(builder.getByRole("checkbox", { name: "Visits" })).toHaveCount(0);

  const answered = page.waitForResponse((response) => response.url().includes("/api/reports/run") && response.url().includes("entity=event"));
  await builder.getByRole("button", { name: "Run report" }).click();
  const answer = (await (await answered).json()) as { totals: Record<string, number> };
  await expect(page).toHaveURL(/site=PDNGTON&entity=event&event=Order(%20|\+)placed/);
  await expect(page.locator("[data-report-state]")).toHaveAttribute("data-report-state", "ready");

  expect(answer.totals.value).toBeGreaterThan(0);
  const cards = page.getByRole("list", { name: "Totals" });
  await expect(cards.getByRole("listitem").filter({ hasText: "Value" })).toContainText(pounds(answer.totals.value!));
  await expect(cards.getByRole("listitem").filter({ hasText: /^Completions/ })).toContainText(answer.totals.conversions!.toLocaleString("en-US"));
  const valueCells = page.getByRole("table").locator("tbody tr").first().getByRole("cell");
  await expect(valueCells.filter({ hasText: "£" }).first()).toBeVisible();

  // An event whose currency Sounding has never seen: plain amounts, and the builder explains.
  await builder.getByLabel("Event").selectOption("Newsletter signup");
  await expect(builder.getByText(/doesn't tell Sounding this event's currency/)).toBeVisible();
  await builder.getByRole("button", { name: "Run report" }).click();
  await expect(page).toHaveURL(/event=Newsletter(%20|\+)signup/);
  await expect(page.locator("[data-report-state]")).toHaveAttribute("data-report-state", "ready");
  await expect(cards.getByRole("listitem").filter({ hasText: "Value" })).not.toContainText("£");
});
