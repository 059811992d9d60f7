import "server-only";
import type { Kysely } from "kysely";
import type { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import type { LocalAuditAction } from "@/lib/audit/audit-entry";
import { hashPassword } from "@/lib/auth/password";
import type { User } from "@/lib/auth/users";
import type { Person } from "@/lib/reports/saved-report";
import type { DocumentDependencies } from "@/lib/reports/versioned-documents-service";
import { createAuditRepository, type AuditRepository } from "@/lib/store/audit-repository";
import { database } from "@/lib/store/db";
import type { Database } from "@/lib/store/schema";
import { sharesRepository, type PublicShareRow, type ShareCounters, type ShareRowChange, type SharesRepository, type StoredShare } from "@/lib/store/shares-repository";
import { DASHBOARD_TABLES, documentsRepository, FORMER_MEMBER, SAVED_REPORT_TABLES } from "@/lib/store/versioned-documents";
import { decodeLogo } from "./logo";
import {
  shareSettingsSchema,
  shareSlugSchema,
  shareTargetSchema,
  type newShareSchema,
  type Share,
  type ShareAction,
  type shareChangeSchema,
  type ShareSettings,
  type ShareState,
  type ShareTarget,
} from "./share";
import { shareStateOf } from "./share-state";
import { shareChanged, shareCreated, sharePaused, shareResumed, shareRevoked, shareRotated, type SummarisedChange, type SummarisedShare } from "./share-summaries";
import { newShareSlug } from "./slug";

/**
 * Client shares: the store behind `/api/shares` and `/settings/shares`, and what the public page at
 * `/share/<slug>` reads. Every change is written with its audit entry in one transaction (both or neither);
 * a revoked share is final. The slow or refusable work (hashing a password, checking a logo, the expiry)
 * is done before the transaction, so a refusal writes nothing and a hash never holds the database.
 */

/**
 * The largest share body the routes accept: 512 KiB. A logo of MAX_LOGO_BYTES (256 KiB) is 342 KiB in
 * base64, and the settings at their longest (a 5,000-character intro and ten 500-character locked filter
 * values at up to 6 bytes a character in JSON, a label, ten origins, a hundred milestones) add under 80 KB.
 */
export const SHARE_MAX_BODY_BYTES = 512 * 1024;

/** Views and failed unlocks are shown for the last 30 UTC days, today included. */
const COUNTED_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** What the public page needs of a share (never sent to the browser as it is: it holds the password's hash). */
export type PublicShare = {
  id: number;
  slug: string;
  target: ShareTarget;
  settings: ShareSettings;
  passwordHash: string | null;
  sessionEpoch: number;
  revision: number;
  state: ShareState;
  hasLogo: boolean;
};

type Tx = { trx: Kysely<Database>; shares: SharesRepository; audit: AuditRepository };

/** Settings this code wrote after parsing them: ones that no longer parse are a bug (a 500), not input. */
const readSettings = (json: string): ShareSettings => shareSettingsSchema.parse(JSON.parse(json));
const readTarget = (row: Pick<StoredShare, "target_kind" | "target_id">): ShareTarget => shareTargetSchema.parse({ kind: row.target_kind, id: row.target_id });
const person = (id: number, name: string | null): Person => (name === null ? { id: null, name: FORMER_MEMBER } : { id, name });
const utcDay = (at: Date) => at.toISOString().slice(0, 10);
const stateOf = (row: Pick<StoredShare, "paused" | "revoked_at" | "expires_at">, now: Date) => shareStateOf({ paused: row.paused !== 0, revokedAt: row.revoked_at, expiresAt: row.expires_at }, now);
const targetKey = (target: ShareTarget) => `${target.kind}:${target.id}`;

/**
 * A share's target and settings parsed once, not on every request of its public page (a link posted to a
 * whole company is read many times a second): reused while the stored text is the same. Shared answers:
 * never mutate.
 */
type Parsed = { json: string; kind: string; targetId: number; target: ShareTarget; settings: ShareSettings };
const parsed = new Map<number, Parsed>();
const MAX_PARSED = 1000;
function parsedOnce(row: PublicShareRow): Pick<Parsed, "target" | "settings"> {
  const known = parsed.get(row.id);
  if (known && known.json === row.settings_json && known.kind === row.target_kind && known.targetId === row.target_id) return known;
  const fresh = { json: row.settings_json, kind: row.target_kind, targetId: row.target_id, target: readTarget(row), settings: readSettings(row.settings_json) };
  if (parsed.size >= MAX_PARSED) parsed.clear();
  parsed.set(row.id, fresh);
  return fresh;
}

/**
 * A public link's row, read at most once a second: a link posted to a whole company is asked many times a
 * second, and its row is the one database read a cached answer costs. Every change made here forgets them
 * all at once (on globalThis, so the admin routes' bundle and the share routes' share it); another instance's
 * change (several instances, on one database) shows within the second.
 */
const PUBLIC_ROW_MS = 1_000;
const rowsHolder = globalThis as typeof globalThis & { __soundingPublicShareRows?: Map<string, { row: Promise<PublicShareRow | null>; at: number }> };
const recentRows = (rowsHolder.__soundingPublicShareRows ??= new Map());
function recentPublicRow(slug: string, read: () => Promise<PublicShareRow | null>, now: number): Promise<PublicShareRow | null> {
  const known = recentRows.get(slug);
  if (known && now - known.at >= 0 && now - known.at < PUBLIC_ROW_MS) return known.row;
  const row = read();
  if (recentRows.size >= MAX_PARSED) recentRows.clear();
  recentRows.set(slug, { row, at: now });
  row.catch(() => recentRows.delete(slug));
  return row;
}

const NO_COUNTS: ShareCounters = { views: 0, unlockFailures: 0, lastViewedAt: null };
const TARGET_LABELS: Record<ShareTarget["kind"], string> = { report: "saved report", dashboard: "dashboard" };

const notFound = (id: number) => new ApiError(404, "share_not_found", `There is no share ${id}.`);
const revoked = (id: number) =>
  new ApiError(409, "share_revoked", `Share ${id} was revoked, and a revoked link stays off. Create a new share to share it again.`);

/** An expiry as stored (UTC, so it compares and reads alike everywhere); 400 when it is not in the future. */
function futureExpiry(expiresAt: string | null, now: Date): string | null {
  if (expiresAt === null) return null;
  const at = new Date(expiresAt);
  if (at.getTime() <= now.getTime()) {
    const message = "Pick an expiry in the future, or none";
    throw new ApiError(400, "invalid_input", `expiresAt: ${message}`, { fields: { expiresAt: [message] } });
  }
  return at.toISOString();
}

const reportsOf = (db: Kysely<Database>) => documentsRepository(db, SAVED_REPORT_TABLES);
const dashboardsOf = (db: Kysely<Database>) => documentsRepository(db, DASHBOARD_TABLES);

/** The current names of these targets (null for a deleted one), by `targetKey`; unknown ones are absent. */
async function targetNames(db: Kysely<Database>, targets: readonly ShareTarget[]): Promise<Map<string, string | null>> {
  const ids = (kind: ShareTarget["kind"]) => targets.filter((target) => target.kind === kind).map((target) => target.id);
  const [reports, dashboards] = await Promise.all([reportsOf(db).findMany(ids("report")), dashboardsOf(db).findMany(ids("dashboard"))]);
  const names = new Map<string, string | null>();
  for (const [kind, documents] of [["report", reports], ["dashboard", dashboards]] as const) {
    for (const document of documents) names.set(targetKey({ kind, id: document.id }), document.deletedAt === null ? document.name : null);
  }
  return names;
}

/** The name of what is about to be shared; 400 `unknown_target` when it does not exist or is deleted. */
async function checkTarget(db: Kysely<Database>, target: ShareTarget): Promise<string> {
  const document = await (target.kind === "report" ? reportsOf(db) : dashboardsOf(db)).find(target.id);
  if (document && document.deletedAt === null) return document.name;
  const label = TARGET_LABELS[target.kind];
  const message = document ? `${label.charAt(0).toUpperCase()}${label.slice(1)} ${target.id} was deleted` : `There is no ${label} ${target.id}`;
  throw new ApiError(400, "unknown_target", message, { fields: { "target.id": [message] } });
}

/** The share as the admin API answers it. */
function toShare(row: StoredShare, name: string | null, counts: ShareCounters, origin: string, now: Date): Share {
  return {
    id: row.id,
    slug: row.slug,
    url: `${origin}/share/${row.slug}`,
    target: { ...readTarget(row), name },
    settings: readSettings(row.settings_json),
    state: stateOf(row, now),
    hasPassword: row.password_hash !== null,
    hasLogo: row.logo_type !== null,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    createdAt: row.created_at,
    createdBy: person(row.created_by, row.created_by_name),
    updatedAt: row.updated_at,
    updatedBy: person(row.updated_by, row.updated_by_name),
    views30d: counts.views,
    lastViewedAt: counts.lastViewedAt,
    unlockFailures30d: counts.unlockFailures,
  };
}

const summarised = (share: Share): SummarisedShare => ({ clientName: share.settings.clientName, target: share.target });

/** The shares service over its dependencies (tests pass a test database and a clock). */
export function createSharesService(overrides: Partial<DocumentDependencies> = {}) {
  const deps = { db: overrides.db ?? database, now: overrides.now ?? (() => new Date()) };
  const reader = async () => sharesRepository(await deps.db());
  const transaction = async <T>(work: (tx: Tx) => Promise<T>): Promise<T> =>
    (await deps.db())
      .transaction()
      .execute((trx) => work({ trx, shares: sharesRepository(trx), audit: createAuditRepository(trx) }))
      // A pause, a rotation or a revocation must stop the link at once: nothing read before it may answer.
      .finally(() => recentRows.clear());

  const countedSince = (now: Date) => utcDay(new Date(now.getTime() - (COUNTED_DAYS - 1) * DAY_MS));

  async function answer(db: Kysely<Database>, row: StoredShare, origin: string, now: Date): Promise<Share> {
    const target = readTarget(row);
    const [names, counts] = await Promise.all([targetNames(db, [target]), sharesRepository(db).counters(countedSince(now), row.id)]);
    return toShare(row, names.get(targetKey(target)) ?? null, counts.get(row.id) ?? NO_COUNTS, origin, now);
  }

  async function found(shares: SharesRepository, id: number): Promise<StoredShare> {
    const row = await shares.find(id);
    if (!row) throw notFound(id);
    return row;
  }

  /** Sets `change` and answers the share after it; 409 when it was revoked meanwhile. */
  async function update(tx: Tx, user: User, id: number, change: ShareRowChange, at: Date, raiseEpoch: boolean, origin: string): Promise<Share> {
    if (!(await tx.shares.update(id, change, { userId: user.id, at, raiseEpoch }))) throw revoked(id);
    return answer(tx.trx, await found(tx.shares, id), origin, at);
  }

  /** The audit entry of a change, on the change's transaction. Its `after` names no slug, password or filter. */
  async function record(tx: Tx, user: User, action: LocalAuditAction, share: Share, at: Date, summary: string) {
    await tx.audit.insertDone({
      at,
      actor: { id: user.id, name: user.name, email: user.email },
      action,
      siteId: "",
      targetId: String(share.id),
      summary,
      after: { clientName: share.settings.clientName, target: { kind: share.target.kind, id: share.target.id }, state: share.state },
    });
  }

  return {
    /** Every share (revoked ones too), the newest first, with its views and failed unlocks of the last 30 days. */
    async listShares(origin: string): Promise<Share[]> {
      const db = await deps.db();
      const now = deps.now();
      const shares = sharesRepository(db);
      const rows = await shares.list();
      const [names, counts] = await Promise.all([targetNames(db, rows.map(readTarget)), shares.counters(countedSince(now))]);
      return rows.map((row) => toShare(row, names.get(targetKey(readTarget(row))) ?? null, counts.get(row.id) ?? NO_COUNTS, origin, now));
    },

    /** 404 `share_not_found` for an unknown one. */
    async getShare(id: number, origin: string): Promise<Share> {
      const db = await deps.db();
      return answer(db, await found(sharesRepository(db), id), origin, deps.now());
    },

    /**
     * A new share with a new link; 400 `unknown_target` when what it shares does not exist or is deleted,
     * 400 `invalid_input` for an expiry that has passed, 400 `invalid_logo` for a logo that is not the image it says.
     */
    async createShare(user: User, input: z.output<typeof newShareSchema>, origin: string): Promise<Share> {
      const at = deps.now();
      const expiresAt = futureExpiry(input.expiresAt, at);
      const logo = input.logo ? decodeLogo(input.logo) : null;
      const passwordHash = input.password === null ? null : await hashPassword(input.password);
      return transaction(async (tx) => {
        await checkTarget(tx.trx, input.target);
        const when = at.toISOString();
        const id = await tx.shares.insert({
          slug: newShareSlug(),
          target_kind: input.target.kind,
          target_id: input.target.id,
          settings_json: JSON.stringify(input.settings),
          password_hash: passwordHash,
          paused: 0,
          expires_at: expiresAt,
          revoked_at: null,
          logo: logo?.bytes ?? null,
          logo_type: logo?.type ?? null,
          created_by: user.id,
          created_at: when,
          updated_by: user.id,
          updated_at: when,
        });
        const share = await answer(tx.trx, await found(tx.shares, id), origin, at);
        await record(tx, user, "share.create", share, at, shareCreated(summarised(share), { hasPassword: share.hasPassword, expiresAt }));
        return share;
      });
    },

    /**
     * Changes what is given; a change to what the share already has writes nothing. A new password, or
     * removing it, ends every unlocked browser. 409 `share_revoked` for a revoked share.
     */
    async changeShare(user: User, id: number, change: z.output<typeof shareChangeSchema>, origin: string): Promise<Share> {
      const at = deps.now();
      const expiresAt = change.expiresAt === undefined ? undefined : futureExpiry(change.expiresAt, at);
      const logo = change.logo == null ? change.logo : decodeLogo(change.logo);
      const passwordHash = change.password == null ? change.password : await hashPassword(change.password);
      return transaction(async (tx) => {
        const current = await found(tx.shares, id);
        if (current.revoked_at !== null) throw revoked(id);
        const before = { settings: readSettings(current.settings_json), hasPassword: current.password_hash !== null, hasLogo: current.logo_type !== null };
        const columns: ShareRowChange = {};
        const described: SummarisedChange = {};
        if (change.settings && JSON.stringify(change.settings) !== JSON.stringify(before.settings)) {
          columns.settings_json = JSON.stringify(change.settings);
          described.settings = change.settings;
        }
        if (passwordHash !== undefined && (passwordHash !== null || before.hasPassword)) {
          columns.password_hash = passwordHash;
          described.password = passwordHash === null ? "removed" : "set";
        }
        if (expiresAt !== undefined && expiresAt !== current.expires_at) {
          columns.expires_at = expiresAt;
          described.expiresAt = expiresAt;
        }
        if (logo === null && before.hasLogo) {
          Object.assign(columns, { logo: null, logo_type: null });
          described.logo = "removed";
        }
        if (logo) {
          const stored = await tx.shares.logo(current.slug);
          if (!stored || stored.type !== logo.type || !Buffer.from(stored.bytes).equals(logo.bytes)) {
            Object.assign(columns, { logo: logo.bytes, logo_type: logo.type });
            described.logo = "set";
          }
        }
        if (Object.keys(columns).length === 0) return answer(tx.trx, current, origin, at);
        const share = await update(tx, user, id, columns, at, described.password !== undefined, origin);
        await record(tx, user, "share.update", share, at, shareChanged(summarised(share), before, described));
        return share;
      });
    },

    /**
     * Pause, resume, rotate (a new link: the old one stops at once, and every unlocked browser must unlock
     * again) or revoke (final: the link stops and no change is accepted after). Pausing a paused share,
     * resuming an active one or revoking a revoked one writes nothing. Resuming an expired share is allowed,
     * and it stays expired until its expiry is changed. 409 `share_revoked` for anything but revoke on a
     * revoked share.
     */
    async actOnShare(user: User, id: number, action: ShareAction, origin: string): Promise<Share> {
      return transaction(async (tx) => {
        const current = await found(tx.shares, id);
        const at = deps.now();
        if (current.revoked_at !== null) {
          if (action === "revoke") return answer(tx.trx, current, origin, at);
          throw revoked(id);
        }
        const act = async (change: ShareRowChange, raiseEpoch: boolean, auditAction: LocalAuditAction, summary: (share: Share) => string) => {
          const share = await update(tx, user, id, change, at, raiseEpoch, origin);
          await record(tx, user, auditAction, share, at, summary(share));
          return share;
        };
        switch (action) {
          case "pause":
            if (current.paused !== 0) return answer(tx.trx, current, origin, at);
            return act({ paused: 1 }, false, "share.pause", (share) => sharePaused(summarised(share)));
          case "resume":
            if (current.paused === 0) return answer(tx.trx, current, origin, at);
            return act({ paused: 0 }, false, "share.resume", (share) => shareResumed(summarised(share), share.state === "expired"));
          case "rotate":
            return act({ slug: newShareSlug() }, true, "share.rotate", (share) => shareRotated(summarised(share)));
          case "revoke":
            return act({ revoked_at: at.toISOString() }, true, "share.revoke", (share) => shareRevoked(summarised(share)));
        }
      });
    },

    /** The share a public link names, whatever its state (the page says why it shows nothing); null for an unknown slug. */
    async findPublicShare(slug: string): Promise<PublicShare | null> {
      if (!shareSlugSchema.safeParse(slug).success) return null;
      const row = await recentPublicRow(slug, () => reader().then((shares) => shares.findPublicBySlug(slug)), deps.now().getTime());
      if (!row) return null;
      const { target, settings } = parsedOnce(row);
      return {
        id: row.id,
        slug: row.slug,
        target,
        settings,
        passwordHash: row.password_hash,
        sessionEpoch: row.session_epoch,
        revision: row.revision,
        state: stateOf(row, deps.now()),
        hasLogo: row.logo_type !== null,
      };
    },

    /** The logo of a share's page; null for an unknown slug, a revoked share, or a share without a logo. */
    async shareLogo(slug: string): Promise<{ bytes: Uint8Array; type: string } | null> {
      if (!shareSlugSchema.safeParse(slug).success) return null;
      const logo = await (await reader()).logo(slug);
      return logo && logo.revokedAt === null ? { bytes: logo.bytes, type: logo.type } : null;
    },

    /** One view of the share's page, counted on today's UTC day without anything about the viewer. */
    async recordShareView(shareId: number): Promise<void> {
      const at = deps.now();
      await (await reader()).recordView(shareId, utcDay(at), at);
    },

    /** One wrong password on the share's page, counted on today's UTC day. */
    async recordUnlockFailure(shareId: number): Promise<void> {
      await (await reader()).recordUnlockFailure(shareId, utcDay(deps.now()));
    },
  };
}

export const { listShares, getShare, createShare, changeShare, actOnShare, findPublicShare, shareLogo, recordShareView, recordUnlockFailure } =
  createSharesService();
