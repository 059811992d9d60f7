import { mkdirSync } from "node:fs";
import { expect, test as setup } from "@playwright/test";
import { ADMIN } from "./support/accounts";
import { ADMIN_STATE, AUTH_DIR } from "./support/env";

// Journey: a newcomer opens a fresh Sounding, is led to first-run setup, creates the admin and is signed in.
// Afterwards /setup is gone. The signed-in state is kept for the other journeys.
setup("first-run setup creates the admin, signs in, and then /setup is gone", async ({ page }) => {
  await page.goto("/explore");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Welcome to Sounding" })).toBeVisible();

  await page.getByLabel("Name").fill(ADMIN.name);
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill("too short");
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page.getByText("Use at least 12 characters")).toBeVisible();

  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page).toHaveURL(/\/explore$/);
  await expect(page.getByRole("banner")).toContainText(ADMIN.name);
  await expect(page.getByRole("banner")).toContainText("admin");

  const again = await page.goto("/setup");
  expect(again?.status()).toBe(404);
  const api = await page.request.post("/api/setup", {
    data: { name: "Mallory", email: "mallory@example.com", password: "another long password" },
  });
  expect(api.status()).toBe(404);
  expect((await api.json()).error.code).toBe("not_found");

  mkdirSync(AUTH_DIR, { recursive: true });
  await page.context().storageState({ path: ADMIN_STATE });
});
