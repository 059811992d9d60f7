import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";

// The repository runs against a real SQLite file in a throwaway DATA_DIR.
beforeAll(() => {
  process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "sounding-users-"));
  process.env.APP_SECRET = "x".repeat(40);
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
});
