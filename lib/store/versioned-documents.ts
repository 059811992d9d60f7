import "server-only";
import { IdentifierNode, OperationNodeTransformer, type Kysely, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs } from "kysely";
import type { Person } from "@/lib/reports/saved-report";
import type { DashboardsTable, Database, DocumentVersionColumns, SavedReportsTable, VersionedDocumentColumns } from "./schema";

/**
 * One repository for every versioned document: saved reports and dashboards keep the same columns
 * (schema.ts: `VersionedDocumentColumns`, `DocumentVersionColumns`) in tables of their own, so the queries
 * are written once against placeholder tables, and a small plugin renames the placeholders to the kind's
 * real tables as each query is compiled. What differs (a report's site and query, a dashboard's layout)
 * is the `body`: columns carried through as they are, read and written by the services.
 */

/** Which tables a kind of document lives in, and the column of its versions table naming the document. */
export type DocumentTables = { documents: keyof Database; versions: keyof Database; parent: string };

export const SAVED_REPORT_TABLES = {
  documents: "saved_reports",
  versions: "saved_report_versions",
  parent: "report_id",
} as const satisfies DocumentTables;

export const DASHBOARD_TABLES = { documents: "dashboards", versions: "dashboard_versions", parent: "dashboard_id" } as const satisfies DocumentTables;

/** The kind's own columns, in both of its tables: a report's site and query, or a dashboard's layout. */
export type DocumentBody = Partial<Pick<SavedReportsTable, "site_id" | "query_json"> & Pick<DashboardsTable, "layout_json">>;
const BODY_COLUMNS = ["site_id", "query_json", "layout_json"] as const satisfies readonly (keyof DocumentBody)[];

const DOCUMENTS = "versioned_documents";
const VERSIONS = "versioned_document_versions";
const PARENT = "document_id";

/** The placeholder tables the queries are written against. */
type PlaceholderTables = {
  [DOCUMENTS]: VersionedDocumentColumns & DocumentBody;
  [VERSIONS]: DocumentVersionColumns & DocumentBody & { [PARENT]: number };
};

/** Renames identifiers by a map: placeholders to real names in the query, and back in the rows. */
class RenameIdentifiers extends OperationNodeTransformer {
  constructor(private readonly names: Record<string, string>) {
    super();
  }

  protected override transformIdentifier(node: IdentifierNode): IdentifierNode {
    const name = this.names[node.name];
    return name === undefined ? super.transformIdentifier(node) : IdentifierNode.create(name);
  }
}

function tablesPlugin(tables: DocumentTables): KyselyPlugin {
  const transformer = new RenameIdentifiers({ [DOCUMENTS]: tables.documents, [VERSIONS]: tables.versions, [PARENT]: tables.parent });
  return {
    transformQuery: ({ node, queryId }: PluginTransformQueryArgs) => transformer.transformNode(node, queryId),
    transformResult: async ({ result }: PluginTransformResultArgs) => ({
      ...result,
      rows: result.rows.map((row) => {
        if (!(tables.parent in row)) return row;
        const { [tables.parent]: parent, ...rest } = row;
        return { ...rest, [PARENT]: parent };
      }),
    }),
  };
}

/** Shown for an owner or editor whose account was removed (the documents stay). */
export const FORMER_MEMBER = "Former member";

/** A document's current state; `deletedAt` is set while it is (softly) deleted. */
export type StoredDocument = {
  id: number;
  name: string;
  description: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  owner: Person;
  updatedBy: Person;
  body: DocumentBody;
};

/** One saved version, as it was saved. */
export type StoredVersion = {
  version: number;
  name: string;
  description: string;
  createdAt: string;
  createdBy: Person;
  restoredFrom: number | null;
  body: DocumentBody;
};

/** What a version holds. */
export type DocumentContent = Pick<StoredDocument, "name" | "description" | "body">;
/** Who saves: an existing user (their name is copied into the version). */
export type Author = { id: number; name: string };

function bodyOf(row: DocumentBody): DocumentBody {
  const body: DocumentBody = {};
  for (const column of BODY_COLUMNS) if (row[column] !== undefined && row[column] !== null) body[column] = row[column];
  return body;
}

/**
 * What a document's row and each of its versions' rows record alike of a save (its content, version
 * number and time), read one way for both, so the current state and its history cannot drift apart.
 */
function savedContent(row: Pick<DocumentVersionColumns, "version" | "name" | "description" | "created_at"> & DocumentBody) {
  return { name: row.name, description: row.description, version: row.version, createdAt: row.created_at, body: bodyOf(row) };
}

/** A person who still has an account, by their current name; else "Former member" (or the name kept then). */
const person = (id: number | null, name: string | null, kept = FORMER_MEMBER): Person => (name === null ? { id: null, name: kept } : { id, name });

/**
 * The documents of one kind over `db` (the process's database, or a transaction: pass the transaction so
 * a change and its audit entry are written together).
 */
