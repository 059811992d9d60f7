import "server-only";
import type { Kysely } from "kysely";
import { ApiError } from "@/lib/api/errors";
import type { LocalAuditAction } from "@/lib/audit/audit-entry";
import {
  documentCreated,
  documentDeleted,
  documentDuplicated,
  documentRestored,
  documentSaved,
  documentUndeleted,
  type DocumentNoun,
} from "@/lib/audit/document-summaries";
import type { User } from "@/lib/auth/users";
import { createAuditRepository, type AuditRepository } from "@/lib/store/audit-repository";
import type { Database } from "@/lib/store/schema";
import {
  documentsRepository,
  type DocumentBody,
  type DocumentContent,
  type DocumentsRepository,
  type DocumentTables,
  type StoredDocument,
  type StoredVersion,
} from "@/lib/store/versioned-documents";
import { MAX_REPORT_NAME } from "./saved-report";

/**
 * The rules every versioned document follows, saved reports and dashboards alike (Grafana's versions, all
 * kept): each save is a new version by its author; a save made from a version that is no longer the current
 * one is refused (409) rather than overwriting someone's work; a save that changes nothing is no version;
 * a restore is a new version copying an old one; a delete is soft, so it can be undone. Every change is
 * written with its audit entry in one transaction: both or neither.
 */

/** How one kind of document is stored and answered. */
export type DocumentKind<Answer, Version> = {
  noun: DocumentNoun;
  /** How messages name one: "saved report", "dashboard". */
  label: string;
  tables: DocumentTables;
  /** The site its audit entries are filed under ("" for a document of no one site). */
  siteOf: (body: DocumentBody) => string;
  toAnswer: (document: StoredDocument) => Answer;
  toVersion: (version: StoredVersion) => Version;
};

export type DocumentDependencies = { db: () => Promise<Kysely<Database>>; now: () => Date };

/**
 * Checks what is about to be saved, inside the save's transaction (so what it reads cannot change before
 * the write); throws an ApiError to refuse, changing nothing. `current` is null for a new document.
 */
export type SaveCheck<Answer> = (trx: Kysely<Database>, current: Answer | null) => Promise<void>;

/** A new version: the fields left undefined keep their current value. */
export type DocumentChange = { name?: string; description?: string; body?: DocumentBody; baseVersion?: number };

type Tx = { trx: Kysely<Database>; documents: DocumentsRepository; audit: AuditRepository };

const COPY_PREFIX = "Copy of ";

/** "Copy of <name>", shortened (by whole characters, never half a surrogate pair) to fit a name. */
export function copyName(name: string, max = MAX_REPORT_NAME): string {
  const full = `${COPY_PREFIX}${name}`;
  if (full.length <= max) return full;
  let kept = "";
  for (const char of name) {
    if (COPY_PREFIX.length + kept.length + char.length + 1 > max) break;
    kept += char;
  }
  return `${COPY_PREFIX}${kept.trimEnd()}…`;
}

const sameContent = (a: DocumentContent, b: DocumentContent) =>
  a.name === b.name &&
  a.description === b.description &&
  Object.keys({ ...a.body, ...b.body }).every((column) => a.body[column as keyof DocumentBody] === b.body[column as keyof DocumentBody]);

/** `2026-05-01 10:00 UTC`: one clock for a team spread over timezones. */
const utc = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

