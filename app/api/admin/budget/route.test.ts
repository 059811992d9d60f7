import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import type { User } from "@/lib/auth/users";
import { budgetStateSchema } from "@/lib/governor/budget-state";

const state = vi.hoisted(() => ({ user: null as User | null }));

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => state.user }));
vi.mock("@/lib/config/server-config", async () => {
  const { parseEnv } = await import("@/lib/config/env");
  const config = { ...parseEnv({ FATHOM_RATE_LIMIT_REPORTS_PER_MINUTE: "7" }), appSecret: "x".repeat(32) };
  return { getServerConfig: () => config };
});
vi.mock("@/lib/store/db", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/store/db")>();
  const db = original.openTestDatabase();
  return { ...original, database: () => db };
});

const { GET } = await import("./route");

const user = (role: User["role"]): User => ({ id: 1, email: "a@b.c", name: "A", role, createdAt: "2024-01-01T00:00:00Z" });
const get = () => GET(new NextRequest("http://localhost/api/admin/budget"));

describe("GET /api/admin/budget", () => {
  it("is for admins only", async () => {
    state.user = null;
    expect((await get()).status).toBe(401);
    state.user = user("editor");
    expect((await get()).status).toBe(403);
  });

  it("answers the governor's state, with the plan's limits from the configuration", async () => {
    state.user = user("admin");
    const response = await get();
    expect(response.status).toBe(200);
    const body = budgetStateSchema.parse(await response.json());
    expect(body.classes.reports).toMatchObject({ capacity: 7, available: 7, windowSeconds: 61 });
    expect(body.classes.management.capacity).toBe(2000);
    expect(body.concurrency).toEqual({ max: 5, inFlight: 0 });
  });
});