export function documentsRepository(db: Kysely<Database>, tables: DocumentTables) {
  const q = db.withPlugin(tablesPlugin(tables)).withTables<PlaceholderTables>();

  const documents = () =>
    q
      .selectFrom(`${DOCUMENTS} as d`)
      .leftJoin("users as owner", "owner.id", "d.owner_id")
      .leftJoin("users as editor", "editor.id", "d.updated_by")
      .selectAll("d")
      .select(["owner.name as owner_name", "editor.name as editor_name"]);

  type DocumentRow = Awaited<ReturnType<ReturnType<typeof documents>["executeTakeFirstOrThrow"]>>;
  const toDocument = (row: DocumentRow): StoredDocument => ({
    id: row.id,
    ...savedContent(row),
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
    owner: person(row.owner_id, row.owner_name),
    updatedBy: person(row.updated_by, row.editor_name),
  });

  const versions = (id: number) =>
    q
      .selectFrom(`${VERSIONS} as v`)
      .leftJoin("users as author", "author.id", "v.created_by")
      .selectAll("v")
      .select("author.name as author_name")
      .where(`v.${PARENT}`, "=", id);

  type VersionRow = Awaited<ReturnType<ReturnType<typeof versions>["executeTakeFirstOrThrow"]>>;
  const toVersion = (row: VersionRow): StoredVersion => ({
    ...savedContent(row),
    createdBy: person(row.created_by, row.author_name, row.created_by_name),
    restoredFrom: row.restored_from,
  });

  const insertVersion = (id: number, version: number, content: DocumentContent, author: Author, at: string, restoredFrom: number | null) =>
    q
      .insertInto(VERSIONS)
      .values({
        [PARENT]: id,
        version,
        name: content.name,
        description: content.description,
        ...content.body,
        created_at: at,
        created_by: author.id,
        created_by_name: author.name,
        restored_from: restoredFrom,
      })
      .execute();

  return {
    /** The document, deleted or not; null when there never was one. */
    async find(id: number): Promise<StoredDocument | null> {
      const row = await documents().where("d.id", "=", id).executeTakeFirst();
      return row ? toDocument(row) : null;
    },

    /** These documents (deleted ones too), in no particular order; ids that name none are left out. */
    async findMany(ids: readonly number[]): Promise<StoredDocument[]> {
      if (ids.length === 0) return [];
      return (await documents().where("d.id", "in", [...new Set(ids)]).execute()).map(toDocument);
    },

    /** Every document not deleted, the latest change first. */
    async list(): Promise<StoredDocument[]> {
      const rows = await documents().where("d.deleted_at", "is", null).orderBy("d.updated_at", "desc").orderBy("d.id", "desc").execute();
      return rows.map(toDocument);
    },

    /** Every version, newest first. */
    async history(id: number): Promise<StoredVersion[]> {
      return (await versions(id).orderBy("v.version", "desc").execute()).map(toVersion);
    },

    async version(id: number, version: number): Promise<StoredVersion | null> {
      const row = await versions(id).where("v.version", "=", version).executeTakeFirst();
      return row ? toVersion(row) : null;
    },

    /** A new document at version 1, owned by its author; its id. */
    async insert(content: DocumentContent, author: Author, at: Date): Promise<number> {
      const when = at.toISOString();
      const { id } = await q
        .insertInto(DOCUMENTS)
        .values({
          name: content.name,
          description: content.description,
          ...content.body,
          version: 1,
          owner_id: author.id,
          created_at: when,
          updated_at: when,
          updated_by: author.id,
          deleted_at: null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await insertVersion(id, 1, content, author, when, null);
      return id;
    },

    /**
     * Saves `content` as the version after `from`. False, writing nothing, when the document is no longer
     * at `from` or is deleted (someone else saved or deleted it meanwhile): the update is conditional, so
     * two racing saves cannot both become the same version on any database.
     */
    async addVersion(id: number, from: number, content: DocumentContent, author: Author, at: Date, restoredFrom: number | null = null): Promise<boolean> {
      const when = at.toISOString();
      const updated = await q
        .updateTable(DOCUMENTS)
        .set({ name: content.name, description: content.description, ...content.body, version: from + 1, updated_at: when, updated_by: author.id })
        .where("id", "=", id)
        .where("version", "=", from)
        .where("deleted_at", "is", null)
        .executeTakeFirst();
      if (updated.numUpdatedRows === 0n) return false;
      await insertVersion(id, from + 1, content, author, when, restoredFrom);
      return true;
    },

    /** Deletes (a date) or brings back (null); false when it was already so, or there is no such document. */
    async setDeleted(id: number, at: Date | null): Promise<boolean> {
      const updated = await q
        .updateTable(DOCUMENTS)
        .set({ deleted_at: at?.toISOString() ?? null })
        .where("id", "=", id)
        .where("deleted_at", at ? "is" : "is not", null)
        .executeTakeFirst();
      return updated.numUpdatedRows > 0n;
    },
  };
}

export type DocumentsRepository = ReturnType<typeof documentsRepository>;
