import "server-only";
import type { Kysely } from "kysely";
import { isApiError, isConvertibleToApiError, wasSent } from "@/lib/api/errors";
import { logError } from "@/lib/api/log";
import { auditRepository, createAuditRepository, type AuditRepository, type AuditRow } from "@/lib/store/audit-repository";
import type { Database } from "@/lib/store/schema";
import { auditEntrySchema, type AuditAction, type AuditEntry, type AuditPage, type AuditQuery } from "./audit-entry";

/** Who is writing: any signed-in user (only id, name and email are kept). */
export type AuditActor = { id: number; name: string; email: string };

export type AuditStart = {
  actor: AuditActor;
  action: AuditAction;
  siteId: string;
  /** The milestone or event id; unknown before a create. */
  targetId?: string;
  /** What is about to happen, in words (see ./summaries). */
  summary: string;
  /**
   * The body the write is about to send (./audit-intent.ts: `{ name, milestone_date }` for a milestone,
   * `{ name?, currency? }` for an event; none for a delete), so a write left pending by a crash can be
   * checked against Fathom at the next start (./reconcile.ts).
   */
  intent?: Record<string, unknown>;
};

/**
 * What the settled entry says once the write succeeded: the id Fathom gave a new item, and the item's
 * fields as Fathom answered (e.g. `{ name, currency }`: the only place an event's currency can be read back).
 */
export type AuditSettle = { targetId?: string; summary?: string; after?: Record<string, unknown> };

const MAX_DETAIL = 500;

function toEntry(row: AuditRow): AuditEntry {
  return auditEntrySchema.parse({
    id: row.id,
    at: row.created_at,
    actor: { id: row.actor_id, name: row.actor_name, email: row.actor_email },
    action: row.action,
    siteId: row.site_id,
    targetId: row.target_id,
    summary: row.summary,
    after: parseAfter(row.after_json),
    outcome: row.outcome,
    detail: row.detail,
  });
}

function parseAfter(json: string | null): Record<string, unknown> | null {
  if (json === null) return null;
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The message a user was shown for a failed write: never a stack, never the token. */
function failureDetail(error: unknown): string {
  const message =
    isApiError(error)
      ? error.message
      : isConvertibleToApiError(error)
        ? error.toApiError().message
        : "Unexpected error (see the server log).";
  return message.length > MAX_DETAIL ? `${message.slice(0, MAX_DETAIL)}…` : message;
}


/** The audit log over a database (tests pass their own; the app uses `auditLog()`). */
export function createAuditLog(db: Kysely<Database>, now: () => Date = () => new Date()) {
  return auditLogOver(createAuditRepository(db), now);
}

function auditLogOver(repository: AuditRepository, now: () => Date = () => new Date()) {
  const start = (entry: AuditStart): Promise<number> => repository.insertPending({ ...entry, at: now() });

  const settle = (id: number, outcome: "ok" | "failed", change: AuditSettle & { detail?: string }) =>
    repository.settle(id, {
      outcome,
      targetId: change.targetId,
      summary: change.summary,
      after: change.after ?? null,
      detail: change.detail ?? null,
    });

  return {
    /**
     * Runs one write with its audit entry: recorded as pending before the write (if that fails, the
     * write is not attempted), settled as ok or failed after it; a write refused before anything was sent
     * (an unknown id, the budget: see `wasSent`) leaves no entry, since nothing changed or was asked of
     * Fathom. The write's own result or error is passed through unchanged; a failure to settle is logged,
     * never turned into a failed write.
     */
    async audited<T>(entry: AuditStart, run: () => Promise<T>, onSuccess?: (result: T) => AuditSettle): Promise<T> {
      const id = await start(entry);
      let result: T;
      try {
        result = await run();
      } catch (error) {
        const written = wasSent(error) ? settle(id, "failed", { detail: failureDetail(error) }) : repository.remove(id);
        await written.catch((settleError) => logError("Could not settle an audit entry", settleError));
        throw error;
      }
      try {
        await settle(id, "ok", onSuccess?.(result) ?? {});
      } catch (settleError) {
        logError("Could not settle an audit entry", settleError);
      }
      return result;
    },

    /** Newest first, `limit` at a time; `before` continues after the last id of the previous page. */
    async list(query: Pick<AuditQuery, "limit" | "before" | "site">): Promise<AuditPage> {
      const rows = await repository.page({ limit: query.limit + 1, before: query.before, siteId: query.site });
      const page = rows.slice(0, query.limit);
      const last = page[page.length - 1];
      return { entries: page.map(toEntry), nextBefore: rows.length > query.limit && last ? last.id : null };
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;

/** The process-wide audit log over the app's database. */
export async function auditLog(): Promise<AuditLog> {
  return auditLogOver(await auditRepository());
}
