import { expect, test, type Page } from "@playwright/test";

type Range = { from: string; to: string; startDate: string; endDate: string; timezone: string; buckets: string[] };
type RunAnswer = { range: Range; rows: Array<{ date?: string }>; comparison?: { range: Range } };

const DATES = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
const utc = (date: string) => new Date(`${date}T00:00:00Z`);
/** What the cards print for a span of dates (`Oct 1 – 31, 2026`), spaces normalised. */
const shown = (start: string, end: string) => (start === end ? DATES.format(utc(start)) : DATES.formatRange(utc(start), utc(end))).replace(/\s/g, " ");
const ymd = (date: Date) => date.toISOString().slice(0, 10);

/** Runs a report from the URL and returns the route's answer once the panel has drawn it. */
async function open(page: Page, search: string): Promise<RunAnswer> {
  const answered = page.waitForResponse((response) => response.url().includes("/api/reports/run"));
  await page.goto(`/explore?${search}`);
  const response = await answered;
  expect(response.status()).toBe(200);
  await expect(page.locator('[data-report-panel="explore"]')).toHaveAttribute("data-report-state", "ready");
  return (await response.json()) as RunAnswer;
}

const comparedText = async (page: Page, metric: string) =>
  ((await page.locator(`[data-metric="${metric}"] [data-compared-dates]`).textContent()) ?? "").replace(/\s/g, " ");

// Journey: a marketer compares last month with the one before, as every analytics tool does, and reads the
// compared dates beside the figures, not only in a tooltip.
test("last month compared with the previous period is the whole month before it, and says so on the cards", async ({ page }) => {
  const answer = await open(page, "site=CDBUGS&range=last_month&compare=previous_period");
  const start = utc(answer.range.startDate);
  const before = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() - 1, 1));
  const lastOfBefore = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 0));
  expect(answer.range.startDate.endsWith("-01")).toBe(true);
  expect([answer.comparison!.range.startDate, answer.comparison!.range.endDate]).toEqual([ymd(before), ymd(lastOfBefore)]);
  expect(await comparedText(page, "visits")).toBe(`vs ${shown(ymd(before), ymd(lastOfBefore))}`);

  // Matching day of week is the other choice, a box under Previous period: whole weeks back, Monday against Monday.
  await page.getByRole("checkbox", { name: /Match day of week/ }).check();
  const weekdays = page.waitForResponse((response) => response.url().includes("compare=previous_period_weekday"));
  await page.getByRole("button", { name: "Run report" }).click();
  const shifted = (await (await weekdays).json()) as RunAnswer;
  await expect(page.locator('[data-report-panel="explore"]')).toHaveAttribute("data-report-state", "ready");
  const weekday = (date: string) => utc(date).getUTCDay();
  expect(weekday(shifted.comparison!.range.startDate)).toBe(weekday(shifted.range.startDate));
  expect(await comparedText(page, "visits")).toBe(`vs ${shown(shifted.comparison!.range.startDate, shifted.comparison!.range.endDate)}`);
});

// Journey: early in the day, the marketer checks today against yesterday. Yesterday's first hours, not all of
// yesterday ("▼ −96 %, bad news" at 5 am was the old answer).
test("today so far is compared with yesterday up to the same hour", async ({ page }) => {
  const answer = await open(page, "site=CDBUGS&range=today&compare=previous_period");
  const { timezone } = answer.range;
  const hour = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", hourCycle: "h23", timeZone: timezone }).format(new Date());
  const yesterday = ymd(new Date(utc(answer.range.startDate).getTime() - 86_400_000));
  const previous = answer.comparison!.range;
  expect([previous.startDate, previous.endDate, previous.from]).toEqual([yesterday, yesterday, `${yesterday} 00:00:00`]);
  // The hour may have turned between the answer and this line.
  expect([`${yesterday} ${hour}:59:59`, `${yesterday} ${String(Number(hour) - 1).padStart(2, "0")}:59:59`]).toContain(previous.to);
  // Hourly: the compared series holds only yesterday's hours up to then.
  expect(previous.buckets.at(-1)).toBe(`${yesterday} ${previous.to.slice(11, 13)}:00:00`);
  const text = await comparedText(page, "visits");
  expect(text.startsWith(`vs ${shown(yesterday, yesterday)}`)).toBe(true);
  if (previous.to.slice(11, 13) !== "23") expect(text).toMatch(/, until \d{1,2} (AM|PM)$/);
});

// Journey: the yearly review in December. "Last 12 months" is the twelve whole months before this one, not
// this year again.
test("last 12 months spans the twelve whole months before this one", async ({ page }) => {
  const answer = await open(page, "site=CDBUGS&range=last_12_months&group=month");
  const thisYear = await open(page, "site=CDBUGS&range=this_year&group=month");
  const today = thisYear.range.endDate;
  const firstOfThisMonth = `${today.slice(0, 7)}-01`;
  const start = utc(firstOfThisMonth);
  expect(answer.range.startDate).toBe(ymd(new Date(Date.UTC(start.getUTCFullYear() - 1, start.getUTCMonth(), 1))));
  expect(answer.range.endDate).toBe(ymd(new Date(start.getTime() - 86_400_000)));
  expect(answer.range.buckets).toHaveLength(12);
  expect(answer.rows).toHaveLength(12);
  expect(answer.range.startDate).not.toBe(thisYear.range.startDate);

  await page.goto("/explore?site=CDBUGS&range=last_12_months&group=month");
  await expect(page.locator('[data-report-panel="explore"]')).toHaveAttribute("data-report-state", "ready");
  await expect(page.getByRole("heading", { name: /All rows \(12\)/ })).toBeVisible();
});

// Journey: the marketer changes the range but not yet Run: the old figures say they are the old report,
// and Copy link says which report it copies.
test("builder edits not yet run mark the report shown, until Run", async ({ page }) => {
  await open(page, "site=CDBUGS&range=last_7_days");
  await page.getByRole("form", { name: "Report builder" }).getByLabel("Date range").selectOption({ label: "Last 30 days" });
  await expect(page.getByText(/The builder has changes that aren't run yet/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Copy link to the report shown" })).toBeVisible();
  await page.getByRole("button", { name: "Run the changes" }).click();
  await expect(page).toHaveURL(/\/explore\?site=CDBUGS$/);
  await expect(page.getByText(/The builder has changes that aren't run yet/)).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Copy link", exact: true })).toBeVisible();
});
