import type { Kysely, Migration } from "kysely";
import { createDocumentTables } from "./document-tables";

/**
 * Saved reports, with every version kept (Grafana's rule without its cap). `saved_reports` is the current
 * state, for listing without reading history; `saved_report_versions` holds each save as it was, so a
 * restore copies an old row into a new version instead of rewriting history. `query_json` is the
 * canonical stored query (lib/query/stored-query.ts); `site_id` the site it was saved for. People are plain
 * ids without foreign keys: removing a user keeps their reports (shown as "Former member"), and a version
 * keeps its author's name. A report is soft-deleted (`deleted_at`) so that "undo" and old dashboard
 * versions can bring it back. Plain schema builder, ISO timestamps as varchar: the same migration runs on
 * PostgreSQL.
 */
export const m007SavedReports: Migration = {
  async up(db: Kysely<unknown>) {
    await createDocumentTables(db, { documents: "saved_reports", versions: "saved_report_versions", parent: "report_id" }, (table) =>
      table.addColumn("site_id", "varchar(255)", (col) => col.notNull()).addColumn("query_json", "text", (col) => col.notNull()),
    );
  },
};
