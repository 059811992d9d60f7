import { expect, test, type Page } from "@playwright/test";
import { ADMIN } from "./support/accounts";
import { SIM_TOKEN } from "./support/env";
import { runSuffix } from "./support/saved-items";
import { createShare, createShareableDashboard, shareAction, shareSettings } from "./support/shares";
import { markRequests } from "./support/simulator";

// GETs here pass `maxRetries`: one sent just as the server closes an idle keep-alive connection (after 5 s)
// meets ECONNRESET, which Playwright retries only when asked.
const PASSWORD = "client password 42";
const LOCKED_VALUE = "shop.bugsbunny.com";

/** Every site of the simulator's account but the shared one: none may be named on the client's page. */
async function otherSites(page: Page) {
  const answer = await page.request.get("/api/sites", { maxRetries: 2 });
  const { sites } = (await answer.json()) as { sites: Array<{ id: string; name: string }> };
  return sites.filter((site) => site.id !== "CDBUGS");
}

function expectNoneOf(text: string, forbidden: string[], where: string) {
  for (const item of forbidden) expect(text.includes(item), `${where} contains “${item}”`).toBe(false);
}

const inDays = (days: number) => {
  const date = new Date(Date.now() + days * 86_400_000);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
};

// Journey: an agency shares its client's dashboard: a password, an expiry, two ranges the client may pick
// and a filter the client never sees. The client opens the link in a browser of their own, unlocks it, reads
// the figures, switches range, and cannot reach anything that was not shared; the agency rotates the link
// and the old one stops at once.
test("share a dashboard with a client, who unlocks it, switches range and sees only what was shared", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const suffix = runSuffix();
  const { dashboard } = await createShareableDashboard(page.request, suffix);
  // Another client's share of the same dashboard: nothing of it may reach this client.
  const neighbour = await createShare(page.request, {
    target: { kind: "dashboard", id: dashboard.id },
    settings: shareSettings({ clientName: `Neighbour ${suffix}`, lockedLabel: `Neighbour label ${suffix}` }),
  });

  await page.goto(`/dashboards/${dashboard.id}`);
  await page.getByRole("link", { name: "Share with a client…" }).click();
  await expect(page).toHaveURL(/\/settings\/shares\/new\?target=dashboard%3A\d+|\/settings\/shares\/new\?target=dashboard:\d+/);
  await page.getByLabel("Client name").fill(`Acme ${suffix}`);
  await page.getByLabel("Password (optional)").fill(PASSWORD);
  await page.getByLabel("Expires on (optional)").fill(inDays(30));
  const ranges = page.getByRole("group", { name: "Date ranges the client may pick" });
  await ranges.getByLabel("Last 7 days").check();
  await ranges.getByLabel("Last 30 days").check();
  await page.getByLabel("Opens with").selectOption({ label: "Last 30 days" });
  await page.getByRole("button", { name: "Add locked filter" }).click();
  const locked = page.getByRole("group", { name: "Locked filters" });
  await locked.getByLabel("Property").selectOption("hostname");
  await locked.getByLabel("Operator").selectOption("is");
  await locked.getByLabel("Value").fill(LOCKED_VALUE);
  await page.getByLabel("Label shown to the client (optional)").fill("Shop only");
  await page.getByRole("button", { name: "Create share" }).click();

  await expect(page).toHaveURL(/\/settings\/shares\?created=\d+/);
  await expect(page.getByText("Share created")).toBeVisible();
  const shareId = Number(new URL(page.url()).searchParams.get("created"));
  const share = (await (await page.request.get(`/api/shares/${shareId}`, { maxRetries: 2 })).json()) as { url: string; slug: string };
  const link = share.url;
  expect(link).toMatch(/\/share\/[A-Za-z0-9_-]{32}$/);

  // The client, in a browser of their own.
  const client = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  try {
    const viewer = await client.newPage();
    const answers: Array<{ url: string; text: string; headers: Record<string, string> }> = [];
    viewer.on("response", (response) => {
      void response.text().then(
        (text) => answers.push({ url: response.url(), text, headers: response.headers() }),
        () => undefined,
      );
    });

    const first = await viewer.goto(link);
    expect(first?.headers()["referrer-policy"]).toBe("no-referrer");
    expect(first?.headers()["x-robots-tag"]).toContain("noindex");
    expect(first?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    await expect(viewer.getByRole("heading", { name: "This page is protected" })).toBeVisible();
    await viewer.getByLabel("Password").fill("not the password");
    await viewer.getByRole("button", { name: "Unlock" }).click();
    await expect(viewer.getByRole("alert").filter({ hasText: "That password is not right" })).toBeVisible();
    await viewer.getByLabel("Password").fill(PASSWORD);
    await viewer.getByRole("button", { name: "Unlock" }).click();

    // The figures, at first paint.
    await expect(viewer.getByRole("heading", { level: 1 })).toContainText(`Client board ${suffix}`);
    const tiles = viewer.locator("[data-share-tile]");
    await expect(tiles).toHaveCount(3);
    await expect(viewer.getByText("Shop only")).toBeVisible();
    await expect(viewer.getByText(/Figures as of/)).toBeVisible();
    const nav = viewer.getByRole("navigation", { name: "Date range" });
    await expect(nav.getByRole("link", { name: "Last 30 days" })).toHaveAttribute("aria-current", "page");
    await expect(viewer.locator("[data-share-tile][data-tile-kind=report] table").first()).toBeVisible();

    await nav.getByRole("link", { name: "Last 7 days" }).click();
    await expect(viewer).toHaveURL(/range=last_7_days/);
    await expect(nav.getByRole("link", { name: "Last 7 days" })).toHaveAttribute("aria-current", "page");

    // A range that was not shared is refused, on the page and by the data route.
    await viewer.goto(`${link}?range=last_90_days`);
    await expect(viewer.getByText("That date range isn't part of what was shared.")).toBeVisible();

    const data = `${link}/data`;
    const good = await client.request.get(`${data}?range=last_7_days`, { maxRetries: 2 });
    expect(good.status()).toBe(200);
    expect(((await good.json()) as { tiles: unknown[] }).tiles).toHaveLength(3);

    // Tampered requests: another site, another filter, a grouping, a limit, a date outside the window. Each is
    // refused, and none costs a request upstream.
    const mark = await markRequests();
    const tampered = [
      `${data}?range=last_90_days`,
      `${data}?range=all_time`,
      `${data}?range=last_7_days&site=PDNGTON`,
      `${data}?range=last_7_days&filters=%5B%5D`,
      `${data}?range=last_7_days&by=hostname`,
      `${data}?range=last_7_days&limit=10000`,
      `${data}?range=custom&from=2020-01-01&to=2020-12-31`,
      `${data}?range=last_7_days&range=last_90_days`,
    ];
    for (const url of tampered) {
      const answer = await client.request.get(url, { maxRetries: 2 });
      expect(answer.status(), url).toBeGreaterThanOrEqual(400);
      expect(answer.status(), url).toBeLessThan(500);
    }
    expect(await mark.since("/v1/")).toEqual([]);

    // Nothing on the page, or in any answer, that was not shared.
    const others = await otherSites(page);
    const forbidden = [SIM_TOKEN, ADMIN.email, LOCKED_VALUE, neighbour.slug, `Neighbour ${suffix}`, ...others.flatMap((site) => [site.id, site.name])];
    const html = await viewer.request.get(link, { maxRetries: 2 }).then((answer) => answer.text());
    expectNoneOf(html, forbidden, "the page");
    expectNoneOf(await good.text(), forbidden, "the data route");
    for (const answer of answers) expectNoneOf(answer.text, forbidden, answer.url);
    expect(answers.every((answer) => answer.url.startsWith(new URL(link).origin))).toBe(true);

    // The agency rotates the link: the old one refuses at once, the new one asks for the password again.
    await page.goto("/settings/shares");
    const row = page.locator(`[data-share-id="${shareId}"]`);
    await row.getByRole("button", { name: "Rotate link" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: /Rotate/ }).click();
    await expect.poll(async () => ((await (await page.request.get(`/api/shares/${shareId}`, { maxRetries: 2 })).json()) as { url: string }).url).not.toBe(link);
    await viewer.goto(link);
    await expect(viewer.getByRole("heading", { name: /does not work/ })).toBeVisible();
    expect((await client.request.get(`${data}?range=last_7_days`, { maxRetries: 2 })).status()).toBe(404);
    const rotated = ((await (await page.request.get(`/api/shares/${shareId}`, { maxRetries: 2 })).json()) as { url: string }).url;
    await viewer.goto(rotated);
    await expect(viewer.getByRole("heading", { name: "This page is protected" })).toBeVisible();

    // The list tells the agency the client came.
    await page.reload();
    await expect(row).toContainText(/active/i);
    await expect(row.getByRole("button", { name: "Copy link" })).toBeVisible();
  } finally {
    await client.close();
  }
});

