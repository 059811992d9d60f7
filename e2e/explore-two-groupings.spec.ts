import { expect, test } from "@playwright/test";

type Row = { date?: string; fields: Record<string, string | null>; values: Record<string, number> };

// Journey: a marketer asks which devices visit from which countries last week: grouped by two fields at
// once, no date grouping, sorted by visits. The table has a column per field and the bar chart the top
// rows; adding a daily grouping turns the chart into one line per top device.
test("group by two fields: a row per combination, a bar chart of the top ones, then series by day", async ({ page }) => {
  await page.goto("/explore?range=last_7_days");
  // The page has hydrated and run the report its URL describes.
  await expect(page.locator("[data-report-state]")).toHaveAttribute("data-report-state", "ready");
  const builder = page.getByRole("form", { name: "Report builder" });
  await builder.getByLabel("Date grouping").selectOption({ label: "No date grouping" });
  const addField = builder.getByLabel("Add a field to group by");
  await addField.selectOption({ label: "Device" });
  await addField.selectOption({ label: "Country" });
  await expect(builder.getByRole("button", { name: "Stop grouping by Device" })).toBeVisible();
  await expect(builder.getByRole("button", { name: "Stop grouping by Country" })).toBeVisible();
  await builder.getByLabel("Sort by").selectOption({ label: "Visits" });
  await expect(builder.getByLabel("Sort direction")).toHaveValue("desc");

  const answered = page.waitForResponse((response) => response.url().includes("/api/reports/run") && response.url().includes("by=device_type,country_code"));
  await builder.getByRole("button", { name: "Run report" }).click();
  const answer = (await (await answered).json()) as { rows: Row[] };
  await expect(page).toHaveURL(/by=device_type,country_code/);
  await expect(page).toHaveURL(/group=none/);
  await expect(page).toHaveURL(/sort=visits:desc/);
  await expect(page.locator("[data-report-state]")).toHaveAttribute("data-report-state", "ready");

  // Several devices, several countries: more rows than either field alone would give.
  const devices = new Set(answer.rows.map((row) => row.fields.device_type));
  const countries = new Set(answer.rows.map((row) => row.fields.country_code));
  expect(devices.size).toBeGreaterThan(1);
  expect(countries.size).toBeGreaterThan(1);
  expect(answer.rows.length).toBeGreaterThan(Math.max(devices.size, countries.size));

  const table = page.getByRole("table");
  await expect(table.getByRole("columnheader", { name: "Device", exact: true })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: "Country", exact: true })).toBeVisible();
  const first = answer.rows[0]!;
  const firstRow = table.locator("tbody tr").first();
  await expect(firstRow).toContainText(String(first.fields.device_type));
  await expect(firstRow).toContainText(first.values.visits!.toLocaleString("en-US"));
  const visits = answer.rows.map((row) => row.values.visits!);
  expect(visits).toEqual([...visits].sort((a, b) => b - a));

  const bars = page.getByRole("region", { name: /^Top \d+ by visits$/ });
  await expect(bars.getByRole("img", { name: /^Bar chart of Visits by Device · Country/ })).toBeVisible();

  // Grouped by day as well: one series per top device.
  await builder.getByRole("button", { name: "Stop grouping by Country" }).click();
  await builder.getByLabel("Date grouping").selectOption({ label: "Daily" });
  await builder.getByRole("button", { name: "Run report" }).click();
  await expect(page).toHaveURL(/by=device_type&group=day/);
  await expect(page.locator("[data-report-state]")).toHaveAttribute("data-report-state", "ready");
  const series = page.getByRole("region", { name: "Visits by Device, daily" });
  await expect(series.getByRole("img", { name: /of Visits by Device, daily, one series each for / })).toBeVisible();
  await expect(page.getByRole("table").getByRole("columnheader", { name: "Date", exact: true })).toBeVisible();
});
