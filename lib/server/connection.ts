import "server-only";
import { getServerConfig } from "@/lib/config/server-config";

/** Where Fathom data comes from: the environment's token, or the built-in simulator (demo mode). */
export type ConnectionMode = "env" | "demo";

export async function connectionMode(): Promise<ConnectionMode> {
  return getServerConfig().FATHOM_API_TOKEN ? "env" : "demo";
}
