import { describe, expect, it } from "vitest";
import { accountTransaction } from "./account-transaction";
import { openTestDatabase } from "./db";
import { createInvitesRepository } from "./invites-repository";
import { createSettingsRepository } from "./settings-repository";
import { createUsersRepository } from "./users-repository";

const person = (email: string, role = "viewer") => ({ email, name: email, role, passwordHash: "h", createdAt: new Date("2026-01-01T00:00:00Z") });

describe("account transaction", () => {
  it("keeps every write of the work, or none when it throws", async () => {
    const db = await openTestDatabase();
    await accountTransaction(async ({ settings, users }) => {
      await settings.writeIfAbsent("setup", "now");
      await users.insert(person("a@example.com", "admin"));
    }, db);
    await expect(
      accountTransaction(async ({ settings, users }) => {
        await settings.write("setup", "overwritten");
        await users.insert(person("b@example.com"));
        throw new Error("changed my mind");
      }, db),
    ).rejects.toThrow("changed my mind");
    expect((await createUsersRepository(db).list()).map((user) => user.email)).toEqual(["a@example.com"]);
    expect((await createSettingsRepository(db).read("setup"))?.value).toBe("now");
  });

  it("spends an invite once, and only before it expires", async () => {
    const db = await openTestDatabase();
    const invites = createInvitesRepository(db);
    const admin = await createUsersRepository(db).insert(person("admin@example.com", "admin"));
    const createdAt = new Date("2026-01-01T00:00:00Z");
    const expiresAt = new Date("2026-01-08T00:00:00Z");
    await invites.insert({ tokenHash: "live", role: "editor", createdBy: admin.id, createdAt, expiresAt });
    await invites.insert({ tokenHash: "old", role: "editor", createdBy: admin.id, createdAt, expiresAt });

    const during = new Date("2026-01-05T00:00:00Z");
    expect(await invites.spend("old", new Date("2026-01-08T00:00:00Z"))).toBeNull();
    const spent = await Promise.all([invites.spend("live", during), invites.spend("live", during)]);
    expect(spent.filter((result) => result !== null)).toEqual([{ role: "editor" }]);
    expect(await invites.findByTokenHash("live")).toEqual({ role: "editor", expiresAt: expiresAt.toISOString(), usedAt: during.toISOString() });
    expect(await invites.findByTokenHash("old")).toMatchObject({ usedAt: null });
    expect(await invites.spend("unknown", during)).toBeNull();
  });
});
