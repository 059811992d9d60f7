import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ConfigError, parseEnv, type Env } from "./env";

export type ServerConfig = Env & {
  /** Absolute path of DATA_DIR, created if missing. */
  dataDir: string;
  /** APP_SECRET from the environment, or the one generated once into DATA_DIR. */
  appSecret: string;
  /** True when no Fathom token is configured in the environment (a stored one may still exist). */
  envTokenMissing: boolean;
};

const SECRET_FILE = "app-secret";

function readOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, SECRET_FILE);
  if (existsSync(file)) {
    const secret = readFileSync(file, "utf8").trim();
    if (secret.length < 32) throw new ConfigError(`Invalid configuration:\n  ${file}: the stored APP_SECRET is shorter than 32 characters`);
    return secret;
  }
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
  console.info(`[sounding] No APP_SECRET given: generated one into ${file} (keep this file; it seals sessions and the stored token).`);
  return secret;
}

export function loadServerConfig(env: Record<string, string | undefined> = process.env): ServerConfig {
  const parsed = parseEnv(env);
  const dataDir = path.resolve(parsed.DATA_DIR);
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw new ConfigError(`Invalid configuration:\n  DATA_DIR: cannot create ${dataDir} (${(error as Error).message})`);
  }
  return {
    ...parsed,
    dataDir,
    appSecret: parsed.APP_SECRET ?? readOrCreateSecret(dataDir),
    envTokenMissing: parsed.FATHOM_API_TOKEN === undefined,
  };
}

const holder = globalThis as typeof globalThis & { __soundingConfig?: ServerConfig };

/** The process-wide configuration, validated on first use (at start, from instrumentation.ts). */
export function getServerConfig(): ServerConfig {
  holder.__soundingConfig ??= loadServerConfig();
  return holder.__soundingConfig;
}
