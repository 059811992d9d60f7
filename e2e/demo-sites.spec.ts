import { expect, test } from "@playwright/test";

// Journey: on a fresh install with no configuration at all, Sounding runs in demo mode on its built-in
// simulator: the banner says so and the Sites page shows realistic sites.
test("with no configuration the dashboard runs on demo data and says so", async ({ page }) => {
  await page.goto("/sites");
  await expect(page.getByText("Demo data — no Fathom token configured")).toBeVisible();
  await expect(page.getByRole("link", { name: "Connect your Fathom account" })).toHaveAttribute("href", "/settings/connection");

  const bugs = page.locator('[data-testid="site"][data-site-id="CDBUGS"]');
  await expect(bugs.getByRole("heading", { name: "Bugs Bunny Portfolio" })).toBeVisible();
  await expect(bugs.getByTestId("site-events")).toContainText("Signed up to newsletter");
  expect(await page.locator('[data-testid="site"]').count()).toBeGreaterThanOrEqual(3);

  const api = await page.request.get("/api/sites");
  expect((await api.json()).mode).toBe("demo");
});
