import "server-only";
import { auditLog } from "@/lib/audit/audit-log";
import { governedFathom, type GovernedFathom } from "@/lib/governor/governed-fathom";

/** What Sounding's API answers to a delete of a milestone or an event. */
export type Deleted = { deleted: true; id: string };

/**
 * What a write about an existing milestone or event needs: the governed client, the audit log, and the
 * item as last listed (usually from the cache) for the audit entry's words. The item is unknown when the
 * list fails, which never stops the write: the governor answers for an id it does not know.
 */
export async function prepareItemWrite<T extends { id: string }>(id: string, list: (fathom: GovernedFathom) => Promise<{ data: T[] }>) {
  const fathom = await governedFathom();
  const [log, before] = await Promise.all([
    auditLog(),
    list(fathom).then(
      ({ data }) => data.find((item) => item.id === id),
      () => undefined,
    ),
  ]);
  return { fathom, log, before };
}
