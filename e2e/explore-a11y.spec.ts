import { expect, test } from "@playwright/test";
import { seriousViolations } from "./support/axe";

// Journey: someone who uses a screen reader or the keyboard opens /explore with a report on screen, and on
// a phone. Axe finds no serious or critical problem: every control is labelled, colours contrast, the
// landmarks and the results are announced.
test("explore with a result on screen has no serious or critical accessibility violations", async ({ page }) => {
  await page.goto("/explore?range=last_90_days&group=day&compare=previous_period&filter=pathname~is_not~/privacy");
  const report = page.locator("[data-report-state]");
  await expect(report).toHaveAttribute("data-report-state", "ready");
  await expect(report.locator("svg.recharts-surface").first()).toBeVisible();
  await expect(report.getByRole("table").first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // With an error on a control, too (the messages are part of the page).
  await page.getByRole("form", { name: "Report builder" }).getByLabel("Date grouping").selectOption({ label: "Hourly" });
  await expect(page.getByRole("button", { name: "Run report" })).toBeDisabled();
  expect(await seriousViolations(page)).toEqual([]);
});

test("explore on a phone: the results come first, the builder one tap away, and it stays accessible", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/explore?range=last_7_days&by=device_type&group=none");
  const report = page.locator("[data-report-state]");
  await expect(report).toHaveAttribute("data-report-state", "ready");
  // The results are on screen at once, not 1,900 px below the builder.
  await expect(page.getByRole("form", { name: "Report builder" })).toBeHidden();
  const top = await report.evaluate((node) => node.getBoundingClientRect().top);
  expect(top).toBeLessThan(844);
  expect(await seriousViolations(page)).toEqual([]);

  // One tap brings the builder; Run folds it away again so the new results are on screen.
  await page.getByRole("button", { name: "Edit the report" }).click();
  const builder = page.getByRole("form", { name: "Report builder" });
  await expect(builder).toBeVisible();
  await expect(page.getByRole("button", { name: "Hide the builder" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await builder.getByLabel("Date range").selectOption({ label: "Last 30 days" });
  await page.getByRole("button", { name: "Run report" }).click();
  await expect(builder).toBeHidden();
  await expect(page).toHaveURL(/by=device_type/);
  await expect(page).not.toHaveURL(/range=last_7_days/);
});
