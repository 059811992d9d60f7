import { expect, test } from "@playwright/test";
import { seriousViolations } from "./support/axe";

// Journey: someone on a phone, in dark mode, with a screen reader, manages milestones and events and
// reads the audit log. Axe finds no serious or critical problem in the lists, the forms with their
// messages, the confirmation dialog, or the log; nothing is wider than the screen.
for (const colorScheme of ["dark", "light"] as const) {
  test(`milestones, events and the audit log on a phone in ${colorScheme} mode are accessible`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize({ width: 390, height: 844 });
    const fitsTheScreen = async () =>
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await page.goto("/sites/CDBUGS/milestones");
    await expect(page.getByTestId("milestone").first()).toBeVisible();
    await fitsTheScreen();
    expect(await seriousViolations(page)).toEqual([]);

    // A form with a message beside a field.
    await page.getByRole("button", { name: "Add milestone" }).click();
    await expect(page.getByText("Give the milestone a name")).toBeVisible();
    await page.getByTestId("milestone").first().getByRole("button", { name: "Edit" }).click();
    await expect(page.getByRole("button", { name: "Save" })).toBeVisible();
    await fitsTheScreen();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Cancel" }).click();

    // The confirmation: focus starts on Cancel, Escape closes it.
    await page.getByTestId("milestone").first().getByRole("button", { name: "Delete" }).click();
    const dialog = page.getByRole("alertdialog");
    await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();

    await page.goto("/sites/CDBUGS/events");
    await expect(page.getByTestId("event").first()).toBeVisible();
    await fitsTheScreen();
    expect(await seriousViolations(page)).toEqual([]);

    // A write and its undo, so the log has entries to show.
    const created = await page.request.post("/api/sites/DAFFYLAB/milestones", { data: { name: "Accessibility check", milestone_date: "2024-06-01" } });
    expect(created.status()).toBe(201);
    const { milestone } = (await created.json()) as { milestone: { id: string } };
    expect((await page.request.delete(`/api/sites/DAFFYLAB/milestones/${milestone.id}`)).status()).toBe(200);
    await page.goto("/settings/audit");
    await expect(page.getByTestId("audit-entry").first()).toBeVisible();
    await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: test.info().outputPath(`audit-${colorScheme}.png`) });
    await page.goto("/sites/CDBUGS/milestones");
    await page.screenshot({ path: test.info().outputPath(`milestones-${colorScheme}.png`), fullPage: true });
  });
}
