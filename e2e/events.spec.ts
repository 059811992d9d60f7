import { expect, test, type Page } from "@playwright/test";

// Journey: a team member creates an event for a site with its currency, opens a report on it, renames
// it and changes its currency, then deletes it after a confirmation that names what will be lost; the
// audit log says who did each. Skippy's Surf School is used so other journeys' lists stay apart.
const SITE = { id: "SKIPPYAU", name: "Skippy's Surf School" };
const run = String(Date.now() % 100_000);

const row = (page: Page, name: string) =>
  page.getByTestId("event").filter({ has: page.getByTestId("event-name").getByText(name, { exact: true }) });

test("a team member creates, reports on, renames and deletes an event", async ({ page }) => {
  const name = `Lesson booked ${run}`;
  const renamed = `Lesson paid ${run}`;

  await page.goto("/sites");
  await page.getByRole("link", { name: `Open events of ${SITE.name}` }).click();
  await expect(page).toHaveURL(new RegExp(`/sites/${SITE.id}/events$`));
  await expect(page.getByRole("heading", { name: "Events", level: 1 })).toBeVisible();
  await expect(page.getByLabel("Currency", { exact: true })).toHaveValue("dollar");

  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Currency", { exact: true }).selectOption({ label: "Euro (€)" });
  await page.getByRole("button", { name: "Create event" }).click();
  await expect(row(page, name).getByTestId("event-currency")).toHaveText("Euro (€)");
  await expect(page.getByTestId("write-message")).toHaveText(`Created event “${name}”.`);

  const report = row(page, name).getByRole("link", { name: "Report on this event" });
  await expect(report).toHaveAttribute("href", `/explore?site=${SITE.id}&entity=event&event=${encodeURIComponent(name)}`);
  await report.click();
  await expect(page).toHaveURL(new RegExp(`/explore\\?site=${SITE.id}&entity=event&event=`));
  await page.goBack();
  await expect(page.getByRole("heading", { name: "Events", level: 1 })).toBeVisible();

  await row(page, name).getByRole("button", { name: "Edit" }).click();
  await page.getByLabel(`Name of “${name}”`).fill(renamed);
  await page.getByLabel(`Currency of “${name}”`).selectOption({ label: "Pound (£)" });
  await page.getByRole("button", { name: "Save" }).click();
  await expect(row(page, renamed).getByTestId("event-currency")).toHaveText("Pound (£)");
  await expect(row(page, name)).toHaveCount(0);
  await expect(page.getByTestId("write-message")).toHaveText(`Saved event “${renamed}”.`);
  // Fathom lists events without their currency; Sounding remembers the one it set.
  await page.reload();
  await expect(row(page, renamed).getByTestId("event-currency")).toHaveText("Pound (£)");

  await row(page, renamed).getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("alertdialog", { name: `Delete the event “${renamed}”?` });
  await expect(dialog).toContainText(`Fathom deletes the event “${renamed}”`);
  await expect(dialog).toContainText("every conversion recorded for it");
  await expect(dialog).toContainText("can undo this");
  await dialog.getByRole("button", { name: "Delete event and its data" }).click();
  await expect(row(page, renamed)).toHaveCount(0);
  await expect(page.getByTestId("write-message")).toHaveText(`Deleted event “${renamed}” and its data.`);
  await page.reload();
  await expect(row(page, renamed)).toHaveCount(0);

  await page.goto(`/settings/audit?site=${SITE.id}`);
  const entries = page.getByTestId("audit-entry");
  for (const summary of [
    `Created event “${name}” with currency euro`,
    `Renamed event “${name}” to “${renamed}” and set its currency to pound`,
    `Deleted event “${renamed}” with all its conversion data`,
  ]) {
    await expect(entries.filter({ hasText: summary })).toContainText("Ada Admin");
  }
});
