import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { registerSecret } from "@/lib/api/log";
import { getServerConfig } from "@/lib/config/server-config";
import { createFathomClient, type FathomClient } from "@/lib/fathom/client";
import { isFathomError } from "@/lib/fathom/errors";
import { openToken, sealToken, TOKEN_SETTING_KEY, TokenVaultError } from "@/lib/fathom/token-vault";
import { settingsRepository } from "@/lib/store/settings-repository";

/**
 * Where Fathom data comes from: `FATHOM_API_TOKEN` (env) wins; else the token an admin saved in
 * settings (stored, encrypted); else demo mode on the in-process simulator. One client per process,
 * kept on `globalThis` and rebuilt after the stored token changes.
 */
export type ConnectionMode = "env" | "stored" | "demo";

export type FathomConnection = {
  client: FathomClient;
  mode: ConnectionMode;
  /** A short SHA-256 prefix of the token: tells tokens apart (e.g. in cache keys) without revealing them. */
  tokenFingerprint: string;
};

export const DEMO_BASE_URL = "http://simulator.local/v1";
export const DEMO_TOKEN = "sim-token";

type Simulator = { handle(request: Request): Promise<Response> };

const holder = globalThis as typeof globalThis & {
  __soundingFathom?: Promise<FathomConnection>;
  __soundingSimulator?: Promise<Simulator>;
};

export function tokenFingerprint(token: string): string {
  return createHash("sha256").update(token).digest("hex").slice(0, 12);
}

/** The last four characters, only for a token long enough that they give nothing away. */
export function tokenHint(token: string): string | null {
  return token.length >= 16 ? token.slice(-4) : null;
}

/** The demo simulator: one per process, so its in-memory sites, events and milestones persist. */
function demoSimulator(): Promise<Simulator> {
  holder.__soundingSimulator ??= import("@/lib/simulator/simulator").then(({ createSimulator }) =>
    // warmUp generates the two-year window in the background (recent days first), so the first
    // year-long report in demo mode does not pay for generating its data.
    createSimulator({ queryPlanDelayMs: 300, warmUp: true }),
  );
  return holder.__soundingSimulator;
}

/** The sealed token an admin saved in settings, and when; null when none is stored. */
async function readStoredToken(): Promise<{ sealed: string; updatedAt: string } | null> {
  const stored = await (await settingsRepository()).read(TOKEN_SETTING_KEY);
  return stored ? { sealed: stored.value, updatedAt: stored.updatedAt } : null;
}

function unreadableStoredToken(error: TokenVaultError): ApiError {
  return new ApiError(
    500,
    "fathom_token_unreadable",
    `${error.message} An admin can enter the token again in Settings → Fathom connection.`,
  );
}

async function connect(): Promise<FathomConnection> {
  const config = getServerConfig();
  if (config.FATHOM_API_TOKEN) {
    registerSecret(config.FATHOM_API_TOKEN);
    return {
      client: createFathomClient({ baseUrl: config.FATHOM_API_BASE_URL, token: config.FATHOM_API_TOKEN }),
      mode: "env",
      tokenFingerprint: tokenFingerprint(config.FATHOM_API_TOKEN),
    };
  }
  const stored = await readStoredToken();
  if (stored) {
    let token: string;
    try {
      token = openToken(stored.sealed, config.appSecret);
    } catch (error) {
      if (error instanceof TokenVaultError) throw unreadableStoredToken(error);
      throw error;
    }
    registerSecret(token);
    return {
      client: createFathomClient({ baseUrl: config.FATHOM_API_BASE_URL, token }),
      mode: "stored",
      tokenFingerprint: tokenFingerprint(token),
    };
  }
  const simulator = await demoSimulator();
  return {
    client: createFathomClient({
      baseUrl: DEMO_BASE_URL,
      token: DEMO_TOKEN,
      fetch: (input, init) => simulator.handle(new Request(input, init)),
    }),
    mode: "demo",
    tokenFingerprint: tokenFingerprint(DEMO_TOKEN),
  };
}

/** The process-wide Fathom client and where it points. A failure is not cached: the next call retries. */
export function getFathom(): Promise<FathomConnection> {
  if (!holder.__soundingFathom) {
    const pending = connect();
    holder.__soundingFathom = pending;
    pending.catch(() => {
      if (holder.__soundingFathom === pending) holder.__soundingFathom = undefined;
    });
  }
  return holder.__soundingFathom;
}

