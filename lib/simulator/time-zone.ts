/**
 * Time zones for the simulator: UTC offsets cached per zone and UTC day (so a year of hourly buckets
 * costs a few hundred Intl calls, not thousands), conversion of a site-local wall time to an
 * instant, and the labels of date buckets. Offsets come from `@date-fns/tz`, which reads the
 * runtime's IANA data through Intl.
 */
import { tzOffset } from "@date-fns/tz";
import type { DateGrouping } from "@/lib/query/fathom-fields";

const MINUTES_PER_DAY = 1440;
const MS_PER_MINUTE = 60_000;

/** True for an IANA zone name the runtime knows (`Europe/London`, `UTC`), false for offsets or garbage. */
export function isValidTimeZone(zone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Offsets change at most on a quarter hour (UTC) in every zone (St John's changes at 05:30Z, Lord Howe at 15:30Z). */
const SLOT_MINUTES = 15;
const SLOTS_PER_DAY = MINUTES_PER_DAY / SLOT_MINUTES;
const SLOTS_PER_HOUR = 60 / SLOT_MINUTES;

/** Per zone, per UTC day: one offset (minutes east of UTC) for the whole day, or one per quarter hour. */
const dayCache = new Map<string, Map<number, number | Int16Array>>();

function offsetsOfDay(zone: string, day: number): number | Int16Array {
  let days = dayCache.get(zone);
  if (!days) dayCache.set(zone, (days = new Map()));
  const cached = days.get(day);
  if (cached !== undefined) return cached;
  const start = day * MINUTES_PER_DAY * MS_PER_MINUTE;
  const first = tzOffset(zone, new Date(start));
  const next = tzOffset(zone, new Date(start + MINUTES_PER_DAY * MS_PER_MINUTE));
  let value: number | Int16Array = first;
  if (first !== next) {
    value = new Int16Array(SLOTS_PER_DAY);
    for (let slot = 0; slot < SLOTS_PER_DAY; slot++) value[slot] = tzOffset(zone, new Date(start + slot * SLOT_MINUTES * MS_PER_MINUTE));
  }
  days.set(day, value);
  return value;
}

/** Minutes east of UTC in `zone` at `epochMinute`. */
export function offsetAt(zone: string, epochMinute: number): number {
  const day = Math.floor(epochMinute / MINUTES_PER_DAY);
  const offsets = offsetsOfDay(zone, day);
  if (typeof offsets === "number") return offsets;
  return offsets[Math.floor((epochMinute - day * MINUTES_PER_DAY) / SLOT_MINUTES)] ?? 0;
}

/** The offsets at the start of `count` consecutive UTC hours from `firstHour` (hours since the epoch). */
export function hourlyOffsets(zone: string, firstHour: number, count: number): Int16Array {
  const offsets = new Int16Array(Math.max(0, count));
  for (let i = 0; i < offsets.length; ) {
    const hour = firstHour + i;
    const day = Math.floor(hour / 24);
    const ofDay = offsetsOfDay(zone, day);
    const end = Math.min(offsets.length, (day + 1) * 24 - firstHour);
    for (; i < end; i++) offsets[i] = typeof ofDay === "number" ? ofDay : (ofDay[(firstHour + i - day * 24) * SLOTS_PER_HOUR] ?? 0);
  }
  return offsets;
}

/** The minute the offset in force at `epochMinute` began, looking back two days; null if it did not change in them. */
function offsetSince(zone: string, epochMinute: number): number | null {
  const offset = offsetAt(zone, epochMinute);
  let slot = Math.floor(epochMinute / SLOT_MINUTES);
  for (let step = 0; step < 2 * SLOTS_PER_DAY; step++, slot--) if (offsetAt(zone, (slot - 1) * SLOT_MINUTES) !== offset) return slot * SLOT_MINUTES;
  return null;
}

/**
 * The instant (epoch seconds) at which clocks in `zone` show the wall time `wallMs`, as PHP's
 * DateTime reads it (timelib's `do_adjust_timezone`): the offset in force at the wall time read as
 * UTC, unless the offset at that reading differs and the wall time is not inside the change. So
 * where clocks go back the doubled hour is read as timelib reads it (the first 01:30 in New York,
 * the second in London), and a wall time clocks skip is read with an offset from one side of it
 * (02:30 on New York's spring-forward night is 03:30 EDT). The tests compare it with PHP around
 * every change of 2026 in several zones.
 */
export function wallTimeToEpochSeconds(zone: string, wallMs: number): number {
  const wall = Math.floor(wallMs / MS_PER_MINUTE);
  const current = offsetAt(zone, wall);
  const after = offsetAt(zone, wall - current);
  const since = offsetSince(zone, wall - current);
  const inChange = since !== null && wall - after >= since + (current - after) && wall - after < since;
  const offset = current !== after && !inChange ? after : current;
  return Math.floor((wallMs - offset * MS_PER_MINUTE) / 1000);
}

/** `YYYY-MM-DD HH:mm:ss` of an instant in UTC, as Fathom prints `created_at`. */
export function formatUtc(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 19).replace("T", " ");
}

/** The label of the date bucket that starts at local minute `localMinute` (see README, "Date buckets"). */
export function bucketLabel(grouping: DateGrouping, localMinute: number): string {
  const text = new Date(localMinute * MS_PER_MINUTE).toISOString();
  switch (grouping) {
    case "hour":
      return `${text.slice(0, 10)} ${text.slice(11, 13)}:00:00`;
    case "day":
      return text.slice(0, 10);
    case "month":
      return text.slice(0, 7);
    case "year":
      return text.slice(0, 4);
  }
}
