import { expect, test } from "@playwright/test";

// Journey: an editor looking at a daily chart notices a spike, clicks that day and adds a milestone
// there without leaving /explore. The marker appears on the chart at once, is listed under it, and is
// still there after a reload (Fathom has it). Skippy's Surf School, months back, so other journeys'
// ranges and milestones stay apart; the milestone is deleted again at the end.
const SITE = "SKIPPYAU";
const NAME = `Swell ${String(Date.now() % 100_000)}`;

function daysAgo(days: number) {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

test.afterEach(async ({ page }) => {
  const listed = await page.request.get(`/api/sites/${SITE}/milestones`);
  const { milestones } = (await listed.json()) as { milestones: Array<{ id: string; name: string }> };
  for (const milestone of milestones.filter((candidate) => candidate.name === NAME)) {
    await page.request.delete(`/api/sites/${SITE}/milestones/${milestone.id}`);
  }
});

test("an editor clicks a day on the chart and adds a milestone there", async ({ page }) => {
  const [from, to] = [daysAgo(220), daysAgo(207)];
  await page.goto(`/explore?site=${SITE}&range=${from}..${to}&metrics=visits&group=day`);
  const report = page.locator("[data-report-state]");
  await expect(report).toHaveAttribute("data-report-state", "ready");

  const chart = page.getByRole("region", { name: "Visits over time" });
  await expect(chart.getByRole("img")).toHaveAttribute("aria-label", /^Line chart of Visits, daily/);
  await expect(chart.locator(`[data-milestone*="${NAME}"]`)).toHaveCount(0);

  // A click in the middle of the plot picks a day and offers to mark it.
  const surface = chart.locator("svg.recharts-surface");
  const box = (await surface.boundingBox())!;
  await surface.click({ position: { x: box.width * 0.5, y: box.height * 0.5 } });
  const addHere = chart.getByRole("button", { name: "Add milestone here" });
  await expect(addHere).toBeVisible();
  await addHere.click();

  const dialog = page.getByRole("dialog", { name: "Add milestone here" });
  const date = await dialog.getByLabel("Date", { exact: true }).inputValue();
  expect(date >= from && date <= to, `${date} is between ${from} and ${to}`).toBe(true);
  await dialog.getByLabel("Name", { exact: true }).fill(NAME);
  await dialog.getByRole("button", { name: "Add milestone" }).click();
  await expect(dialog).toBeHidden();

  const list = chart.getByRole("list", { name: "Milestones in this range" });
  await expect(list).toContainText(NAME);
  await expect(chart.locator(`[data-milestone*="${NAME}"]`)).toHaveCount(1);
  await expect(chart.getByRole("img")).toHaveAttribute("aria-label", new RegExp(`Milestones: .*${NAME}`));

  await page.reload();
  await expect(report).toHaveAttribute("data-report-state", "ready");
  await expect(chart.getByRole("list", { name: "Milestones in this range" })).toContainText(NAME);
  await expect(chart.locator(`[data-milestone*="${NAME}"]`)).toHaveCount(1);
});
