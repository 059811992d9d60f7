import type { CreateTableBuilder, Kysely } from "kysely";
import { generatedId } from "./columns";

type Table = CreateTableBuilder<string, string>;

/** A kind's table names, and the column of its versions table that names the document. */
export type DocumentTableNames = { documents: string; versions: string; parent: string };

/**
 * The two tables of a versioned document, as 007-saved-reports and 008-dashboards create them: the current
 * state, and one row per version (primary key: the document and the version number), each with the kind's
 * own `body` columns after its name and description. Part of those migrations, so frozen with them: a
 * later change is a new migration, never an edit here.
 */
export async function createDocumentTables(db: Kysely<unknown>, names: DocumentTableNames, body: (table: Table) => Table): Promise<void> {
  const current = db.schema
    .createTable(names.documents)
    .addColumn("id", "integer", generatedId(db))
    .addColumn("name", "varchar(255)", (col) => col.notNull())
    .addColumn("description", "text", (col) => col.notNull());
  await body(current)
    .addColumn("version", "integer", (col) => col.notNull())
    .addColumn("owner_id", "integer", (col) => col.notNull())
    .addColumn("created_at", "varchar(32)", (col) => col.notNull())
    .addColumn("updated_at", "varchar(32)", (col) => col.notNull())
    .addColumn("updated_by", "integer", (col) => col.notNull())
    .addColumn("deleted_at", "varchar(32)")
    .execute();
  await db.schema.createIndex(`${names.documents}_updated_at`).on(names.documents).columns(["updated_at", "id"]).execute();

  const versions = db.schema
    .createTable(names.versions)
    .addColumn(names.parent, "integer", (col) => col.notNull().references(`${names.documents}.id`))
    .addColumn("version", "integer", (col) => col.notNull())
    .addColumn("name", "varchar(255)", (col) => col.notNull())
    .addColumn("description", "text", (col) => col.notNull());
  await body(versions)
    .addColumn("created_at", "varchar(32)", (col) => col.notNull())
    .addColumn("created_by", "integer")
    .addColumn("created_by_name", "varchar(255)", (col) => col.notNull())
    .addColumn("restored_from", "integer")
    .addPrimaryKeyConstraint(`${names.versions}_pk`, [names.parent, "version"])
    .execute();
}
