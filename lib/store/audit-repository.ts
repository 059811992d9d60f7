import "server-only";
import type { Kysely, Selectable } from "kysely";
import { database } from "./db";
import type { AuditLogTable, Database } from "./schema";

/** One `audit_log` row as stored (JSON columns still as text: lib/audit reads them leniently). */
export type AuditRow = Selectable<AuditLogTable>;

export type NewPendingAudit = {
  at: Date;
  actor: { id: number; name: string; email: string };
  action: string;
  siteId: string;
  targetId?: string;
  summary: string;
  /** The body the write is about to send; none for a delete. */
  intent?: Record<string, unknown>;
};

/** How an entry ended; a field left undefined keeps what the entry holds. */
export type AuditSettlement = {
  outcome: string;
  detail: string | null;
  targetId?: string;
  summary?: string;
  after?: Record<string, unknown> | null;
};

const json = (value: Record<string, unknown> | null | undefined) => (value == null ? null : JSON.stringify(value));

function settlementColumns(settlement: AuditSettlement) {
  return {
    outcome: settlement.outcome,
    detail: settlement.detail,
    ...(settlement.targetId !== undefined ? { target_id: settlement.targetId } : {}),
    ...(settlement.summary !== undefined ? { summary: settlement.summary } : {}),
    ...(settlement.after !== undefined ? { after_json: json(settlement.after) } : {}),
  };
}

/** A change Sounding made in its own database, recorded as done: there is no answer to wait for. */
export type NewDoneAudit = Omit<NewPendingAudit, "intent"> & { after?: Record<string, unknown> };

/**
 * The `audit_log` table: writes to Fathom made through Sounding, and changes to Sounding's own saved reports
 * and dashboards. What the entries say lives in lib/audit.
 */
export function createAuditRepository(db: Kysely<Database>) {
  const insert = async (entry: NewPendingAudit & NewDoneAudit, outcome: "pending" | "ok"): Promise<number> => {
    const row = await db
      .insertInto("audit_log")
      .values({
        created_at: entry.at.toISOString(),
        actor_id: entry.actor.id,
        actor_name: entry.actor.name,
        actor_email: entry.actor.email,
        action: entry.action,
        site_id: entry.siteId,
        target_id: entry.targetId ?? null,
        summary: entry.summary,
        after_json: json(entry.after),
        outcome,
        detail: null,
        intent_json: json(entry.intent),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  };

  return {
    /** Records a write about to be sent, as "pending"; returns its id. */
    insertPending: (entry: NewPendingAudit): Promise<number> => insert({ ...entry, after: undefined }, "pending"),

    /**
     * Records a change to Sounding's own database as "ok"; returns its id. Call it on the change's own
     * transaction, so the entry and the change are written together or not at all (never pending).
     */
    insertDone: (entry: NewDoneAudit): Promise<number> => insert({ ...entry, intent: undefined }, "ok"),

    async settle(id: number, settlement: AuditSettlement): Promise<void> {
      await db.updateTable("audit_log").set(settlementColumns(settlement)).where("id", "=", id).execute();
    },

    /** Settles an entry only if it is still pending (its own write may have settled it meanwhile); true if it was. */
    async settleIfPending(id: number, settlement: AuditSettlement): Promise<boolean> {
      const result = await db
        .updateTable("audit_log")
        .set(settlementColumns(settlement))
        .where("id", "=", id)
        .where("outcome", "=", "pending")
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async remove(id: number): Promise<void> {
      await db.deleteFrom("audit_log").where("id", "=", id).execute();
    },

    /** Newest first, at most `limit`; `before` continues below an id, `siteId` keeps one site's. */
    async page(query: { limit: number; before?: number; siteId?: string }): Promise<AuditRow[]> {
      let select = db.selectFrom("audit_log").selectAll().orderBy("id", "desc").limit(query.limit);
      if (query.before !== undefined) select = select.where("id", "<", query.before);
      if (query.siteId !== undefined) select = select.where("site_id", "=", query.siteId);
      return select.execute();
    },


    /** Entries still pending that were written before `before`, oldest first. */
    async pendingBefore(before: Date): Promise<AuditRow[]> {
      return db
        .selectFrom("audit_log")
        .selectAll()
        .where("outcome", "=", "pending")
        .where("created_at", "<", before.toISOString())
        .orderBy("id", "asc")
        .execute();
    },

    /**
     * Whether an entry other than `entryId` names `itemId` on the site with one of `actions` and is either a
     * `createAction` or older than `entryId` (an item it names existed before, or was made by, that entry).
     */
    async namedByAnother(query: { entryId: number; siteId: string; itemId: string; actions: readonly string[]; createAction: string }): Promise<boolean> {
      const other = await db
        .selectFrom("audit_log")
        .select("id")
        .where("site_id", "=", query.siteId)
        .where("target_id", "=", query.itemId)
        .where("id", "!=", query.entryId)
        .where("action", "in", query.actions)
        .where((eb) => eb.or([eb("action", "=", query.createAction), eb("id", "<", query.entryId)]))
        .limit(1)
        .executeTakeFirst();
      return other !== undefined;
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;

/** The audit log table of the process-wide database. */
export async function auditRepository(): Promise<AuditRepository> {
  return createAuditRepository(await database());
}
