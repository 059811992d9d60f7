/**
 * One-line descriptions of milestone and event writes for the audit log. Pure: the route handlers pass
 * what they knew before the write (the item as last listed, when found) and what they send.
 */

type Milestone = { name: string; milestone_date: string };
type Event = { name: string; currency?: string | null };

const quote = (name: string) => `“${name}”`;
/** Fathom answers `YYYY-MM-DD 00:00:00`; we send and show `YYYY-MM-DD`. */
const day = (date: string) => date.slice(0, 10);

export function milestoneCreated(milestone: Milestone): string {
  return `Created milestone ${quote(milestone.name)} on ${day(milestone.milestone_date)}`;
}

export function milestoneUpdated(before: Milestone | undefined, after: Milestone): string {
  if (!before) return `Set a milestone to ${quote(after.name)} on ${day(after.milestone_date)}`;
  const renamed = before.name !== after.name;
  const moved = day(before.milestone_date) !== day(after.milestone_date);
  const move = `from ${day(before.milestone_date)} to ${day(after.milestone_date)}`;
  if (renamed && moved) return `Renamed milestone ${quote(before.name)} to ${quote(after.name)} and moved it ${move}`;
  if (renamed) return `Renamed milestone ${quote(before.name)} to ${quote(after.name)}`;
  if (moved) return `Moved milestone ${quote(after.name)} ${move}`;
  return `Saved milestone ${quote(after.name)} on ${day(after.milestone_date)} unchanged`;
}

export function milestoneDeleted(before: Milestone | undefined, id: string): string {
  return before ? `Deleted milestone ${quote(before.name)} of ${day(before.milestone_date)}` : `Deleted milestone ${id}`;
}

export function eventCreated(event: Event): string {
  return `Created event ${quote(event.name)} with currency ${event.currency ?? "dollar"}`;
}

/** `change` holds only the fields sent; Fathom does not list an event's currency, so any currency sent is named. */
export function eventUpdated(before: Event | undefined, change: { name?: string; currency?: string }): string {
  const label = quote(before?.name ?? change.name ?? "?");
  const parts: string[] = [];
  if (change.name !== undefined && change.name !== before?.name) {
    parts.push(before ? `Renamed event ${label} to ${quote(change.name)}` : `Named an event ${quote(change.name)}`);
  }
  if (change.currency !== undefined) {
    parts.push(parts.length ? `set its currency to ${change.currency}` : `Set the currency of event ${label} to ${change.currency}`);
  }
  return parts.length ? parts.join(" and ") : `Saved event ${label} unchanged`;
}

export function eventDeleted(before: Event | undefined, id: string): string {
  return `Deleted event ${before ? quote(before.name) : id} with all its conversion data`;
}
