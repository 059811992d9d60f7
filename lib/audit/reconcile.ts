import "server-only";
import { isApiError, isConvertibleToApiError } from "@/lib/api/errors";
import { logError } from "@/lib/api/log";
import { eventCurrencySchema, type EventCurrency } from "@/lib/query/fathom-fields";
import type { FathomEvent } from "@/lib/fathom/events";
import type { FathomMilestone } from "@/lib/fathom/milestones";
import type { AuditRepository, AuditRow } from "@/lib/store/audit-repository";
import { FATHOM_AUDIT_ACTIONS, fathomAuditActionSchema, localAuditActionSchema, type AuditOutcome } from "./audit-entry";
import { eventIntentSchema, milestoneIntentSchema, readIntent, type EventIntent, type MilestoneIntent } from "./audit-intent";

/**
 * Settles audit entries that a previous server process left "pending" (it stopped, e.g. `kill -9`, between
 * writing the entry and Fathom's answer) by comparing each entry's intent with what Fathom lists now.
 * Pure apart from the database: the lists are passed in, so tests use fakes and the server the governor.
 */

export type ListedMilestone = Pick<FathomMilestone, "id" | "name" | "milestone_date">;
export type ListedEvent = Pick<FathomEvent, "id" | "name" | "currency">;

/** Every milestone or event of a site, as Fathom lists it now (all pages). */
export type FathomLists = {
  listAllMilestones: (siteId: string) => Promise<ListedMilestone[]>;
  listAllEvents: (siteId: string) => Promise<ListedEvent[]>;
};

type Settled = Exclude<AuditOutcome, "pending">;
type Verdict = { outcome: Settled; detail: string; targetId?: string; after?: Record<string, unknown> };
type Row = AuditRow;
type Kind = "milestone" | "event";
type Op = "create" | "update" | "delete";
export type ReconcileCounts = Record<Settled, number>;

const STOPPED = "Sounding stopped before Fathom answered";
const quote = (name: string) => `“${name}”`;
/** Fathom answers `YYYY-MM-DD 00:00:00`; the intent holds `YYYY-MM-DD`. */
const day = (date: string) => date.slice(0, 10);

const ok = (what: string, settle: Omit<Verdict, "outcome" | "detail"> = {}): Verdict => ({
  outcome: "ok",
  detail: `${STOPPED}; reconciled after the restart: ${what}.`,
  ...settle,
});
const failed = (why: string): Verdict => ({ outcome: "failed", detail: `${STOPPED}; ${why}.` });
const unknown = (why: string): Verdict => ({ outcome: "unknown", detail: `${STOPPED}, and ${why}; check the item in Fathom.` });
const NO_INTENT = unknown("this entry does not record what was being sent (it was written before Sounding kept that), so it cannot be compared with Fathom");

/** Why Fathom could not be asked, in the user's words (never an unexpected error's own text). */
function couldNotAsk(error: unknown, siteId: string): Verdict {
  const shown = isApiError(error) ? error : isConvertibleToApiError(error) ? error.toApiError() : undefined;
  let reason: string;
  if (shown?.status === 404) {
    reason = `it no longer knows site ${siteId}, or the token cannot see it`;
  } else if (shown) {
    reason = shown.message.replace(/\.$/, "");
  } else {
    logError("Could not check an audit entry left pending with Fathom", error);
    reason = "an unexpected error, see the server log";
  }
  return unknown(`Fathom could not be asked whether the write happened (${reason})`);
}

/** False when another entry already accounts for the item (see `isFree` in reconcilePendingAudits). */
type IsFree = (row: Row, kind: Kind, itemId: string) => Promise<boolean>;

async function findCreated<T extends { id: string }>(row: Row, kind: Kind, items: T[], matches: (item: T) => boolean, isFree: IsFree) {
  for (const item of items) if (matches(item) && (await isFree(row, kind, item.id))) return item;
  return undefined;
}

function judgeDelete(kind: Kind, items: { id: string }[], targetId: string): Verdict {
  return items.some((item) => item.id === targetId)
    ? failed(`Fathom still has this ${kind}, so the delete did not happen`)
    : ok(`Fathom no longer has this ${kind}, so the delete happened`);
}

