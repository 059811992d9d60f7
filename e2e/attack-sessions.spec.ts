import { expect, test } from "@playwright/test";
import { sealData } from "iron-session";
import { fill, pageTemplates } from "./support/route-inventory";
import { useAttackStack } from "./support/attack-stack";
import { raw } from "./support/raw-http";
import { cookiesOf, jsonHeaders, signIn } from "./support/team";

// Journey: an attacker holding cookies (forged, tampered, or copied before a sign-out, a password change, a
// role change or a removal) tries to use them, and a phishing link tries to send a user elsewhere after they
// sign in. Forged cookies are simply no session (never a 500), ended sessions never work again, and sign-in
// only ever leads to a page of this site.
test.describe.serial("sessions end when they should, and forged ones never start", () => {
  const stack = useAttackStack();

  const sessionCookie = (cookies: string) => cookies.split("; ").find((pair) => pair.startsWith("sounding_session="))!;
  const whoAmI = async (cookie: string) => raw(stack.own.url, { method: "GET", path: "/api/session", headers: { cookie } });

  test("forged, tampered and foreign cookies are no session, on every page and route, never a 500", async () => {
    const real = sessionCookie(stack.team.viewer.cookie).split("=")[1]!;
    const tampered = `${real.slice(0, 40)}${real[40] === "a" ? "b" : "a"}${real.slice(41)}`;
    const foreign = await sealData({ token: "a".repeat(43) }, { password: "someone else's secret, 32+ characters long" });
    const truncated = real.slice(0, real.indexOf("~") - 10);
    const forged = ["Fe26.1*abc", "Fe26.2*1*x*y*z*a*b*c", "Fe26.2**", "garbage", "%ff%fe", tampered, truncated, foreign, "x".repeat(5000)];
    for (const value of forged) {
      const cookie = `sounding_session=${value}`;
      expect((await whoAmI(cookie)).status, value.slice(0, 20)).toBe(401);
      const login = await raw(stack.own.url, { method: "GET", path: "/login", headers: { cookie } });
      expect(login.status, `/login with ${value.slice(0, 20)}`).toBe(200);
      for (const template of pageTemplates()) {
        const path = fill(template, stack.valid);
        const answer = await raw(stack.own.url, { method: "GET", path, headers: { cookie } });
        expect(answer.status, `${path} with ${value.slice(0, 20)}`).toBeLessThan(500);
        expect(answer.text, path).not.toContain(stack.team.viewer.email);
      }
    }
  });

  test("signing out ends the session: the copied cookie is refused at once", async () => {
    const copy = await signIn(stack.own.url, stack.team.viewer);
    expect((await whoAmI(copy)).status).toBe(200);
    const out = await raw(stack.own.url, { method: "DELETE", path: "/api/session", headers: { cookie: copy, origin: stack.own.url } });
    expect(out.status).toBe(200);
    expect((await whoAmI(copy)).status).toBe(401);
    expect((await raw(stack.own.url, { method: "GET", path: "/api/sites", headers: { cookie: copy } })).status).toBe(401);
  });

  test("a password change ends every other session, keeps the one that made it, and retires the old password", async () => {
    const laptop = await signIn(stack.own.url, stack.team.editor);
    const stolen = await signIn(stack.own.url, stack.team.editor);
    const changed = await fetch(`${stack.own.url}/api/account/password`, {
      method: "POST",
      headers: jsonHeaders(stack.own.url, laptop),
      body: JSON.stringify({ currentPassword: stack.team.editor.password, newPassword: "a brand new password 99" }),
    });
    expect(changed.status).toBe(200);
    expect((await changed.json()).endedSessions).toBeGreaterThanOrEqual(2); // the stolen one and the team's original
    expect((await whoAmI(stolen)).status).toBe(401);
    expect((await whoAmI(stack.team.editor.cookie)).status).toBe(401);
    expect((await whoAmI(laptop)).status).toBe(200);
    await expect(signIn(stack.own.url, stack.team.editor)).rejects.toThrow(/401/);
    stack.team.editor.password = "a brand new password 99";
    stack.team.editor.cookie = await signIn(stack.own.url, stack.team.editor);
    const wrong = await fetch(`${stack.own.url}/api/account/password`, {
      method: "POST",
      headers: jsonHeaders(stack.own.url, laptop),
      body: JSON.stringify({ currentPassword: "not my password at all", newPassword: "another new password 1" }),
    });
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error.fields.currentPassword).toEqual(["That is not your current password"]);
  });

  test("a role change signs the person out everywhere; they come back with the new role", async () => {
    const before = await signIn(stack.own.url, stack.team.viewer);
    const promoted = await fetch(`${stack.own.url}/api/users/${stack.team.viewer.id}`, {
      method: "PATCH",
      headers: jsonHeaders(stack.own.url, stack.team.admin.cookie),
      body: JSON.stringify({ role: "editor" }),
    });
    expect(promoted.status).toBe(200);
    expect((await whoAmI(before)).status).toBe(401);
    const after = await signIn(stack.own.url, stack.team.viewer);
    expect((await (await whoAmI(after)).json()).user).toMatchObject({ role: "editor" });
    await fetch(`${stack.own.url}/api/users/${stack.team.viewer.id}`, {
      method: "PATCH",
      headers: jsonHeaders(stack.own.url, stack.team.admin.cookie),
      body: JSON.stringify({ role: "viewer" }),
    });
    stack.team.viewer.cookie = await signIn(stack.own.url, stack.team.viewer);
    expect((await (await whoAmI(stack.team.viewer.cookie)).json()).user).toMatchObject({ role: "viewer" });
  });

  test("an admin can sign someone out everywhere, and removing a user ends their sessions", async () => {
    const phone = await signIn(stack.own.url, stack.team.viewer);
    const ended = await fetch(`${stack.own.url}/api/users/${stack.team.viewer.id}/sessions`, {
      method: "DELETE",
      headers: jsonHeaders(stack.own.url, stack.team.admin.cookie),
    });
    expect((await ended.json()).ended).toBeGreaterThanOrEqual(2);
    expect((await whoAmI(phone)).status).toBe(401);
    expect((await whoAmI(stack.team.viewer.cookie)).status).toBe(401);
    stack.team.viewer.cookie = await signIn(stack.own.url, stack.team.viewer);

    const invite = await (await fetch(`${stack.own.url}/api/invites`, { method: "POST", headers: jsonHeaders(stack.own.url, stack.team.admin.cookie), body: JSON.stringify({ role: "editor" }) })).json();
    const joined = await fetch(`${stack.own.url}/api/invites/${new URL(invite.url).pathname.split("/").pop()}`, {
      method: "POST",
      headers: jsonHeaders(stack.own.url),
      body: JSON.stringify({ name: "Temp", email: "temp@own.example", password: "temporary password 1" }),
    });
    const temp = { id: (await joined.json()).user.id as number, cookie: cookiesOf(joined) };
    expect((await whoAmI(temp.cookie)).status).toBe(200);
    const removed = await fetch(`${stack.own.url}/api/users/${temp.id}`, { method: "DELETE", headers: jsonHeaders(stack.own.url, stack.team.admin.cookie) });
    expect(removed.status).toBe(200);
    expect((await whoAmI(temp.cookie)).status).toBe(401);
  });

  test("'sign out everywhere' from your own account ends this browser's session too", async () => {
    const other = await signIn(stack.own.url, stack.team.viewer);
    const everywhere = await fetch(`${stack.own.url}/api/account/sessions`, { method: "DELETE", headers: jsonHeaders(stack.own.url, stack.team.viewer.cookie) });
    expect(everywhere.status).toBe(200);
    expect((await whoAmI(other)).status).toBe(401);
    expect((await whoAmI(stack.team.viewer.cookie)).status).toBe(401);
    stack.team.viewer.cookie = await signIn(stack.own.url, stack.team.viewer);
  });

  test("after sign-in, a next= link can only lead to a page of this site", async () => {
    const tricks = ["//evil.example", "/%09/evil.example", "/%0a/evil.example", "/\\evil.example", "/%5Cevil.example", "/.//evil.example", "https://evil.example", "javascript:alert(1)"];
    for (const next of tricks) {
      const answer = await raw(stack.own.url, { method: "GET", path: `/login?next=${encodeURIComponent(next)}`, headers: { cookie: stack.team.viewer.cookie } });
      expect(answer.status, next).toBe(307);
      expect(new URL(answer.headers.location!, stack.own.url).origin, next).toBe(stack.own.url);
    }
  });

  test("in a browser, /login?next=/%09/evil.example ends on this site", async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${stack.own.url}/login?next=/%09/evil.example`);
    await page.getByLabel("Email").fill(stack.team.viewer.email);
    await page.getByLabel("Password").fill(stack.team.viewer.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.pathname !== "/login");
    expect(new URL(page.url()).origin).toBe(stack.own.url);
    await context.close();
  });
});
