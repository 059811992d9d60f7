/** Calendar arithmetic on days since the Unix epoch (UTC), the unit the dataset is generated in. */

export const MINUTES_PER_DAY = 1440;
export const MS_PER_DAY = 86_400_000;

export type CivilDate = { year: number; month: number; dayOfMonth: number; dayOfWeek: number; dayOfYear: number };

export function civil(day: number): CivilDate {
  const date = new Date(day * MS_PER_DAY);
  const year = date.getUTCFullYear();
  return {
    year,
    month: date.getUTCMonth() + 1,
    dayOfMonth: date.getUTCDate(),
    dayOfWeek: date.getUTCDay(),
    dayOfYear: day - Date.UTC(year, 0, 1) / MS_PER_DAY + 1,
  };
}

/** Days since the epoch of a calendar date (month 1–12). */
export function dayOf(year: number, month: number, dayOfMonth: number): number {
  return Date.UTC(year, month - 1, dayOfMonth) / MS_PER_DAY;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
