/**
 * One-line descriptions of changes to client shares for the audit log, in the words of
 * lib/audit/document-summaries.ts. They name the client and what is shared, and what changed, but never the
 * password, the link's slug or a locked filter's value: the audit log is read by the whole team, and a
 * locked filter may name another client. Pure.
 */
import type { ShareSettings, ShareTarget } from "./share";

/** What a summary names of a share: its client, and its target with the target's current name (null: deleted). */
export type SummarisedShare = { clientName: string; target: ShareTarget & { name: string | null } };

/** What a change sets, each present only when it differs from what the share had. */
export type SummarisedChange = {
  settings?: ShareSettings;
  password?: "set" | "removed";
  expiresAt?: string | null;
  logo?: "set" | "removed";
};

/** Before the change: what the change's words depend on. */
export type SummarisedBefore = { settings: ShareSettings; hasPassword: boolean; hasLogo: boolean };

const TARGET_LABELS: Record<ShareTarget["kind"], string> = { report: "saved report", dashboard: "dashboard" };

const quote = (name: string) => `“${name}”`;
/** `2026-05-01 10:00 UTC`: one clock for a team spread over timezones. */
const utc = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

function targetOf({ target }: SummarisedShare): string {
  const label = TARGET_LABELS[target.kind];
  return target.name === null ? `${label} ${target.id} (deleted)` : `${label} ${quote(target.name)}`;
}

const theShare = (share: SummarisedShare) => `the share of ${targetOf(share)} with ${share.clientName}`;

export function shareCreated(share: SummarisedShare, extras: { hasPassword: boolean; expiresAt: string | null }): string {
  const password = extras.hasPassword ? ", with a password" : "";
  const expiry = extras.expiresAt === null ? "" : `, until ${utc(extras.expiresAt)}`;
  return `Shared ${targetOf(share)} with ${share.clientName}${password}${expiry}`;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** What changed in the settings, by name; locked filters are counted, never shown. */
function settingsChanges(before: ShareSettings, after: ShareSettings): string[] {
  const parts: string[] = [];
  if (before.clientName !== after.clientName) parts.push(`client renamed from ${before.clientName}`);
  if (!same(before.window, after.window)) parts.push("date window");
  if (!same(before.lockedFilters, after.lockedFilters)) parts.push(`locked filters (now ${plural(after.lockedFilters.length, "filter", "filters")})`);
  if (before.lockedLabel !== after.lockedLabel) parts.push("locked filters' label");
  if (!same(before.milestones, after.milestones)) parts.push("milestones shown");
  if (before.branding.accent !== after.branding.accent) parts.push("accent colour");
  if (before.branding.intro !== after.branding.intro) parts.push("intro");
  if (before.branding.madeWith !== after.branding.madeWith) parts.push(`“Made with Sounding” ${after.branding.madeWith ? "shown" : "hidden"}`);
  if (!same(before.embedOrigins, after.embedOrigins)) parts.push(`embedding (now ${plural(after.embedOrigins.length, "site", "sites")})`);
  if (before.refreshMinutes !== after.refreshMinutes) parts.push(`refresh every ${plural(after.refreshMinutes, "minute", "minutes")}`);
  return parts;
}

/** `after` is the share as it is now (its client's new name, if renamed). */
export function shareChanged(after: SummarisedShare, before: SummarisedBefore, change: SummarisedChange): string {
  const parts = change.settings ? settingsChanges(before.settings, change.settings) : [];
  if (change.password === "set") parts.push(before.hasPassword ? "password changed" : "password set");
  if (change.password === "removed") parts.push("password removed");
  if (change.expiresAt !== undefined) parts.push(change.expiresAt === null ? "no expiry" : `expires ${utc(change.expiresAt)}`);
  if (change.logo === "set") parts.push(before.hasLogo ? "logo replaced" : "logo added");
  if (change.logo === "removed") parts.push("logo removed");
  return `Changed ${theShare(after)}${parts.length > 0 ? `: ${parts.join(", ")}` : ""}`;
}

export const sharePaused = (share: SummarisedShare) => `Paused ${theShare(share)}`;

/** `stillExpired`: resuming does not extend an expired share, and the log says so. */
export const shareResumed = (share: SummarisedShare, stillExpired: boolean) =>
  `Resumed ${theShare(share)}${stillExpired ? " (it stays expired until its expiry is changed)" : ""}`;

export const shareRotated = (share: SummarisedShare) => `Gave ${theShare(share)} a new link (the old one stopped working)`;

export const shareRevoked = (share: SummarisedShare) => `Revoked ${theShare(share)}`;
