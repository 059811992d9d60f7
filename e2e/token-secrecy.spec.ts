import { expect, test, type Response } from "@playwright/test";
import { SIM_TOKEN } from "./support/env";

const PAGES = [
  "/explore",
  "/explore?site=CDBUGS&group=day&compare=previous_period",
  "/sites",
  "/sites/CDBUGS/milestones",
  "/sites/CDBUGS/events",
  "/sites/CDBUGS/live",
  "/settings",
  "/settings/connection",
  "/settings/users",
  "/settings/audit",
];

const API_READS = [
  "/api/sites",
  "/api/connection",
  "/api/reports/run?site=CDBUGS&group=day",
  "/api/reports/run?site=NOSUCHSITE",
  "/api/sites/CDBUGS/current-visitors?detailed=true",
  "/api/admin/budget",
  "/api/session",
];

// Journey (security): an admin browses every page and route of a connected Sounding; the Fathom token
// appears in none of the HTML, scripts, styles or JSON the server sends, nor in any error.
test("the Fathom token never reaches the browser", async ({ page }) => {
  const bodies: Array<{ url: string; text: string }> = [];
  const pending: Promise<void>[] = [];
  const collect = (response: Response) => {
    pending.push(
      response
        .text()
        .then((text) => void bodies.push({ url: response.url(), text }))
        .catch(() => undefined),
    );
  };
  page.on("response", collect);

  for (const path of PAGES) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  for (const path of API_READS) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBeLessThan(500);
    bodies.push({ url: path, text: await response.text() });
  }
  const tested = await page.request.post("/api/connection/test", { data: {} });
  bodies.push({ url: "/api/connection/test", text: await tested.text() });
  await Promise.all(pending);

  expect(bodies.length).toBeGreaterThan(PAGES.length + API_READS.length);
  expect(bodies.some((body) => /\.js(\?|$)/.test(body.url))).toBe(true);
  for (const body of bodies) {
    expect(body.text.includes(SIM_TOKEN), `token found in ${body.url}`).toBe(false);
  }
});
