import "server-only";
import { registerSecret } from "@/lib/api/log";
import { startAuditReconciliation } from "@/lib/audit/reconcile-on-start";
import { ConfigError } from "@/lib/config/env";
import { getServerConfig } from "@/lib/config/server-config";
import { prepareDatabase } from "@/lib/store/db";
import { writePidFile } from "./pid-file";

export async function startServer(): Promise<void> {
  try {
    const config = getServerConfig();
    registerSecret(config.FATHOM_API_TOKEN);
    await prepareDatabase();
    console.info(
      `[sounding] Data in ${config.dataDir}; ${config.FATHOM_API_TOKEN ? `Fathom API at ${config.FATHOM_API_BASE_URL}` : "no FATHOM_API_TOKEN in the environment"}.`,
    );
    writePidFile(config.dataDir);
    startAuditReconciliation();
  } catch (error) {
    const message = error instanceof ConfigError ? error.message : `Start-up failed: ${(error as Error).message}`;
    console.error(`[sounding] ${message}`);
    process.exit(1);
  }
}
