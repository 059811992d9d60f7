import { expect, test } from "@playwright/test";

type RunAnswer = { rows: Array<{ fields: Record<string, string | null>; values: Record<string, number> }> };

// Journey: the marketer breaks visits down by UTM campaign. Most visits come with no campaign at all; that row
// reads "(none)", as in Fathom and Plausible, not a blank, and referrers without a source read "Direct / none".
test("a breakdown names the visits without a value: (none), and Direct / none for referrers", async ({ page }) => {
  const answered = page.waitForResponse((response) => response.url().includes("/api/reports/run"));
  await page.goto("/explore?site=CDBUGS&range=last_30_days&by=utm_campaign&group=none");
  const answer = (await (await answered).json()) as RunAnswer;
  await expect(page.locator('[data-report-panel="explore"]')).toHaveAttribute("data-report-state", "ready");
  const empty = answer.rows.find((row) => !row.fields.utm_campaign);
  expect(empty, "the simulator has visits without a campaign").toBeDefined();
  const table = page.getByRole("table").first();
  const noneRow = table.locator("tbody tr").filter({ hasText: "(none)" });
  await expect(noneRow).toHaveCount(1);
  await expect(noneRow).toContainText(empty!.values.visits!.toLocaleString("en-US"));
  // No row's first cell is blank.
  const firsts = await table.locator("tbody tr td:first-child, tbody tr th:first-child").allInnerTexts();
  expect(firsts.filter((text) => text.trim() === "")).toEqual([]);

  await page.goto("/explore?site=CDBUGS&range=last_30_days&by=referrer_hostname&group=none");
  await expect(page.locator('[data-report-panel="explore"]')).toHaveAttribute("data-report-state", "ready");
  await expect(page.getByRole("table").first().locator("tbody tr").filter({ hasText: "Direct / none" })).toHaveCount(1);
});
