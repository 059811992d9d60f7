import { expect, test } from "@playwright/test";
import { APP_URL } from "./support/env";

// Journey: API clients (and scripts) get 401 JSON without a session, and clear 4xx answers, never a 500,
// for malformed JSON, missing fields, oversized bodies and cross-site writes.
test.describe("the JSON API's answers to bad requests", () => {
  test("without a session every protected route answers 401 JSON", async ({ playwright }) => {
    const anonymous = await playwright.request.newContext({ baseURL: APP_URL, storageState: { cookies: [], origins: [] } });
    for (const path of ["/api/users", "/api/session"]) {
      const response = await anonymous.get(path);
      expect(response.status(), path).toBe(401);
      expect(response.headers()["content-type"]).toContain("application/json");
      expect((await response.json()).error).toMatchObject({ code: "unauthorized", message: "Sign in to continue." });
    }
    const write = await anonymous.post("/api/invites", { data: { role: "viewer" } });
    expect(write.status()).toBe(401);
    await anonymous.dispose();
  });

  test("bad input gets a clear 4xx with the one error shape", async ({ request }) => {
    const malformed = await request.post("/api/invites", { headers: { "Content-Type": "application/json" }, data: Buffer.from("{not json") });
    expect(malformed.status()).toBe(400);
    expect((await malformed.json()).error.code).toBe("invalid_json");

    const missing = await request.post("/api/invites", { data: {} });
    expect(missing.status()).toBe(400);
    const missingBody = await missing.json();
    expect(missingBody.error.code).toBe("invalid_input");
    expect(Object.keys(missingBody.error.fields)).toContain("role");

    const oversized = await request.post("/api/session", { data: { email: "a@b.co", password: "x".repeat(200_000) } });
    expect(oversized.status()).toBe(413);

    const badId = await request.patch("/api/users/not-a-number", { data: { role: "viewer" } });
    expect(badId.status()).toBe(400);

    const badRole = await request.patch("/api/users/1", { data: { role: "owner" } });
    expect(badRole.status()).toBe(400);
    expect((await badRole.json()).error.fields.role).toBeDefined();

    const crossSite = await request.post("/api/invites", { data: { role: "viewer" }, headers: { Origin: "https://evil.example" } });
    expect(crossSite.status()).toBe(403);

    const lastAdmin = await request.patch("/api/users/1", { data: { role: "viewer" } });
    expect(lastAdmin.status()).toBe(409);
    expect((await lastAdmin.json()).error.code).toBe("last_admin");
  });
});
