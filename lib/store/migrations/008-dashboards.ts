import type { Kysely, Migration } from "kysely";
import { createDocumentTables } from "./document-tables";

/**
 * Dashboards, versioned as saved reports are (007-saved-reports): the current state in `dashboards`, every
 * save in `dashboard_versions`. `layout_json` is the layout as lib/dashboards/dashboard.ts parses it (tiles
 * in order, the board's range and filters); report tiles name saved reports by id, checked when saved.
 */
export const m008Dashboards: Migration = {
  async up(db: Kysely<unknown>) {
    await createDocumentTables(db, { documents: "dashboards", versions: "dashboard_versions", parent: "dashboard_id" }, (table) =>
      table.addColumn("layout_json", "text", (col) => col.notNull()),
    );
  },
};
