/**
 * `date_from` and `date_to` as Fathom reads them: Laravel's `date` rule (PHP's `strtotime` reads it
 * and it names a real calendar day), then PHP's `DateTime` in the reporting time zone. PHP reads far
 * more than any API client sends ("first monday of november 2026", military zone letters), so this
 * reads the numeric forms clients do send, each exactly as PHP reads it, and refuses the rest:
 *
 * - a date: `2026-11-01` (also `2026-1-5`), `2026/11/01`, `11/01/2026` (month first, as PHP),
 *   `01-11-2026` and `01.11.2026` (day first, as PHP), `20261101`;
 * - optionally a time after `T` or spaces: `10:00`, `10:00:00`, `10:00:00.142` (fractions dropped),
 *   or `T10`; hour 24 and second 60 roll over as in PHP;
 * - optionally after the time a zone: `Z`, `UTC`, `GMT`, `+02:00`, `+0200`, `+02`, `+5:30`: the
 *   instant is then absolute, otherwise the wall time is read in the reporting time zone;
 * - or `@1700000000`, seconds since the epoch.
 *
 * A date without a time is the start of that day for `date_from` and its last second for `date_to`.
 * php-reference/fixtures.json holds PHP's verdicts and instants for a corpus, and the tests hold
 * this reader to them.
 */
import { wallTimeToEpochSeconds } from "./time-zone";

const DATE_FORMS: Array<{ pattern: RegExp; order: "ymd" | "mdy" | "dmy" }> = [
  { pattern: /^(\d{4})-(\d{1,2})-(\d{1,2})/, order: "ymd" },
  { pattern: /^(\d{4})\/(\d{1,2})\/(\d{1,2})/, order: "ymd" },
  { pattern: /^(\d{1,2})\/(\d{1,2})\/(\d{4})/, order: "mdy" },
  { pattern: /^(\d{1,2})[-.](\d{1,2})[-.](\d{4})/, order: "dmy" },
];
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
const TIME = /^(?:[Tt]| +)(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.\d*)?)?|^[Tt](\d{1,2})/;
const ZONE = /^ *(?:(Z|UTC|GMT)|([+-])(\d{1,2})(?::?(\d{2}))?)$/i;
const EPOCH = /^@(?:(\d{1,12})(?:\.\d+)?|(-\d{1,12}))$/;

type Parsed = { wall: number; hasTime: boolean; offsetMinutes: number | null };

function calendarDay(year: number, month: number, day: number): number | null {
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  if (year < 1 || check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return time;
}

function parse(text: string): Parsed | null {
  const compact = COMPACT_DATE.exec(text);
  let day: number | null = null;
  let rest = "";
  if (compact) day = calendarDay(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  else {
    for (const { pattern, order } of DATE_FORMS) {
      const match = pattern.exec(text);
      if (!match) continue;
      const [a, b, c] = [Number(match[1]), Number(match[2]), Number(match[3])];
      day = order === "ymd" ? calendarDay(a, b, c) : order === "mdy" ? calendarDay(c, a, b) : calendarDay(c, b, a);
      rest = text.slice(match[0].length);
      break;
    }
  }
  if (day === null) return null;
  if (!rest) return { wall: day, hasTime: false, offsetMinutes: null };

  const time = TIME.exec(rest);
  if (!time) return null;
  const hour = Number(time[1] ?? time[4]);
  const minute = Number(time[2] ?? 0);
  const second = Number(time[3] ?? 0);
  if (hour > 24 || minute > 59 || second > 60) return null;
  const wall = day + ((hour * 60 + minute) * 60 + second) * 1000;
  rest = rest.slice(time[0].length);
  if (!rest) return { wall, hasTime: true, offsetMinutes: null };

  const zone = ZONE.exec(rest);
  if (!zone) return null;
  if (zone[1]) return { wall, hasTime: true, offsetMinutes: 0 };
  const offsetHours = Number(zone[3]);
  const offsetMinutes = Number(zone[4] ?? 0);
  if (offsetHours > 24 || offsetMinutes > 59) return null;
  return { wall, hasTime: true, offsetMinutes: (zone[2] === "-" ? -1 : 1) * (offsetHours * 60 + offsetMinutes) };
}

/**
 * The instant (epoch seconds) a `date_from` (`edge` "start") or `date_to` ("end") names, read in
 * `zone` unless it carries its own offset; null when Fathom would refuse it or PHP would read it
 * in a way this does not follow.
 */
export function readDateParameter(text: string, zone: string, edge: "start" | "end"): number | null {
  const epoch = EPOCH.exec(text);
  if (epoch) return Number(epoch[1] ?? epoch[2]);
  const parsed = parse(text);
  if (!parsed) return null;
  const { wall, hasTime, offsetMinutes } = parsed;
  const at = (wallMs: number) => (offsetMinutes === null ? wallTimeToEpochSeconds(zone, wallMs) : Math.floor(wallMs / 1000) - offsetMinutes * 60);
  if (hasTime || edge === "start") return at(wall);
  return at(wall + 86_400_000) - 1;
}
