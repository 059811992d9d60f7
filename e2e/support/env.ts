/**
 * Where the end-to-end servers listen. The runner (playwright.config.ts) starts a standalone Fathom
 * simulator, a Sounding server connected to it with a token, and a second Sounding server in demo mode,
 * each with a throwaway DATA_DIR.
 */
import os from "node:os";
import path from "node:path";

const int = (value: string | undefined, fallback: number) => (value ? Number(value) : fallback);

export const SIM_PORT = int(process.env.E2E_SIM_PORT, 18787);
export const APP_PORT = int(process.env.E2E_APP_PORT, 13100);
export const DEMO_PORT = int(process.env.E2E_DEMO_PORT, 13101);

export const SIM_TOKEN = "e2e-fathom-token-5f1c2a9d";
export const SIM_URL = `http://127.0.0.1:${SIM_PORT}`;
export const APP_URL = `http://127.0.0.1:${APP_PORT}`;
export const DEMO_URL = `http://127.0.0.1:${DEMO_PORT}`;

// The runner sets this once; Playwright's workers inherit it, so every process agrees on the folder.
process.env.SOUNDING_E2E_DIR ??= path.join(os.tmpdir(), `sounding-e2e-${process.pid}-${Date.now()}`);
export const E2E_DIR = process.env.SOUNDING_E2E_DIR;
export const AUTH_DIR = path.join(E2E_DIR, "auth");
export const ADMIN_STATE = path.join(AUTH_DIR, "admin.json");
export const DEMO_ADMIN_STATE = path.join(AUTH_DIR, "demo-admin.json");