export function versionedDocuments<Answer, Version>(kind: DocumentKind<Answer, Version>, deps: DocumentDependencies) {
  const capitalLabel = kind.label.charAt(0).toUpperCase() + kind.label.slice(1);
  const notFound = (id: number) => new ApiError(404, `${kind.noun}_not_found`, `There is no ${kind.label} ${id}. It may have been deleted.`);
  const versionNotFound = (id: number, version: number) => new ApiError(404, "version_not_found", `${capitalLabel} ${id} has no version ${version}.`);
  const changed = (current: StoredDocument, base: number) =>
    new ApiError(
      409,
      `${kind.noun}_changed`,
      `${current.updatedBy.name} saved this ${kind.label} at ${utc(current.updatedAt)} (version ${current.version}), after version ${base} that your change started from. Reload it to see their changes, then make yours again.`,
    );

  const reader = async () => documentsRepository(await deps.db(), kind.tables);
  const transaction = async <T>(work: (tx: Tx) => Promise<T>): Promise<T> =>
    (await deps.db()).transaction().execute((trx) => work({ trx, documents: documentsRepository(trx, kind.tables), audit: createAuditRepository(trx) }));

  /** The document unless it is unknown or deleted (both 404: a deleted one is gone until undeleted). */
  async function live(documents: DocumentsRepository, id: number): Promise<StoredDocument> {
    const document = await documents.find(id);
    if (!document || document.deletedAt !== null) throw notFound(id);
    return document;
  }

  async function record(tx: Tx, user: User, action: LocalAuditAction, document: StoredDocument, at: Date, summary: string) {
    await tx.audit.insertDone({
      at,
      actor: { id: user.id, name: user.name, email: user.email },
      action,
      siteId: kind.siteOf(document.body),
      targetId: String(document.id),
      summary,
      after: { name: document.name, version: document.version },
    });
  }

  /** Saves `next` as the version after `current`'s; 409 when someone saved (or deleted) it first. */
  async function save(tx: Tx, user: User, current: StoredDocument, next: DocumentContent, at: Date, restoredFrom?: number) {
    if (await tx.documents.addVersion(current.id, current.version, next, user, at, restoredFrom)) return live(tx.documents, current.id);
    throw changed(await live(tx.documents, current.id), current.version);
  }

  async function insert(tx: Tx, user: User, content: DocumentContent, summary: (created: StoredDocument) => string) {
    const at = deps.now();
    const created = await live(tx.documents, await tx.documents.insert(content, user, at));
    await record(tx, user, `${kind.noun}.create`, created, at, summary(created));
    return kind.toAnswer(created);
  }

  return {
    /** Every document not deleted, the latest change first. */
    list: async (): Promise<Answer[]> => (await (await reader()).list()).map(kind.toAnswer),

    get: async (id: number): Promise<Answer> => kind.toAnswer(await live(await reader(), id)),

    /** The documents of these ids that exist and are not deleted, in the order asked. */
    async getMany(ids: readonly number[]): Promise<Answer[]> {
      const found = new Map((await (await reader()).findMany(ids)).map((document) => [document.id, document]));
      const kept = [...new Set(ids)].flatMap((id) => {
        const document = found.get(id);
        return document && document.deletedAt === null ? [document] : [];
      });
      return kept.map(kind.toAnswer);
    },

    /** Every version, newest first; 404 for a deleted document, as for reading it. */
    async history(id: number): Promise<Version[]> {
      const documents = await reader();
      await live(documents, id);
      return (await documents.history(id)).map(kind.toVersion);
    },

    create: (user: User, content: DocumentContent, check?: SaveCheck<Answer>): Promise<Answer> =>
      transaction(async (tx) => {
        await check?.(tx.trx, null);
        return insert(tx, user, content, (created) => documentCreated(kind.noun, created));
      }),

    /**
     * A new version with the change. One that changes nothing answers the current document and writes
     * nothing, even when made from an older version (a save sent twice); any other change made from a
     * version that is no longer the current one is refused with 409, naming who saved and when.
     */
    change: (user: User, id: number, change: DocumentChange, check?: SaveCheck<Answer>): Promise<Answer> =>
      transaction(async (tx) => {
        const current = await live(tx.documents, id);
        const next = {
          name: change.name ?? current.name,
          description: change.description ?? current.description,
          body: { ...current.body, ...change.body },
        };
        if (sameContent(current, next)) return kind.toAnswer(current);
        if (change.baseVersion !== undefined && change.baseVersion !== current.version) throw changed(current, change.baseVersion);
        await check?.(tx.trx, kind.toAnswer(current));
        const at = deps.now();
        const saved = await save(tx, user, current, next, at);
        await record(tx, user, `${kind.noun}.update`, saved, at, documentSaved(kind.noun, current, saved));
        return kind.toAnswer(saved);
      }),

    /** A new document (owned by `user`, at version 1) with the current version's content, named "Copy of …". */
    duplicate: (user: User, id: number): Promise<Answer> =>
      transaction(async (tx) => {
        const source = await live(tx.documents, id);
        const content = { name: copyName(source.name), description: source.description, body: source.body };
        return insert(tx, user, content, (copy) => documentDuplicated(kind.noun, copy, source));
      }),

    /** Deletes softly: it leaves lists and answers 404 until undeleted; its versions are kept. */
    remove: (user: User, id: number): Promise<{ id: number; deleted: true }> =>
      transaction(async (tx) => {
        const current = await live(tx.documents, id);
        const at = deps.now();
        if (!(await tx.documents.setDeleted(id, at))) throw notFound(id);
        await record(tx, user, `${kind.noun}.delete`, current, at, documentDeleted(kind.noun, current));
        return { id, deleted: true as const };
      }),

    /** The undo of a delete; a document that is not deleted is answered as it is, with nothing written. */
    undelete: (user: User, id: number): Promise<Answer> =>
      transaction(async (tx) => {
        const current = await tx.documents.find(id);
        if (!current) throw notFound(id);
        if (current.deletedAt === null) return kind.toAnswer(current);
        const at = deps.now();
        await tx.documents.setDeleted(id, null);
        const restored = await live(tx.documents, id);
        await record(tx, user, `${kind.noun}.undelete`, restored, at, documentUndeleted(kind.noun, restored));
        return kind.toAnswer(restored);
      }),

    /**
     * A new version copying an old one (history is never rewritten), marked with the version it restores.
     * Not checked as a change is: an old version may name saved reports deleted since, which its tiles then
     * show as deleted. Restoring what is already current writes nothing.
     */
    restore: (user: User, id: number, version: number): Promise<Answer> =>
      transaction(async (tx) => {
        const current = await live(tx.documents, id);
        const old = await tx.documents.version(id, version);
        if (!old) throw versionNotFound(id, version);
        const next = { name: old.name, description: old.description, body: old.body };
        if (sameContent(current, next)) return kind.toAnswer(current);
        const at = deps.now();
        const saved = await save(tx, user, current, next, at, version);
        await record(tx, user, `${kind.noun}.restore`, saved, at, documentRestored(kind.noun, saved, version));
        return kind.toAnswer(saved);
      }),
  };
}

export type VersionedDocuments<Answer, Version> = ReturnType<typeof versionedDocuments<Answer, Version>>;
