"use client";
import { format, parseISO } from "date-fns";
import { DayPicker } from "react-day-picker";
import "react-day-picker/style.css";

const YMD = /^\d{4}-\d{2}-\d{2}$/;
/** `YYYY-MM-DD` ⇄ a local-midnight Date, which is what the calendar draws. */
const toDate = (ymd: string) => parseISO(ymd);

/**
 * The calendar of the custom date range (react-day-picker), loaded only when someone opens it. Weeks
 * start on Monday, days after `today` (in the site's timezone) can't be picked.
 */
export function RangeCalendar({ from, to, today, onPick }: { from: string; to: string; today: string; onPick: (day: string) => void }) {
  const complete = YMD.test(from) && YMD.test(to);
  return (
    <DayPicker
      mode="range"
      selected={complete ? { from: toDate(from), to: toDate(to) } : undefined}
      onSelect={(_range, day) => onPick(format(day, "yyyy-MM-dd"))}
      defaultMonth={YMD.test(to) ? toDate(to) : toDate(today)}
      disabled={{ after: toDate(today) }}
      weekStartsOn={1}
      showOutsideDays
    />
  );
}
