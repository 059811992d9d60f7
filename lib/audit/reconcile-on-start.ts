import "server-only";
import { logError } from "@/lib/api/log";
import { governedFathom } from "@/lib/governor/governed-fathom";
import { auditRepository } from "@/lib/store/audit-repository";
import { database } from "@/lib/store/db";
import { eventCurrencies } from "@/lib/store/event-currencies";
import { reconcilePendingAudits, type FathomLists } from "./reconcile";

const holder = globalThis as typeof globalThis & { __soundingAuditReconciliation?: Promise<void> };

/**
 * When this server process started. Every entry this process writes is later; one still pending from
 * before was left by a process that is gone.
 */
const processStartedAt = () => new Date(Math.floor(performance.timeOrigin));

/**
 * Fathom's lists through the governor (cached, paced, at the lowest priority, so people at the builder go
 * first). The connection is made only when an entry needs checking; if it cannot be made, each entry
 * that needed it is settled as unknown with the reason.
 */
function governedLists(): FathomLists {
  let fathom: ReturnType<typeof governedFathom> | undefined;
  const connect = () => (fathom ??= governedFathom());
  return {
    listAllMilestones: async (siteId) => (await (await connect()).listAllMilestones(siteId, { priority: "poll" })).data,
    listAllEvents: async (siteId) => (await (await connect()).listAllEvents(siteId, { priority: "poll" })).data,
  };
}

async function reconcile(): Promise<void> {
  const currencies = eventCurrencies(await database());
  const counts = await reconcilePendingAudits(await auditRepository(), governedLists(), processStartedAt(), (siteId, eventId, currency) =>
    currencies.set(siteId, eventId, currency),
  );
  const settled = counts.ok + counts.failed + counts.unknown;
  if (settled > 0) {
    console.info(
      `[sounding] Audit log: settled ${settled} write(s) left pending when Sounding last stopped (${counts.ok} done, ${counts.failed} not done, ${counts.unknown} unknown).`,
    );
  }
}

/**
 * Starts settling the audit entries a previous process left pending, without holding up start-up: once
 * per process, errors logged (an entry left pending is tried again at the next start).
 */
export function startAuditReconciliation(): void {
  holder.__soundingAuditReconciliation ??= reconcile().catch((error) => logError("Could not settle the audit entries left pending", error));
}
