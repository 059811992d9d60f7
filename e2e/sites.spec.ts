import { expect, test } from "@playwright/test";

// Journey: a team member connected to Fathom (here the standalone simulator, reached with a token over
// HTTP) opens Sites and sees every site of the account with its id, timezone, events and milestones.
test("the Sites page lists the connected account's sites with their events and milestones", async ({ page }) => {
  await page.goto("/sites");
  await expect(page.getByRole("heading", { name: "Sites" })).toBeVisible();
  await expect(page.getByText("Demo data — no Fathom token configured")).toHaveCount(0);

  const bugs = page.locator('[data-testid="site"][data-site-id="CDBUGS"]');
  await expect(bugs.getByRole("heading", { name: "Bugs Bunny Portfolio" })).toBeVisible();
  await expect(bugs.getByTestId("site-timezone")).toHaveText("America/New_York");
  await expect(bugs.getByTestId("site-events")).toContainText("Purchased product");
  await expect(bugs.getByTestId("site-milestones").locator("li").first()).toBeVisible();

  const marmalade = page.locator('[data-testid="site"][data-site-id="PDNGTON"]');
  await expect(marmalade.getByRole("heading", { name: "Paddington Marmalade Co." })).toBeVisible();
  await expect(marmalade.getByTestId("site-timezone")).toHaveText("Europe/London");
  expect(await page.locator('[data-testid="site"]').count()).toBeGreaterThanOrEqual(3);

  const api = await page.request.get("/api/sites");
  expect(api.status()).toBe(200);
  expect((await api.json()).mode).toBe("env");
});
