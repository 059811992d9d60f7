import { route } from "@/lib/api/route";
import { auditQuerySchema } from "@/lib/audit/audit-entry";
import { auditLog } from "@/lib/audit/audit-log";

/** The audit log for admins, newest first: `?limit=50&before=<id>&site=<siteId>`. */
export const GET = route({ access: "admin", query: auditQuerySchema }, async ({ query }) => (await auditLog()).list(query));
