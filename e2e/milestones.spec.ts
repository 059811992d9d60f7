import { expect, test, type Page } from "@playwright/test";
import { clearFaults, injectFault, markRequests } from "./support/simulator";

// Journeys: a team member manages a site's milestones in Sounding: adds one, renames and moves it,
// deletes it after a confirmation, and the admin's audit log says who did what. Fathom's rules are
// checked before a request is spent, and a refusal from Fathom shows its messages beside the fields
// and changes nothing. Daffy's Secret Lab is used so other journeys' faults and lists stay apart.
const SITE = { id: "DAFFYLAB", name: "Daffy's Secret Lab" };
const UPSTREAM = `/v1/sites/${SITE.id}/milestones`;
const run = String(Date.now() % 100_000);

function daysAgo(days: number) {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

const rows = (page: Page) => page.getByTestId("milestone");
const row = (page: Page, name: string) => rows(page).filter({ has: page.getByTestId("milestone-name").getByText(name, { exact: true }) });

/** The report on /explore once the answer to the address bar's report is on screen. */
async function reportReady(page: Page) {
  await expect(page.locator('[data-report-state="ready"]')).toBeVisible({ timeout: 30_000 });
}

/** The milestones listed under the chart (the chart draws them as flags; this list is what anyone can read). */
const chartMilestones = (page: Page) => page.getByRole("list", { name: "Milestones in this range" }).getByRole("listitem");

async function openMilestones(page: Page) {
  await page.goto(`/sites/${SITE.id}/milestones`);
  await expect(page.getByRole("heading", { name: "Milestones", level: 1 })).toBeVisible();
}

test("a team member adds, renames, moves and deletes a milestone, and the audit log records it", async ({ page }) => {
  const name = `Rocket test ${run}`;
  const renamed = `Rocket launch ${run}`;
  const [first, moved] = [daysAgo(12), daysAgo(9)];

  await page.goto("/sites");
  await page.getByRole("link", { name: `Open milestones of ${SITE.name}` }).click();
  await expect(page).toHaveURL(new RegExp(`/sites/${SITE.id}/milestones$`));
  await expect(page.getByRole("heading", { name: "Milestones", level: 1 })).toBeVisible();

  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Date", { exact: true }).fill(first);
  await page.getByRole("button", { name: "Add milestone" }).click();
  await expect(row(page, name).getByTestId("milestone-date")).toHaveText(first);
  await expect(page.getByTestId("write-message")).toHaveText(`Added milestone “${name}” on ${first}.`);
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("");

  await page.reload();
  await expect(row(page, name)).toHaveCount(1);

  // Its marker shows on a daily chart around its date.
  await row(page, name).getByRole("link", { name: "See on chart" }).click();
  await expect(page).toHaveURL(new RegExp(`/explore\\?site=${SITE.id}&range=\\d{4}-\\d{2}-\\d{2}\\.\\.\\d{4}-\\d{2}-\\d{2}&group=day$`));
  const chartUrl = page.url();
  await reportReady(page);
  const marker = chartMilestones(page).filter({ hasText: name });
  await expect(marker).toHaveCount(1);
  const markedOn = (await marker.textContent())!.replace(name, "");
  await page.goBack();

  await row(page, name).getByRole("button", { name: "Edit" }).click();
  await page.getByLabel(`Name of “${name}”`).fill(renamed);
  await page.getByLabel(`Date of “${name}”`).fill(moved);
  await page.getByRole("button", { name: "Save" }).click();
  // The list shows the change at once, and says when Fathom has it.
  await expect(row(page, renamed).getByTestId("milestone-date")).toHaveText(moved);
  await expect(row(page, name)).toHaveCount(0);
  await expect(page.getByTestId("write-message")).toHaveText(`Saved milestone “${renamed}” on ${moved}.`);
  await page.reload();
  await expect(row(page, renamed).getByTestId("milestone-date")).toHaveText(moved);

  // On the same chart the marker has moved to its new day, under its new name.
  await page.goto(chartUrl);
  await reportReady(page);
  await expect(chartMilestones(page).filter({ hasText: name })).toHaveCount(0);
  const movedMarker = chartMilestones(page).filter({ hasText: renamed });
  await expect(movedMarker).toHaveCount(1);
  expect((await movedMarker.textContent())!.replace(renamed, "")).not.toBe(markedOn);
  await openMilestones(page);

  await row(page, renamed).getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Delete this milestone?" });
  await expect(dialog).toContainText(`“${renamed}” on ${moved} will be removed`);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(row(page, renamed)).toHaveCount(1);
  await row(page, renamed).getByRole("button", { name: "Delete" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete milestone" }).click();
  await expect(row(page, renamed)).toHaveCount(0);
  await expect(page.getByTestId("write-message")).toHaveText(`Deleted milestone “${renamed}”.`);
  await page.reload();
  await expect(row(page, renamed)).toHaveCount(0);

  // And it is gone from the chart.
  await page.goto(chartUrl);
  await reportReady(page);
  await expect(chartMilestones(page).filter({ hasText: renamed })).toHaveCount(0);

  await page.goto("/settings");
  await page.getByRole("link", { name: /Audit log/ }).click();
  await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
  await page.getByLabel("Site id").fill(SITE.id);
  await page.getByRole("button", { name: "Filter" }).click();
  const entries = page.getByTestId("audit-entry");
  for (const summary of [
    `Deleted milestone “${renamed}” of ${moved}`,
    `Renamed milestone “${name}” to “${renamed}” and moved it from ${first} to ${moved}`,
    `Created milestone “${name}” on ${first}`,
  ]) {
    const entry = entries.filter({ hasText: summary });
    await expect(entry).toHaveCount(1);
    await expect(entry).toContainText("Ada Admin");
    await expect(entry).toContainText("Done");
  }
});

test("an editor adds a milestone from a day on the /explore chart", async ({ page }) => {
  const name = `From chart ${run}`;
  await page.goto(`/explore?site=${SITE.id}&group=day`);
  await reportReady(page);
  const chart = page.getByRole("img").filter({ has: page.locator("svg") }).first();
  const box = (await chart.boundingBox())!;
  const day = { x: box.width * 0.55, y: box.height * 0.5 };
  // As a person does: point at a day (its tooltip offers the milestone), then click it.
  await chart.hover({ position: day });
  await expect(page.getByText("Click to add a milestone here")).toBeVisible();
  await chart.click({ position: day });
  await page.getByRole("button", { name: "Add milestone here" }).click();

  const dialog = page.getByRole("dialog", { name: "Add milestone here" });
  const picked = await dialog.getByLabel("Date").inputValue();
  expect(picked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await expect(dialog).toContainText(`marks ${picked}`);
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("button", { name: "Add milestone" }).click();
  await expect(dialog).toBeHidden();
  await expect(chartMilestones(page).filter({ hasText: name })).toHaveCount(1);

  await page.reload();
  await reportReady(page);
  await expect(chartMilestones(page).filter({ hasText: name })).toHaveCount(1);
  await openMilestones(page);
  await expect(row(page, name).getByTestId("milestone-date")).toHaveText(picked);

  // Leave the site's milestones as they were.
  const listed = (await (await page.request.get(`/api/sites/${SITE.id}/milestones`)).json()) as { milestones: Array<{ id: string; name: string }> };
  const added = listed.milestones.find((milestone) => milestone.name === name)!;
  expect((await page.request.delete(`/api/sites/${SITE.id}/milestones/${added.id}`)).status()).toBe(200);
});

test("a 31-character name is refused with a clear message before any request is sent", async ({ page }) => {
  await openMilestones(page);
  const mark = await markRequests();
  const tooLong = "A milestone name of 31 letters!";
  expect(tooLong).toHaveLength(31);

  await page.getByLabel("Name", { exact: true }).fill(tooLong);
  await page.getByLabel("Date", { exact: true }).fill(daysAgo(3));
  await page.getByRole("button", { name: "Add milestone" }).click();
  await expect(page.getByText("Fathom allows at most 30 characters in a milestone name; this one has 31")).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(row(page, tooLong)).toHaveCount(0);

  // The route refuses it too, for a caller that skips the form.
  const api = await page.request.post(`/api/sites/${SITE.id}/milestones`, { data: { name: tooLong, milestone_date: daysAgo(3) } });
  expect(api.status()).toBe(400);
  expect((await api.json()).error.fields.name).toEqual(["Fathom allows at most 30 characters in a milestone name; this one has 31"]);

  expect((await mark.since(UPSTREAM)).filter((request) => request.method !== "GET")).toEqual([]);
});

test("Fathom's field errors show beside the fields, and nothing changes", async ({ page }) => {
  await openMilestones(page);
  const before = await rows(page).count();
  const name = `Duplicate ${run}`;
  const mark = await markRequests();
  await injectFault({ status: 400, count: 1, path: UPSTREAM, body: { errors: { name: ["The name has already been taken."] } } });
  try {
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByLabel("Date", { exact: true }).fill(daysAgo(4));
    await page.getByRole("button", { name: "Add milestone" }).click();

    const nameField = page.getByLabel("Name", { exact: true });
    await expect(nameField).toHaveAttribute("aria-invalid", "true");
    const describedBy = (await nameField.getAttribute("aria-describedby"))!.split(" ");
    await expect(page.locator(`[id="${describedBy.at(-1)}"]`)).toHaveText("The name has already been taken.");
    await expect(page.getByTestId("write-message")).toHaveText(
      `Could not add “${name}”. Fathom did not accept the request: The name has already been taken. Nothing was changed.`,
    );
    // The optimistic row is rolled back; what was typed stays, to be corrected.
    await expect(row(page, name)).toHaveCount(0);
    await expect(rows(page)).toHaveCount(before);
    await expect(nameField).toHaveValue(name);

    const refused = (await mark.since(UPSTREAM)).filter((request) => request.method === "POST");
    expect(refused.map((request) => request.status)).toEqual([400]);
    await page.reload();
    await expect(row(page, name)).toHaveCount(0);
    await expect(rows(page)).toHaveCount(before);
  } finally {
    // The fault is spent by the refused request; clear it only if something failed before that.
    if (!(await mark.since(UPSTREAM)).some((request) => request.status === 400)) await clearFaults();
  }
});
