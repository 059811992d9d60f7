import { expect, test } from "@playwright/test";
import { ADMIN } from "./support/accounts";

test.use({ storageState: { cookies: [], origins: [] } });

// Journey: someone opens a protected page without a session, is sent to sign in, gets a clear error for a
// wrong password, signs in and lands back where they were going; signing out ends the session.
test("a protected page leads to sign-in and back, with a clear error for a wrong password", async ({ page }) => {
  await page.goto("/settings/users");
  await expect(page).toHaveURL(/\/login\?next=%2Fsettings%2Fusers$/);

  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill("not the password at all");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That email and password don't match an account.")).toBeVisible();
  await expect(page).toHaveURL(/\/login/);

  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/settings\/users$/);
  await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/explore");
  await expect(page).toHaveURL(/\/login\?next=%2Fexplore$/);
});
