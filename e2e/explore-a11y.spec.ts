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

test("explore on a phone: the builder folds above the results and stays accessible", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/explore?range=last_7_days&by=device_type&group=none");
  const report = page.locator("[data-report-state]");
  await expect(report).toHaveAttribute("data-report-state", "ready");
  expect(await seriousViolations(page)).toEqual([]);

  // Run folds the builder away so the results are on screen; one tap brings it back.
  await page.getByRole("form", { name: "Report builder" }).getByLabel("Date range").selectOption({ label: "Last 30 days" });
  await page.getByRole("button", { name: "Run report" }).click();
  await expect(page.getByRole("form", { name: "Report builder" })).toBeHidden();
  await expect(page).toHaveURL(/by=device_type/);
  await page.getByRole("button", { name: "Edit the report" }).click();
  await expect(page.getByRole("form", { name: "Report builder" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Hide the builder" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
