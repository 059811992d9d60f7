/**
 * Time zones for the simulator: UTC offsets cached per zone and UTC day (so a year of hourly buckets
 * costs a few hundred Intl calls, not thousands), conversion of a site-local `YYYY-MM-DD HH:mm:ss`
 * to an instant, and the labels of date buckets. Offsets come from `@date-fns/tz`, which reads the
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

/** Per zone, per UTC day: one offset (minutes east of UTC) for the whole day, or 24 hourly offsets. */
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
    value = new Int16Array(24);
    for (let hour = 0; hour < 24; hour++) value[hour] = tzOffset(zone, new Date(start + hour * 60 * MS_PER_MINUTE));
  }
  days.set(day, value);
  return value;
}

/** Minutes east of UTC in `zone` at the UTC hour that contains `epochMinute`. */
export function offsetAt(zone: string, epochMinute: number): number {
  const day = Math.floor(epochMinute / MINUTES_PER_DAY);
  const offsets = offsetsOfDay(zone, day);
  if (typeof offsets === "number") return offsets;
  return offsets[Math.floor((epochMinute - day * MINUTES_PER_DAY) / 60)] ?? 0;
}

/** The offsets of `count` consecutive UTC hours from `firstHour` (hours since the epoch). */
export function hourlyOffsets(zone: string, firstHour: number, count: number): Int16Array {
  const offsets = new Int16Array(Math.max(0, count));
  for (let i = 0; i < offsets.length; ) {
    const hour = firstHour + i;
    const day = Math.floor(hour / 24);
    const ofDay = offsetsOfDay(zone, day);
    const end = Math.min(offsets.length, (day + 1) * 24 - firstHour);
    for (; i < end; i++) offsets[i] = typeof ofDay === "number" ? ofDay : (ofDay[firstHour + i - day * 24] ?? 0);
  }
  return offsets;
}

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** `YYYY-MM-DD HH:mm:ss` as wall-clock milliseconds (a UTC reading of the digits), or null if not a real time. */
export function parseWallTime(text: string): number | null {
  const match = TIMESTAMP.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wall);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  return wall;
}

/** The instant (epoch seconds) at which clocks in `zone` show the wall time `wallMs`. */
export function wallTimeToEpochSeconds(zone: string, wallMs: number): number {
  const wallMinute = Math.floor(wallMs / MS_PER_MINUTE);
  const guess = wallMinute - offsetAt(zone, wallMinute);
  const offset = offsetAt(zone, guess);
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
