import "server-only";
import { registerSecret } from "@/lib/api/log";
import { startAuditReconciliation } from "@/lib/audit/reconcile-on-start";
import { ConfigError } from "@/lib/config/env";
import { getServerConfig, type ServerConfig } from "@/lib/config/server-config";
import { prepareDatabase } from "@/lib/store/db";
import { writePidFile } from "./pid-file";

/** Where a URL points, without who connects or with what password. */
export function where(url: string): string {
  const parsed = URL.parse(url);
  return parsed ? `${parsed.host}${parsed.pathname === "/" ? "" : parsed.pathname}` : "(unreadable URL)";
}

/** What start-up says about where the data and the budget live. */
export function describeLayout(config: Pick<ServerConfig, "DATABASE_URL" | "REDIS_URL" | "dataDir">): string {
  const store = config.DATABASE_URL ? `PostgreSQL at ${where(config.DATABASE_URL)}` : `SQLite in ${config.dataDir}`;
  const budget = config.REDIS_URL
    ? `shared with the other instances through Redis at ${where(config.REDIS_URL)}`
    : "kept in this process (set REDIS_URL to run several instances)";
  return `Store: ${store}. Fathom budget and answers: ${budget}.`;
}

export async function startServer(): Promise<void> {
  try {
    const config = getServerConfig();
    registerSecret(config.FATHOM_API_TOKEN);
    for (const url of [config.DATABASE_URL, config.REDIS_URL]) registerSecret(url && (URL.parse(url)?.password || undefined));
    await prepareDatabase();
    console.info(
      `[sounding] Data in ${config.dataDir}; ${config.FATHOM_API_TOKEN ? `Fathom API at ${config.FATHOM_API_BASE_URL}` : "no FATHOM_API_TOKEN in the environment"}.`,
    );
    console.info(`[sounding] ${describeLayout(config)}`);
    writePidFile(config.dataDir);
    startAuditReconciliation({ sharedDatabase: config.DATABASE_URL !== undefined });
  } catch (error) {
    const message = error instanceof ConfigError ? error.message : `Start-up failed: ${(error as Error).message}`;
    console.error(`[sounding] ${message}`);
    process.exit(1);
  }
}
