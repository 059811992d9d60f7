import "server-only";
import { logError } from "@/lib/api/log";
import { governedFathom } from "@/lib/governor/governed-fathom";
import { auditRepository } from "@/lib/store/audit-repository";
import { database } from "@/lib/store/db";
import { eventCurrencies } from "@/lib/store/event-currencies";
import { reconcilePendingAudits, type FathomLists } from "./reconcile";

const holder = globalThis as typeof globalThis & { __soundingAuditReconciliation?: Promise<void> };

/**
 * A write waits at most 20 s for the budget and 20 s for Fathom: one pending for longer than this is no
 * instance's any more, whichever wrote it.
 */
export const ABANDONED_AFTER_MS = 2 * 60_000;
/** With several instances on one database, a survivor settles what a dead one left this often. */
const SHARED_EVERY_MS = 5 * 60_000;

/**
 * Which pending entries were left by a process that is gone. Alone on its database, every entry still
 * pending from before this process started. Sharing the database with other instances, only those older
 * than any write can take (another instance's write in flight is pending too).
 */
export function abandonedBefore(processStartedAt: number, now: number, sharedDatabase: boolean): Date {
  return new Date(sharedDatabase ? Math.min(processStartedAt, now - ABANDONED_AFTER_MS) : processStartedAt);
}

const processStartedAt = () => Math.floor(performance.timeOrigin);

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

async function reconcile(sharedDatabase: boolean): Promise<void> {
  const currencies = eventCurrencies(await database());
  const before = abandonedBefore(processStartedAt(), Date.now(), sharedDatabase);
  const counts = await reconcilePendingAudits(await auditRepository(), governedLists(), before, (siteId, eventId, currency) =>
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
 * per process, errors logged (an entry left pending is tried again at the next start). On a database shared
 * with other instances, again every few minutes, so an instance that died has its writes settled by another.
 */
export function startAuditReconciliation({ sharedDatabase = false }: { sharedDatabase?: boolean } = {}): void {
  if (holder.__soundingAuditReconciliation) return;
  const run = () => reconcile(sharedDatabase).catch((error) => logError("Could not settle the audit entries left pending", error));
  holder.__soundingAuditReconciliation = run();
  if (sharedDatabase) setInterval(() => void run(), SHARED_EVERY_MS).unref();
}