async function judgeMilestone(row: Row, op: Exclude<Op, "delete">, intent: MilestoneIntent, items: ListedMilestone[], isFree: IsFree): Promise<Verdict> {
  const after = (item: ListedMilestone) => ({ name: item.name, milestone_date: item.milestone_date });
  if (op === "create") {
    const matches = (item: ListedMilestone) => item.name === intent.name && day(item.milestone_date) === day(intent.milestone_date);
    const created = await findCreated(row, "milestone", items, matches, isFree);
    return created
      ? ok(`Fathom has the milestone ${quote(created.name)} on ${day(created.milestone_date)}, so the write happened`, {
          targetId: created.id,
          after: after(created),
        })
      : failed("Fathom has no such item, so the write did not happen");
  }
  const item = items.find((candidate) => candidate.id === row.target_id);
  if (!item) return unknown("Fathom no longer lists this milestone, so whether the change happened cannot be told");
  const differences = [
    ...(item.name !== intent.name ? [`the name ${quote(item.name)} (not ${quote(intent.name)})`] : []),
    ...(day(item.milestone_date) !== day(intent.milestone_date) ? [`the date ${day(item.milestone_date)} (not ${day(intent.milestone_date)})`] : []),
  ];
  return differences.length
    ? failed(`Fathom shows ${differences.join(" and ")}, so the change did not happen`)
    : ok(`Fathom shows the milestone as ${quote(item.name)} on ${day(item.milestone_date)}, as sent, so the change happened`, { after: after(item) });
}

async function judgeEvent(row: Row, op: Exclude<Op, "delete">, intent: EventIntent, items: ListedEvent[], isFree: IsFree): Promise<Verdict> {
  if (op === "create") {
    const created = await findCreated(row, "event", items, (item) => item.name === intent.name, isFree);
    // The create carried its currency in the same request, so an event that exists has it.
    return created
      ? ok(`Fathom has the event ${quote(created.name)}, so the write happened`, {
          targetId: created.id,
          after: { name: created.name, currency: created.currency ?? intent.currency ?? null },
        })
      : failed("Fathom has no such item, so the write did not happen");
  }
  const item = items.find((candidate) => candidate.id === row.target_id);
  if (!item) return unknown("Fathom no longer lists this event, so whether the change happened cannot be told");
  const differences = [
    ...(intent.name !== undefined && item.name !== intent.name ? [`the name ${quote(item.name)} (not ${quote(intent.name)})`] : []),
    ...(intent.currency !== undefined && item.currency !== null && item.currency !== intent.currency
      ? [`the currency ${item.currency} (not ${intent.currency})`]
      : []),
  ];
  if (differences.length) return failed(`Fathom shows ${differences.join(" and ")}, so the change did not happen`);
  if (intent.currency !== undefined && item.currency === null) {
    const name = intent.name !== undefined ? `Fathom shows the name ${quote(item.name)} as sent but` : "Fathom";
    return unknown(`${name} does not list an event's currency, so whether it became ${intent.currency} cannot be checked`);
  }
  return ok(`Fathom shows the event as ${quote(item.name)}, as sent, so the change happened`, {
    after: { name: item.name, currency: item.currency },
  });
}

/** Fathom's list for the entry's site, or the verdict when it could not be read. */
type Listed<T> = { items: T[]; failure?: undefined } | { failure: Verdict };
type Reader = { milestones: (siteId: string) => Promise<Listed<ListedMilestone>>; events: (siteId: string) => Promise<Listed<ListedEvent>> };

/** One read per site and kind for the whole pass: nothing done here changes what Fathom lists. */
function cachedPerSite<T>(load: (siteId: string) => Promise<T[]>): (siteId: string) => Promise<Listed<T>> {
  const cache = new Map<string, Promise<Listed<T>>>();
  return (siteId) => {
    let listed = cache.get(siteId);
    if (!listed) {
      listed = load(siteId).then(
        (items): Listed<T> => ({ items }),
        (error: unknown): Listed<T> => ({ failure: couldNotAsk(error, siteId) }),
      );
      cache.set(siteId, listed);
    }
    return listed;
  };
}

