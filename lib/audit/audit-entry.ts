/**
 * The audit log's vocabulary and the shape of one entry as pages and API clients see it. Isomorphic:
 * the admin's page and the JSON route parse with the same schema.
 */
import { z } from "zod";

/**
 * Writes to Fathom: each entry is written "pending" before the request goes out and settled after it, so
 * one left pending by a crash is settled at the next start (./reconcile.ts).
 */
export const FATHOM_AUDIT_ACTIONS = [
  "milestone.create",
  "milestone.update",
  "milestone.delete",
  "event.create",
  "event.update",
  "event.delete",
] as const;
export const fathomAuditActionSchema = z.enum(FATHOM_AUDIT_ACTIONS);

/**
 * Changes Sounding makes in its own database (saved reports, dashboards, client shares): each entry is
 * written "ok" in the same transaction as the change, so it is never pending and reconciliation leaves it
 * alone.
 */
export const LOCAL_AUDIT_ACTIONS = [
  "report.create",
  "report.update",
  "report.delete",
  "report.undelete",
  "report.restore",
  "dashboard.create",
  "dashboard.update",
  "dashboard.delete",
  "dashboard.undelete",
  "dashboard.restore",
  "share.create",
  "share.update",
  "share.pause",
  "share.resume",
  "share.rotate",
  "share.revoke",
] as const;
export const localAuditActionSchema = z.enum(LOCAL_AUDIT_ACTIONS);
export type LocalAuditAction = z.infer<typeof localAuditActionSchema>;

export const AUDIT_ACTIONS = [...FATHOM_AUDIT_ACTIONS, ...LOCAL_AUDIT_ACTIONS] as const;
export const auditActionSchema = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof auditActionSchema>;

export const ACTION_LABELS: Record<AuditAction, string> = {
  "milestone.create": "Created milestone",
  "milestone.update": "Changed milestone",
  "milestone.delete": "Deleted milestone",
  "event.create": "Created event",
  "event.update": "Changed event",
  "event.delete": "Deleted event",
  "report.create": "Created report",
  "report.update": "Changed report",
  "report.delete": "Deleted report",
  "report.undelete": "Undeleted report",
  "report.restore": "Restored report version",
  "dashboard.create": "Created dashboard",
  "dashboard.update": "Changed dashboard",
  "dashboard.delete": "Deleted dashboard",
  "dashboard.undelete": "Undeleted dashboard",
  "dashboard.restore": "Restored dashboard version",
  "share.create": "Created share",
  "share.update": "Changed share",
  "share.pause": "Paused share",
  "share.resume": "Resumed share",
  "share.rotate": "Rotated share link",
  "share.revoke": "Revoked share",
};

/**
 * "pending" while Fathom has not answered, then "ok" or "failed". A write left pending because Sounding
 * stopped is settled at the next start by asking Fathom (./reconcile.ts): "ok" or "failed" when Fathom's
 * lists tell, "unknown" when they cannot (the detail says what could not be checked).
 */
export const AUDIT_OUTCOMES = ["pending", "ok", "failed", "unknown"] as const;
export const auditOutcomeSchema = z.enum(AUDIT_OUTCOMES);
export type AuditOutcome = z.infer<typeof auditOutcomeSchema>;

export const auditEntrySchema = z.object({
  id: z.number().int(),
  /** ISO 8601, UTC. */
  at: z.string(),
  actor: z.object({ id: z.number().int().nullable(), name: z.string(), email: z.string() }),
  action: auditActionSchema,
  siteId: z.string(),
  targetId: z.string().nullable(),
  summary: z.string(),
  /**
   * The item's fields as Fathom answered the write (a local change: the document's name and version after
   * it); null for a delete or a write that did not succeed.
   */
  after: z.record(z.string(), z.unknown()).nullable(),
  outcome: auditOutcomeSchema,
  /** Why a write failed, as the user was told, or how a write left pending by a restart was settled; null otherwise. */
  detail: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const AUDIT_PAGE_MAX = 200;

/** One page, newest first; `nextBefore` continues with older entries (null at the end). */
export const auditPageSchema = z.object({
  entries: z.array(auditEntrySchema),
  nextBefore: z.number().int().nullable(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

/** What a caller may ask for (the JSON route's query and the page's search params). */
export const auditQuerySchema = z.object({
  limit: z.coerce
    .number()
    .int("The page size must be a whole number")
    .min(1, "The page size must be at least 1")
    .max(AUDIT_PAGE_MAX, `The page size must be at most ${AUDIT_PAGE_MAX}`)
    .default(50),
  before: z.coerce.number().int("Use an entry id").positive("Use an entry id").optional(),
  site: z.string().trim().min(1).max(255).optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;
