import { expect, test } from "@playwright/test";

const EDITOR = { name: "Eddie Editor", email: "eddie@example.com", password: "editor password 42" };

// Journey: the admin invites an editor with a one-time link; the editor joins through it, signs out and in
// again; the same link used a second time is refused.
test("an admin invites an editor who joins through the one-time link", async ({ page, browser }) => {
  await page.goto("/settings/users");
  await page.getByLabel("Role", { exact: true }).selectOption("editor");
  await page.getByRole("button", { name: "Create invite link" }).click();
  const link = await page.getByLabel(/Invite link for a new editor/).inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{20,}$/);

  const invitee = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const editorPage = await invitee.newPage();
  await editorPage.goto(link);
  await expect(editorPage.getByRole("heading", { name: "Join your team on Sounding" })).toBeVisible();
  await expect(editorPage.getByText(/invited as Editor/)).toBeVisible();
  await editorPage.getByLabel("Name").fill(EDITOR.name);
  await editorPage.getByLabel("Email").fill(EDITOR.email);
  await editorPage.getByLabel("Password").fill(EDITOR.password);
  await editorPage.getByRole("button", { name: "Create my account" }).click();
  await expect(editorPage).toHaveURL(/\/explore$/);
  await expect(editorPage.getByRole("banner")).toContainText(EDITOR.name);
  await expect(editorPage.getByRole("banner")).toContainText("editor");

  // Sign out, then sign in again with the new account.
  await editorPage.getByRole("button", { name: "Sign out" }).click();
  await expect(editorPage).toHaveURL(/\/login/);
  await editorPage.getByLabel("Email").fill(EDITOR.email);
  await editorPage.getByLabel("Password").fill(EDITOR.password);
  await editorPage.getByRole("button", { name: "Sign in" }).click();
  await expect(editorPage).toHaveURL(/\/explore$/);
  await invitee.close();

  // The link is spent: the page says so and the API refuses it.
  const stranger = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const strangerPage = await stranger.newPage();
  await strangerPage.goto(link);
  await expect(strangerPage.getByRole("heading", { name: "This invite can't be used" })).toBeVisible();
  const token = link.split("/invite/")[1]!;
  const reuse = await strangerPage.request.post(`/api/invites/${token}`, {
    data: { name: "Second", email: "second@example.com", password: "second password 1" },
  });
  expect(reuse.status()).toBe(410);
  expect((await reuse.json()).error.code).toBe("invite_invalid");
  await stranger.close();

  // The admin sees the editor in the list, with the editor role.
  await page.reload();
  await expect(page.getByRole("row", { name: new RegExp(EDITOR.email) })).toBeVisible();
  await expect(page.getByLabel(`Role of ${EDITOR.name}`)).toHaveValue("editor");
});
