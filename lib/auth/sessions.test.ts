import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";

// The repository runs against one test database for the whole file (SQLite, or PostgreSQL in the postgres
// project), as the process-wide database.
const store = vi.hoisted(() => ({ db: undefined as unknown }));
vi.mock("@/lib/store/db", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/store/db")>();
  return { ...original, database: async () => store.db };
});
beforeAll(async () => {
  const { openTestDatabase } = await import("@/lib/store/db");
  store.db = await openTestDatabase();
});
afterEach(() => vi.useRealTimers());

const client = { userAgent: "Mozilla/5.0 (Test)", address: "203.0.113.4" };
let n = 0;
async function newUser() {
  const { database } = await import("@/lib/store/db");
  const db = await database();
  n++;
  const row = await db
    .insertInto("users")
    .values({ email: `s${n}@example.com`, name: `S ${n}`, role: "viewer", password_hash: "x", created_at: new Date().toISOString() })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

describe("server-side sessions", () => {
  it("a token finds its session; only the token's hash is stored", async () => {
    const { createSession, findSession } = await import("./sessions");
    const { database } = await import("@/lib/store/db");
    const userId = await newUser();
    const token = await createSession(userId, client);
    expect(await findSession(token)).toMatchObject({ userId });
    const rows = await (await database()).selectFrom("sessions").select("id").where("user_id", "=", userId).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.id).not.toContain(token);
    expect(await findSession(`${token}x`)).toBeNull();
    expect(await findSession("short")).toBeNull();
  });

  it("signing out ends exactly that session: the same token never works again", async () => {
    const { createSession, endSessionByToken, findSession } = await import("./sessions");
    const userId = await newUser();
    const laptop = await createSession(userId, client);
    const phone = await createSession(userId, client);
    await endSessionByToken(laptop);
    expect(await findSession(laptop)).toBeNull();
    expect(await findSession(phone)).not.toBeNull();
  });

  it("ending a user's sessions can keep the one making the change, and never touches other users", async () => {
    const { createSession, endUserSessions, findSession } = await import("./sessions");
    const userId = await newUser();
    const other = await newUser();
    const current = await createSession(userId, client);
    const stolen = await createSession(userId, client);
    const someoneElse = await createSession(other, client);
    const kept = (await findSession(current))!;
    expect(await endUserSessions(userId, { exceptId: kept.id })).toBe(1);
    expect(await findSession(current)).not.toBeNull();
    expect(await findSession(stolen)).toBeNull();
    expect(await endUserSessions(userId)).toBe(1);
    expect(await findSession(current)).toBeNull();
    expect(await findSession(someoneElse)).not.toBeNull();
  });

  it("removing a user ends their sessions (the foreign key cascades)", async () => {
    const { createSession, findSession } = await import("./sessions");
    const { database } = await import("@/lib/store/db");
    const userId = await newUser();
    const token = await createSession(userId, client);
    await (await database()).deleteFrom("users").where("id", "=", userId).execute();
    expect(await findSession(token)).toBeNull();
  });

  it("lists a user's sessions with a handle that ends one of them, and only their own", async () => {
    const { createSession, endSessionByHandle, findSession, listUserSessions } = await import("./sessions");
    const userId = await newUser();
    const other = await newUser();
    const first = await createSession(userId, client);
    await createSession(userId, { userAgent: "Phone", address: "198.51.100.2" });
    const current = (await findSession(first))!;
    const sessions = await listUserSessions(userId, current.id);
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((session) => session.current)).toHaveLength(1);
    const phone = sessions.find((session) => session.userAgent === "Phone")!;
    expect(phone.handle).toMatch(/^[0-9a-f]{12}$/);
    expect(await endSessionByHandle(other, phone.handle)).toBe(false);
    expect(await endSessionByHandle(userId, "not-a-handle")).toBe(false);
    expect(await endSessionByHandle(userId, phone.handle)).toBe(true);
    expect(await listUserSessions(userId)).toHaveLength(1);
  });

  it("expires after 14 days", async () => {
    const { createSession, findSession, SESSION_TTL_SECONDS } = await import("./sessions");
    const userId = await newUser();
    const token = await createSession(userId, client);
    vi.useFakeTimers({ now: Date.now() + SESSION_TTL_SECONDS * 1000 + 1000, toFake: ["Date"] });
    expect(await findSession(token)).toBeNull();
  });
});