async function judge(row: Row, read: Reader, isFree: IsFree): Promise<Verdict> {
  const action = fathomAuditActionSchema.safeParse(row.action);
  if (!action.success) return unknown(`this entry's action (${row.action}) is not one Sounding can check`);
  const [kind, op] = action.data.split(".") as [Kind, Op];
  const targetId = row.target_id;
  if (op !== "create" && targetId === null) return unknown(`this entry does not say which ${kind} it was about`);

  if (kind === "milestone") {
    const intent = readIntent(row.intent_json, milestoneIntentSchema);
    if (op !== "delete" && !intent) return NO_INTENT;
    const listed = await read.milestones(row.site_id);
    if (listed.failure) return listed.failure;
    return op === "delete" ? judgeDelete(kind, listed.items, targetId!) : judgeMilestone(row, op, intent!, listed.items, isFree);
  }
  const intent = readIntent(row.intent_json, eventIntentSchema);
  const says = op === "create" ? intent?.name !== undefined : intent?.name !== undefined || intent?.currency !== undefined;
  if (op !== "delete" && !says) return NO_INTENT;
  const listed = await read.events(row.site_id);
  if (listed.failure) return listed.failure;
  return op === "delete" ? judgeDelete(kind, listed.items, targetId!) : judgeEvent(row, op, intent!, listed.items, isFree);
}

/**
 * Settles every entry still "pending" that was written before `startedAt` (by a process that is gone):
 * "ok" or "failed" when Fathom's lists tell, "unknown" when they cannot, each with a detail saying why.
 * Entries written since `startedAt` belong to this process and are left alone; an entry settled meanwhile
 * by its own write is not overwritten.
 */
/** Where a settled event write's currency is kept (lib/store/event-currencies.ts), as the event service keeps it. */
export type CurrencyKeeper = (siteId: string, eventId: string, currency: EventCurrency) => Promise<void>;

export async function reconcilePendingAudits(
  audit: AuditRepository,
  lists: FathomLists,
  startedAt: Date,
  keepCurrency?: CurrencyKeeper,
): Promise<ReconcileCounts> {
  // A local change (a saved report, a dashboard) is written "ok" with the change itself: never Fathom's to settle.
  const rows = (await audit.pendingBefore(startedAt)).filter((row) => !localAuditActionSchema.safeParse(row.action).success);
  const counts: ReconcileCounts = { ok: 0, failed: 0, unknown: 0 };
  const read: Reader = {
    milestones: cachedPerSite((siteId) => lists.listAllMilestones(siteId)),
    events: cachedPerSite((siteId) => lists.listAllEvents(siteId)),
  };
  // An item is another entry's when a create already claimed it, or when any entry older than this
  // create named it (the item existed before this create was sent, so this create did not make it).
  const isFree: IsFree = async (row, kind, itemId) =>
    !(await audit.namedByAnother({
      entryId: row.id,
      siteId: row.site_id,
      itemId,
      actions: FATHOM_AUDIT_ACTIONS.filter((action) => action.startsWith(`${kind}.`)),
      createAction: `${kind}.create`,
    }));
  for (const row of rows) {
    let verdict: Verdict;
    try {
      verdict = await judge(row, read, isFree);
    } catch (error) {
      logError("Could not check an audit entry left pending", error);
      verdict = unknown("checking it with Fathom failed unexpectedly (see the server log)");
    }
    if (!(await audit.settleIfPending(row.id, verdict))) continue;
    counts[verdict.outcome] += 1;
    // An event write found done carried its currency: keep it where reports read it, as a live write would.
    const currency = eventCurrencySchema.safeParse(verdict.after?.currency);
    const eventId = verdict.targetId ?? row.target_id;
    if (keepCurrency && verdict.outcome === "ok" && row.action.startsWith("event.") && currency.success && eventId) {
      await keepCurrency(row.site_id, eventId, currency.data).catch((error) => logError("Could not keep a reconciled event's currency", error));
    }
  }
  return counts;
}
