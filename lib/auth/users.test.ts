import { beforeAll, describe, expect, it, vi } from "vitest";
import { ApiError } from "@/lib/api/errors";

// The repositories run against one test database for the whole file (SQLite, or PostgreSQL in the
// postgres project), as the process-wide database: the tests build on each other's users.
const store = vi.hoisted(() => ({ db: undefined as unknown }));
vi.mock("@/lib/store/db", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/store/db")>();
  return { ...original, database: async () => store.db };
});
beforeAll(async () => {
  const { openTestDatabase } = await import("@/lib/store/db");
  store.db = await openTestDatabase();
});

const person = (n: number) => ({ email: `p${n}@example.com`, name: `Person ${n}`, password: "a long enough password" });

describe("users and invites", () => {
  it("creates exactly one first admin even when two setups race", async () => {
    const { createFirstAdmin, countUsers, isSetupComplete } = await import("./users");
    expect(await isSetupComplete()).toBe(false);
    const results = await Promise.allSettled([createFirstAdmin(person(1)), createFirstAdmin(person(2))]);
    const fulfilled = results.filter((r) => r.status === "fulfilled");
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(rejected[0]?.reason).toBeInstanceOf(ApiError);
    expect((rejected[0]?.reason as ApiError).status).toBe(404);
    expect(await countUsers()).toBe(1);
    expect(await isSetupComplete()).toBe(true);
  });

  it("spends an invite once and gives the invitee its role", async () => {
    const { createInvite, acceptInvite, findUsableInvite } = await import("./users");
    const { token } = await createInvite("editor", 1);
    expect(await findUsableInvite(token)).toMatchObject({ role: "editor" });
    const user = await acceptInvite(token, person(3));
    expect(user).toMatchObject({ email: "p3@example.com", role: "editor" });
    expect(await findUsableInvite(token)).toBeNull();
    await expect(acceptInvite(token, person(4))).rejects.toMatchObject({ status: 410, code: "invite_invalid" });
    await expect(acceptInvite("made-up-token-1234", person(5))).rejects.toMatchObject({ status: 410 });
  });

  it("never removes or demotes the last admin", async () => {
    const { changeRole, removeUser, listUsers } = await import("./users");
    const admin = (await listUsers()).find((u) => u.role === "admin")!;
    await expect(changeRole(admin.id, "viewer")).rejects.toMatchObject({ status: 409, code: "last_admin" });
    await expect(removeUser(admin.id)).rejects.toMatchObject({ status: 409, code: "last_admin" });
    const editor = (await listUsers()).find((u) => u.role === "editor")!;
    await changeRole(editor.id, "admin");
    await changeRole(admin.id, "viewer");
    expect((await listUsers()).filter((u) => u.role === "admin").map((u) => u.id)).toEqual([editor.id]);
  });

  it("keeps an admin when two admins demote or remove each other at once", async () => {
    const { changeRole, removeUser, listUsers } = await import("./users");
    const admins = async () => (await listUsers()).filter((u) => u.role === "admin").map((u) => u.id);
    const races = [
      (a: number, b: number) => [changeRole(a, "viewer"), changeRole(b, "viewer")],
      (a: number, b: number) => [removeUser(a), removeUser(b)],
    ];
    for (const race of races) {
      const [a] = await admins();
      const b = (await listUsers()).find((u) => u.role !== "admin")!.id;
      await changeRole(b, "admin");
      const results = await Promise.allSettled(race(a!, b));
      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
      expect(results.find((result) => result.status === "rejected")).toMatchObject({ reason: { status: 409, code: "last_admin" } });
      expect(await admins()).toHaveLength(1);
    }
  });
});