/** Drops the cached client; the next getFathom() reads the configuration and the stored token again. */
export function resetFathomConnection(): void {
  holder.__soundingFathom = undefined;
}

/** Cheap: reads the configuration and whether a token is stored, without decrypting it. */
export async function connectionMode(): Promise<ConnectionMode> {
  if (getServerConfig().FATHOM_API_TOKEN) return "env";
  return (await readStoredToken()) ? "stored" : "demo";
}

/** What the settings page may know about the connection: never the token, at most its last four characters. */
export const connectionStatusSchema = z.object({
  mode: z.enum(["env", "stored", "demo"]),
  /** FATHOM_API_TOKEN is set: the page is read-only. */
  envToken: z.boolean(),
  baseUrl: z.string(),
  /** Last four characters of the token in use (null in demo mode, for short tokens or when unreadable). */
  tokenHint: z.string().nullable(),
  /** When an admin last saved the stored token (ISO), or null. */
  storedAt: z.string().nullable(),
  /** A token is stored but cannot be decrypted with the current APP_SECRET. */
  storedUnreadable: z.boolean(),
});
export type ConnectionStatus = z.infer<typeof connectionStatusSchema>;

export async function getConnectionStatus(): Promise<ConnectionStatus> {
  const config = getServerConfig();
  const stored = await readStoredToken();
  let storedToken: string | null = null;
  let storedUnreadable = false;
  if (stored) {
    try {
      storedToken = openToken(stored.sealed, config.appSecret);
    } catch (error) {
      if (!(error instanceof TokenVaultError)) throw error;
      storedUnreadable = true;
    }
  }
  const envToken = Boolean(config.FATHOM_API_TOKEN);
  const mode: ConnectionMode = envToken ? "env" : stored ? "stored" : "demo";
  const inUse = envToken ? config.FATHOM_API_TOKEN! : storedToken;
  return {
    mode,
    envToken,
    baseUrl: mode === "demo" ? DEMO_BASE_URL : config.FATHOM_API_BASE_URL,
    tokenHint: inUse ? tokenHint(inUse) : null,
    storedAt: stored?.updatedAt ?? null,
    storedUnreadable,
  };
}

/** A pasted token: one line of printable characters, as Fathom issues them. */
export const pastedTokenSchema = z
  .string()
  .trim()
  .min(1, { message: "Paste the API token from Fathom (Settings → API).", abort: true })
  .max(4096, "That is longer than any Fathom token.")
  .regex(/^[\x21-\x7e]+$/, "A Fathom token has no spaces or line breaks; paste just the token.");

/** A client for a token that is not (yet) the connection: "Test connection" on a pasted token. */
export function clientForToken(token: string): FathomClient {
  registerSecret(token);
  return createFathomClient({ baseUrl: getServerConfig().FATHOM_API_BASE_URL, token, timeoutMs: 10_000 });
}

function envTokenConflict(): ApiError {
  return new ApiError(
    409,
    "env_token_set",
    "FATHOM_API_TOKEN is set in the server's environment, which takes precedence; change it there instead.",
  );
}

/**
 * Asks Fathom about a token (GET /token). A rejected token is the admin's input problem (400), not an
 * upstream failure; everything else keeps the FathomError's own mapping.
 */
export async function describeToken(client: FathomClient) {
  try {
    return await client.getToken();
  } catch (error) {
    if (isFathomError(error) && error.kind === "unauthorized") {
      throw new ApiError(400, "token_rejected", "Fathom rejected this token. Check that you copied all of it and that it has not expired.", {
        fields: { token: ["Fathom rejected this token."] },
      });
    }
    throw error;
  }
}

/**
 * Checks the token with Fathom (through `check`: the governor's `checkToken`, so the request is counted
 * against the budget), then stores it encrypted and switches the connection to it.
 */
export async function saveFathomToken(token: string, check: (client: FathomClient) => ReturnType<typeof describeToken>) {
  if (getServerConfig().FATHOM_API_TOKEN) throw envTokenConflict();
  const info = await check(clientForToken(token));
  await (await settingsRepository()).write(TOKEN_SETTING_KEY, sealToken(token, getServerConfig().appSecret));
  resetFathomConnection();
  return info;
}

/** Removes the stored token; with no FATHOM_API_TOKEN the app returns to demo mode. */
export async function removeFathomToken(): Promise<boolean> {
  if (getServerConfig().FATHOM_API_TOKEN) throw envTokenConflict();
  const removed = await (await settingsRepository()).remove(TOKEN_SETTING_KEY);
  resetFathomConnection();
  return removed;
}
