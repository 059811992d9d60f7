/**
 * The database's tables as Kysely sees them. Column names are snake_case as stored; repositories map
 * rows to the shapes the rest of the app uses. Each migration that adds a table adds its interface here.
 */
import type { Generated } from "kysely";

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: string;
  password_hash: string;
  created_at: string;
}

export interface InvitesTable {
  id: Generated<number>;
  token_hash: string;
  role: string;
  created_by: number;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** Small key/value settings (the encrypted Fathom token, the first-run marker, admin preferences). */
export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

/** The governor's persisted answers (closed periods). Times are epoch ms; `tags` is a JSON array. */
export interface AnswerCacheTable {
  key: string;
  value: string;
  fetched_at: number;
  expires_at: number;
  tags: string;
}

/** Upstream Fathom calls per UTC day and rate-limit class. */
export interface UpstreamUsageTable {
  day: string;
  class: string;
  count: number;
}

/** One write to Fathom made through Sounding (milestones, events): who, what, when, where, and how it ended. */
export interface AuditLogTable {
  id: Generated<number>;
  created_at: string;
  actor_id: number | null;
  actor_name: string;
  actor_email: string;
  action: string;
  site_id: string;
  target_id: string | null;
  summary: string;
  /** The item as Fathom answered the write, as JSON; null for a delete or a write that did not succeed. */
  after_json: string | null;
  /**
   * "pending" until Fathom answers, then "ok" or "failed"; "unknown" when Sounding stopped before the answer
   * and the next start could not tell from Fathom whether the write happened.
   */
  outcome: string;
  /** Why it failed (the message the user saw), or how a write left pending by a crash was settled; null otherwise. */
  detail: string | null;
  /** The body the write was about to send, as JSON (004-audit-intent); null for a delete and for older entries. */
  intent_json: string | null;
}

/** One signed-in browser. `id` is the SHA-256 (hex) of the token in its cookie; times are ISO 8601. */
export interface SessionsTable {
  id: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  user_agent: string;
  address: string;
}

export interface Database {
  users: UsersTable;
  invites: InvitesTable;
  settings: SettingsTable;
  answer_cache: AnswerCacheTable;
  upstream_usage: UpstreamUsageTable;
  audit_log: AuditLogTable;
  sessions: SessionsTable;
  event_currencies: EventCurrenciesTable;
  saved_reports: SavedReportsTable;
  saved_report_versions: SavedReportVersionsTable;
  dashboards: DashboardsTable;
  dashboard_versions: DashboardVersionsTable;
  shares: SharesTable;
  share_daily: ShareDailyTable;
}

/** The currency each event was last given through Sounding (006-event-currencies): Fathom lists events without it. */
export interface EventCurrenciesTable {
  event_id: string;
  site_id: string;
  currency: string;
  updated_at: string;
}

/**
 * The current state of a versioned document (a saved report, a dashboard). People are user ids without
 * foreign keys: a removed user's documents stay, shown as "Former member". Times are ISO 8601.
 */
export interface VersionedDocumentColumns {
  id: Generated<number>;
  name: string;
  description: string;
  /** The current version number: the newest row of the document's versions table. */
  version: number;
  owner_id: number;
  created_at: string;
  updated_at: string;
  updated_by: number;
  /** When it was deleted (soft: undo and old dashboard versions can bring it back); null while it is not. */
  deleted_at: string | null;
}

/** One save of a versioned document, as it was then; a restore copies one into a new version. */
export interface DocumentVersionColumns {
  version: number;
  name: string;
  description: string;
  created_at: string;
  created_by: number | null;
  /** The author's name at the time, so history outlives a removed user. */
  created_by_name: string;
  /** The version this one copied, when it was a restore; null otherwise. */
  restored_from: number | null;
}

/** Saved reports (007-saved-reports); `query_json` is the canonical stored query (lib/query/stored-query.ts). */
export interface SavedReportsTable extends VersionedDocumentColumns {
  site_id: string;
  query_json: string;
}

export interface SavedReportVersionsTable extends DocumentVersionColumns {
  report_id: number;
  site_id: string;
  query_json: string;
}

/** Dashboards (008-dashboards); `layout_json` as lib/dashboards/dashboard.ts parses it. */
export interface DashboardsTable extends VersionedDocumentColumns {
  layout_json: string;
}

export interface DashboardVersionsTable extends DocumentVersionColumns {
  dashboard_id: number;
  layout_json: string;
}

/** Client share links (009-shares). Times are ISO 8601; `paused` is 0 or 1; `settings_json` is `shareSettingsSchema`. */
export interface SharesTable {
  id: Generated<number>;
  slug: string;
  /** "report" or "dashboard". */
  target_kind: string;
  target_id: number;
  settings_json: string;
  /** scrypt (lib/auth/password.ts); null when the share has no password. */
  password_hash: string | null;
  /** In every unlock cookie; raised by a password change, a rotation or a revocation. */
  session_epoch: number;
  /** Raised by every change (cache keys of share answers include it). */
  revision: number;
  paused: number;
  expires_at: string | null;
  revoked_at: string | null;
  logo: Uint8Array | null;
  logo_type: string | null;
  created_by: number;
  created_at: string;
  updated_by: number;
  updated_at: string;
}

/** Per share and UTC day: page views and failed unlocks, counted without identifying anyone. */
export interface ShareDailyTable {
  share_id: number;
  day: string;
  views: number;
  unlock_failures: number;
  last_viewed_at: string | null;
}
