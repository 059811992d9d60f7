import { expect, test } from "@playwright/test";
import { seriousViolations } from "./support/axe";

// Journey: someone who uses a screen reader, the keyboard or a dark theme reads every kind of result Explore
// draws, on a desktop and on a phone. Axe finds no serious or critical problem in any of them.
const RESULTS: Array<[string, string]> = [
  ["a series compared with the previous period", "site=CDBUGS&range=last_30_days&compare=previous_period"],
  ["a breakdown with a change per row", "site=CDBUGS&range=last_30_days&by=pathname&group=none&limit=10&compare=previous_period"],
  ["two groupings", "site=CDBUGS&range=last_7_days&by=device_type&group=day"],
  ["a table only", "site=CDBUGS&range=last_7_days&chart=table"],
  ["an event with money and computed rates", "site=PDNGTON&entity=event&event=Order%20placed&range=last_30_days&compare=previous_period"],
  ["today so far, hourly", "site=CDBUGS&range=today&compare=previous_period"],
  ["countries", "site=CDBUGS&range=last_30_days&by=country_code&group=none"],
  ["no data", "site=CDBUGS&range=last_7_days&filter=pathname~is~/no-such-page-anywhere"],
];

const MODES = [
  { name: "light, desktop", colorScheme: "light", viewport: { width: 1280, height: 900 } },
  { name: "dark, desktop", colorScheme: "dark", viewport: { width: 1280, height: 900 } },
  { name: "light, phone", colorScheme: "light", viewport: { width: 390, height: 844 } },
  { name: "dark, phone", colorScheme: "dark", viewport: { width: 390, height: 844 } },
] as const;

for (const mode of MODES) {
  test(`every kind of result on /explore is accessible (${mode.name})`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(mode.viewport);
    await page.emulateMedia({ colorScheme: mode.colorScheme });
    const found: Record<string, unknown> = {};
    for (const [kind, search] of RESULTS) {
      await page.goto(`/explore?${search}`);
      const report = page.locator('[data-report-panel="explore"]');
      await expect(report, kind).toHaveAttribute("data-report-state", "ready");
      const violations = await seriousViolations(page);
      if (violations.length > 0) found[kind] = violations;
    }
    expect(found).toEqual({});
  });
}
