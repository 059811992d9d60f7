import { expect, test } from "@playwright/test";
import type { SimulatorServer } from "../lib/simulator/server";
import { startOwnServer, startOwnSimulator, type OwnServer } from "./support/own-stack";
import { createTeam, type Team } from "./support/team";

// Journey (budget): a marketer runs report after report on a small Fathom plan. Past the budget, a report is
// not "Something went wrong" (a 500) but queued with a countdown, and it runs by itself when its turn comes.
// A server of its own with a plan of 2 report requests a minute, so the second report must wait a minute.

let sim: SimulatorServer;
let own: OwnServer;
let team: Team;

test.describe.serial("reports past the budget", () => {
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    sim = await startOwnSimulator();
    own = await startOwnServer({ simUrl: sim.url, env: { FATHOM_RATE_LIMIT_REPORTS_PER_MINUTE: "2" } });
    team = await createTeam(own.url);
  });
  test.afterAll(async () => {
    await own?.stop();
    await sim?.close();
  });

  test("a report past the budget shows the countdown, then runs by itself", async ({ browser }) => {
    test.setTimeout(180_000);
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const statuses: number[] = [];
    try {
      await context.addCookies(
        team.editor.cookie.split("; ").map((pair) => {
          const at = pair.indexOf("=");
          return { name: pair.slice(0, at), value: pair.slice(at + 1), url: own.url };
        }),
      );
      const page = await context.newPage();
      page.on("response", (response) => {
        if (response.url().includes("/api/reports/run")) statuses.push(response.status());
      });
      // The first report spends the minute's two requests (its rows and its totals).
      await page.goto(`${own.url}/explore?site=CDBUGS&range=last_7_days`);
      const panel = page.locator('[data-report-panel="explore"]');
      await expect(panel).toHaveAttribute("data-report-state", "ready");

      // The second cannot be sent for a minute: it is queued, with the time left.
      await page.goto(`${own.url}/explore?site=CDBUGS&range=last_90_days`);
      await expect(page.getByText("Fathom's request budget is used up for the moment.")).toBeVisible({ timeout: 40_000 });
      const queued = page.getByText(/Queued: this report runs by itself in/);
      await expect(queued).toBeVisible();
      await expect(page.getByText(/Something went wrong/)).toHaveCount(0);
      const first = await queued.textContent();
      await expect(queued).not.toHaveText(first!, { timeout: 5_000 });

      // When its turn comes it runs without a click, and draws.
      await expect(panel).toHaveAttribute("data-report-state", "ready", { timeout: 90_000 });
      await expect(panel).toHaveAttribute("data-report-key", "site=CDBUGS&range=last_90_days");
      await expect(queued).toHaveCount(0);
      expect(statuses).toContain(429);
      expect(statuses).not.toContain(500);
      expect(statuses.at(-1)).toBe(200);
    } finally {
      await context.close();
    }
  });
});
