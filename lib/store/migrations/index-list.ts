import type { Migration } from "kysely";
import { m001Users } from "./001-users";
import { m002AnswerCache } from "./002-answer-cache";
import { m003AuditLog } from "./003-audit-log";
import { m004AuditIntent } from "./004-audit-intent";
import { m005Sessions } from "./005-sessions";
import { m006EventCurrencies } from "./006-event-currencies";
import { m007SavedReports } from "./007-saved-reports";
import { m008Dashboards } from "./008-dashboards";
import { m009Shares } from "./009-shares";

/**
 * Every migration, in order. Names are permanent: once released, a migration is never renamed or edited;
 * a change is a new migration. Add new ones at the end.
 */
export const MIGRATIONS: Record<string, Migration> = {
  "001-users": m001Users,
  "002-answer-cache": m002AnswerCache,
  "003-audit-log": m003AuditLog,
  "004-audit-intent": m004AuditIntent,
  "005-sessions": m005Sessions,
  "006-event-currencies": m006EventCurrencies,
  "007-saved-reports": m007SavedReports,
  "008-dashboards": m008Dashboards,
  "009-shares": m009Shares,
};
