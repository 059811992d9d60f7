import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";

/** RFC 4180 lines without quoted line breaks (page paths and countries have none). */
function parseCsv(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, "")
    .split("\r\n")
    .filter((line) => line !== "")
    .map((line) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].map((m) => m[1]!.replace(/^"|"$/g, "").replace(/""/g, '"')).slice(0, -1));
}

const plain = (text: string) => text.replace(/,/g, "").trim();

// Journey: a marketer downloads last week's top pages as CSV for a spreadsheet. The file is named after
// the report and holds a header row and the table's rows exactly as shown, as plain numbers.
test("Download CSV gives the table's rows, in the order shown, with a header row", async ({ page }) => {
  await page.goto("/explore?range=last_7_days&by=pathname&group=none&sort=visits:desc&limit=15");
  await expect(page.locator("[data-report-state]")).toHaveAttribute("data-report-state", "ready");
  const table = page.getByRole("table");
  await expect(table.locator("tbody tr")).toHaveCount(15);

  // Sort the table by pageviews (ascending after two clicks) so "as shown" is not just the API's order.
  const pageviews = table.getByRole("columnheader", { name: "Pageviews", exact: true });
  await pageviews.getByRole("button").click();
  await pageviews.getByRole("button").click();
  await expect(pageviews).toHaveAttribute("aria-sort", "ascending");
  const shown = await table.locator("tbody tr").evaluateAll((rows) =>
    rows.map((row) => [...row.querySelectorAll("th, td")].map((cell) => (cell.textContent ?? "").trim())),
  );

  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^sounding_CDBUGS_\d{4}-\d{2}-\d{2}_to_\d{4}-\d{2}-\d{2}_visits-pageviews-bounce-rate-avg-duration_by-pathname\.csv$/);
  const csv = parseCsv(await readFile((await download.path())!, "utf8"));

  expect(csv[0]).toEqual(["Page", "Visits", "Pageviews", "Bounce rate (%)", "Avg. time on site (seconds)", "% of visits (%)"]);
  const body = csv.slice(1);
  expect(body).toHaveLength(15);
  body.forEach((line, index) => {
    const cells = shown[index]!;
    expect(line[0]).toBe(cells[0]);
    expect(line[1]).toBe(plain(cells[1]!));
    expect(line[2]).toBe(plain(cells[2]!));
  });
  const views = body.map((line) => Number(line[2]));
  expect(views).toEqual([...views].sort((a, b) => a - b));
});
