import { mkdirSync } from "node:fs";
import { expect, test as setup } from "@playwright/test";
import { DEMO_ADMIN } from "./support/accounts";
import { AUTH_DIR, DEMO_ADMIN_STATE } from "./support/env";

// The demo-mode server (no configuration at all) gets its admin through the same first-run API.
setup("create the demo server's admin", async ({ request }) => {
  const response = await request.post("/api/setup", { data: DEMO_ADMIN });
  expect(response.status()).toBe(200);
  mkdirSync(AUTH_DIR, { recursive: true });
  await request.storageState({ path: DEMO_ADMIN_STATE });
});
