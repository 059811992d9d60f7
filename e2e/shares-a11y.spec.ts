import { expect, test } from "@playwright/test";
import { seriousViolations } from "./support/axe";
import { runSuffix } from "./support/saved-items";
import { createShare, createShareableDashboard, shareSettings, type ShareAnswer } from "./support/shares";

const PHONE = { width: 375, height: 812 };
const CLEAN = { storageState: { cookies: [], origins: [] } };

// Journey: a client who uses a screen reader, a phone or dark mode opens the share page and its password
// form; the agency's colleague prints it to PDF for a meeting. Axe finds nothing serious in any of them, and
// the printout holds every tile.
test.describe("client share pages are accessible and print whole", () => {
  let open: ShareAnswer;
  let locked: ShareAnswer;

  test.beforeAll(async ({ browser }) => {
    const context = await browser.newContext();
    const suffix = runSuffix();
    const { dashboard } = await createShareableDashboard(context.request, suffix);
    const window = { presets: ["last_7_days", "last_30_days"], defaultPreset: "last_30_days", floor: null, ceiling: null };
    open = await createShare(context.request, {
      target: { kind: "dashboard", id: dashboard.id },
      settings: shareSettings({ clientName: `Axe ${suffix}`, window, lockedLabel: "Shop only", branding: { accent: "#0f766e", intro: "Hello **team**. [Our site](https://example.com)", madeWith: true } }),
    });
    locked = await createShare(context.request, {
      target: { kind: "dashboard", id: dashboard.id },
      settings: shareSettings({ clientName: `Locked ${suffix}` }),
      password: "a long enough password",
    });
    await context.close();
  });

  for (const [device, viewport] of [["desktop", null], ["phone", PHONE]] as const) {
    for (const colorScheme of ["light", "dark"] as const) {
      test(`the share page and its password form, ${device}, ${colorScheme}`, async ({ browser }) => {
        const context = await browser.newContext({ ...CLEAN, colorScheme, ...(viewport ? { viewport } : {}) });
        try {
          const page = await context.newPage();
          await page.goto(open.url);
          await expect(page.locator("[data-share-tile]")).toHaveCount(3);
          expect(await seriousViolations(page)).toEqual([]);
          // Nothing is wider than the screen (tables scroll inside their tile).
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow).toBeLessThanOrEqual(0);

          await page.goto(locked.url);
          await expect(page.getByRole("heading", { name: "This page is protected" })).toBeVisible();
          expect(await seriousViolations(page)).toEqual([]);
        } finally {
          await context.close();
        }
      });
    }
  }

  test("the agency's list of shares and the share form, desktop and phone", async ({ page }) => {
    for (const viewport of [{ width: 1280, height: 800 }, PHONE]) {
      await page.setViewportSize(viewport);
      await page.goto("/settings/shares");
      await expect(page.locator(`[data-share-id="${open.id}"]`)).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await page.goto(`/settings/shares/${open.id}`);
      await expect(page.getByLabel("Client name")).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    }
  });

  test("printing gives every tile, without the range switcher", async ({ browser }) => {
    const context = await browser.newContext(CLEAN);
    try {
      const page = await context.newPage();
      await page.goto(open.url);
      await page.emulateMedia({ media: "print" });
      const tiles = page.locator("[data-share-tile]");
      await expect(tiles).toHaveCount(3);
      for (const tile of await tiles.all()) {
        await expect(tile).toBeVisible();
        // Nothing inside a tile is cut off by a fixed height.
        const clipped = await tile.evaluate((element) => element.scrollHeight - element.clientHeight);
        expect(clipped).toBeLessThanOrEqual(1);
      }
      await expect(page.getByRole("navigation", { name: "Date range" })).toBeHidden();
      const pdf = await page.pdf({ format: "A4", printBackground: true });
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      const pages = pdf.toString("latin1").match(/\/Type\s*\/Page\b/g)?.length ?? 0;
      expect(pages).toBeGreaterThanOrEqual(1);
    } finally {
      await context.close();
    }
  });
});