// Journey: the agency shares one saved report; pauses a link, then revokes it; another link expires. Each
// refuses with its own clear page.
test("a paused, a revoked and an expired link each refuse with a clear page", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const suffix = runSuffix();
  const { dashboard, reports } = await createShareableDashboard(page.request, suffix);
  const share = await createShare(page.request, { target: { kind: "dashboard", id: dashboard.id }, settings: shareSettings({ clientName: `Paused ${suffix}` }) });
  const ofReport = await createShare(page.request, { target: { kind: "report", id: reports[0]!.id }, settings: shareSettings({ clientName: `One report ${suffix}` }) });
  const expiresAt = Date.now() + 8_000;
  const soon = await createShare(page.request, {
    target: { kind: "dashboard", id: dashboard.id },
    settings: shareSettings({ clientName: `Expiring ${suffix}` }),
    expiresAt: new Date(expiresAt).toISOString(),
  });
  const client = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  try {
    const viewer = await client.newPage();
    // A saved report shared on its own is one tile, under the report's name.
    await viewer.goto(ofReport.url);
    await expect(viewer.locator("[data-share-tile]")).toHaveCount(1);
    await expect(viewer.getByRole("heading", { level: 1 })).toHaveText(`Daily visits ${suffix}`);
    await expect(viewer.locator("[data-share-tile] table")).toBeVisible();
    const expiring = await client.newPage();
    await expiring.goto(soon.url);
    await expect(expiring.locator("[data-share-tile]")).toHaveCount(3);
    await viewer.goto(share.url);
    await expect(viewer.locator("[data-share-tile]")).toHaveCount(3);

    await shareAction(page.request, share.id, "pause");
    await viewer.reload();
    await expect(viewer.getByRole("heading", { level: 1 })).toHaveText(/paused/i);
    expect((await client.request.get(`${share.url}/data`, { maxRetries: 2 })).status()).toBe(403);
    await shareAction(page.request, share.id, "resume");
    await viewer.reload();
    await expect(viewer.locator("[data-share-tile]")).toHaveCount(3);

    await shareAction(page.request, share.id, "revoke");
    await viewer.reload();
    await expect(viewer.getByRole("heading", { level: 1 })).toHaveText(/turned off|revoked/i);
    expect((await client.request.get(`${share.url}/data`, { maxRetries: 2 })).status()).toBe(410);
    const again = await page.request.post(`/api/shares/${share.id}/state`, { headers: { Origin: new URL(share.url).origin, "Content-Type": "application/json" }, data: { action: "resume" } });
    expect(again.status()).toBe(409);

    await expiring.waitForTimeout(Math.max(0, expiresAt - Date.now()) + 500);
    await expiring.reload();
    await expect(expiring.getByRole("heading", { level: 1 })).toHaveText(/expired/i);

    // The agency's list says which is which.
    await page.goto("/settings/shares");
    await expect(page.locator(`[data-share-id="${share.id}"]`)).toContainText(/revoked/i);
    await expect(page.locator(`[data-share-id="${soon.id}"]`)).toContainText(/expired/i);
  } finally {
    await client.close();
  }
});
