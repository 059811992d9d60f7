/**
 * One-line descriptions of changes to saved reports and dashboards for the audit log, in the words of
 * lib/audit/summaries.ts. Pure: the service passes the document as it was and as it is now.
 */

/** What the audit log calls the document: "report", "dashboard". */
export type DocumentNoun = "report" | "dashboard";
type Named = { name: string; version: number };

const quote = (name: string) => `“${name}”`;

export function documentCreated(noun: DocumentNoun, created: Named): string {
  return `Created ${noun} ${quote(created.name)}`;
}

export function documentDuplicated(noun: DocumentNoun, copy: Named, source: Named & { id: number }): string {
  return `Created ${noun} ${quote(copy.name)} as a copy of ${noun} ${source.id} (${quote(source.name)}, version ${source.version})`;
}

export function documentSaved(noun: DocumentNoun, before: Named, after: Named): string {
  const renamed = before.name !== after.name ? `, renamed from ${quote(before.name)}` : "";
  return `Saved ${noun} ${quote(after.name)} (version ${after.version})${renamed}`;
}

export function documentRestored(noun: DocumentNoun, after: Named, from: number): string {
  return `Restored ${noun} ${quote(after.name)} to version ${from} (saved as version ${after.version})`;
}

export function documentDeleted(noun: DocumentNoun, deleted: Named): string {
  return `Deleted ${noun} ${quote(deleted.name)}`;
}

export function documentUndeleted(noun: DocumentNoun, undeleted: Named): string {
  return `Undeleted ${noun} ${quote(undeleted.name)}`;
}
