import { expect, test, type Page } from "@playwright/test";
import { runSuffix } from "./support/saved-items";

const builder = (page: Page) => page.getByRole("form", { name: "Report builder" });
const saveBar = (page: Page) => page.getByRole("region", { name: "Saved report" });
const ready = (page: Page) => expect(page.locator("[data-report-state]").first()).toHaveAttribute("data-report-state", "ready");
const reportIdIn = (url: string) => Number(new URL(url).searchParams.get("report"));

// Journey: a marketer saves the report they built in Explore, changes it and saves again, finds it on the
// Reports page by searching, opens its page, edits it in Explore and saves a variant as a new report, then
// restores the first version from the history, which describes each change in words.
test("save a report, find it, open it, edit it, save as new, and restore an older version", async ({ page }) => {
  test.setTimeout(120_000);
  const name = `Blog pages ${runSuffix()}`;

  // Save: the builder's report, under a name and a description.
  await page.goto("/explore?metrics=visits,pageviews&by=pathname&group=none&sort=pageviews:desc&limit=20");
  await ready(page);
  await expect(saveBar(page)).toContainText("Not saved yet");
  await saveBar(page).getByRole("button", { name: "Save", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Save report" });
  await dialog.getByRole("textbox", { name: "Name" }).fill(name);
  await dialog.getByRole("textbox", { name: /Description/ }).fill("Which pages people read");
  await dialog.getByRole("button", { name: "Save report" }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/[?&]report=\d+/);
  const id = reportIdIn(page.url());
  await expect(saveBar(page)).toContainText(`Editing: ${name} · version 1`);
  await expect(saveBar(page)).toContainText("All changes saved");

  // An edit in the builder is an unsaved change; putting it back is not; Save makes version 2.
  await builder(page).getByLabel("Date range").selectOption({ label: "Last 90 days" });
  await expect(saveBar(page)).toContainText("Unsaved changes");
  await builder(page).getByLabel("Date range").selectOption({ label: "Last 30 days" });
  await expect(saveBar(page)).toContainText("All changes saved");
  await builder(page).getByLabel("Date range").selectOption({ label: "Last 90 days" });
  await expect(saveBar(page)).toContainText("Unsaved changes");
  await saveBar(page).getByRole("button", { name: "Save", exact: true }).click();
  await expect(saveBar(page)).toContainText("version 2");
  await expect(saveBar(page)).toContainText("All changes saved");

  // Find it on the Reports page by searching; a search that does not match hides it.
  await page.goto("/reports");
  await page.getByLabel("Search by name").fill(name.slice(0, 14).toLowerCase() + "nothing-like-it");
  await expect(page.getByRole("link", { name, exact: true })).toHaveCount(0);
  await page.getByLabel("Search by name").fill(name.split(" ").pop()!);
  await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
  await expect(page).toHaveURL(/[?&]q=/);
  await page.getByRole("link", { name, exact: true }).click();

  // Its page: read-only, with its history described in words.
  await expect(page).toHaveURL(new RegExp(`/reports/${id}$`));
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByText("Which pages people read")).toBeVisible();
  await ready(page);
  const history = page.getByRole("region", { name: /History/ });
  await expect(history.getByText(/range: last 30 days → last 90 days/i)).toBeVisible();
  await expect(history.getByText(/created/i)).toBeVisible();

  // Edit in Explore, change it, and save the variant as a new report: the original is untouched.
  await page.getByRole("link", { name: "Edit in Explore" }).click();
  await expect(page).toHaveURL(new RegExp(`/explore\\?report=${id}&.*range=last_90_days`));
  await ready(page);
  await builder(page).getByLabel("Date range").selectOption({ label: "Last 7 days" });
  await saveBar(page).getByRole("button", { name: "Save as new" }).click();
  const fork = page.getByRole("dialog", { name: "Save as a new report" });
  await expect(fork.getByRole("textbox", { name: "Name" })).toHaveValue(`Copy of ${name}`);
  await fork.getByRole("textbox", { name: "Name" }).fill(`${name} (week)`);
  await fork.getByRole("button", { name: "Save as new" }).click();
  await expect(fork).toBeHidden();
  await expect.poll(() => reportIdIn(page.url())).not.toBe(id);
  await expect(saveBar(page)).toContainText(`Editing: ${name} (week) · version 1`);

  // Restore version 1 of the original: a new version 3, the range back to the last 30 days.
  await page.goto(`/reports/${id}`);
  await history.getByRole("button", { name: "Restore version 1" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Restore version 1" }).click();
  // The confirmation, and the new entry in the list (both say "restored version 1": each is looked for by its own words).
  await expect(history.getByRole("status").filter({ hasText: /restored version 1 as version 3/i })).toBeVisible();
  await expect(history.getByText(/restored version 1; range: last 90 days → last 30 days/i)).toBeVisible();
  await expect(page.getByText(/version 3/).first()).toBeVisible();
  await page.getByRole("link", { name: "Edit in Explore" }).click();
  await expect(page).toHaveURL(new RegExp(`/explore\\?report=${id}&`));
  expect(new URL(page.url()).searchParams.get("range")).toBeNull();
  await expect(saveBar(page)).toContainText("version 3");

  // Both are on the Reports page.
  await page.goto(`/reports?q=${encodeURIComponent(name)}`);
  await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: `${name} (week)`, exact: true })).toBeVisible();
});
