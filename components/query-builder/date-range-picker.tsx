"use client";
import { format, parseISO } from "date-fns";
import dynamic from "next/dynamic";
import { Popover } from "radix-ui";
import { useId, useState } from "react";
import { DATE_PRESET_LABELS } from "@/lib/format/labels";
import { DATE_PRESETS, type DateRange } from "@/lib/query/date-presets";
import type { QueryMessages, ReportQuery } from "@/lib/query/report-query";
import { todayIn } from "@/lib/query/resolve-range";
import { messagesAt } from "./builder-messages";
import { ControlField, ControlMessages, controlClass } from "./control-field";
import { changeCustomDates, changeRangePreset } from "@/lib/query/query-edits";
import { buttonClass } from "@/components/ui/button";

const PRESET_CHOICES: ReadonlyArray<DateRange["preset"]> = [...DATE_PRESETS, "custom"];

/** The calendar is only needed once someone opens it: it stays out of the page's first load. */
const RangeCalendar = dynamic(() => import("./range-calendar").then((module) => module.RangeCalendar), {
  ssr: false,
  loading: () => <p className="p-4 text-sm text-muted">Loading the calendar…</p>,
});

const readable = (ymd: string) => format(parseISO(ymd), "d MMM yyyy");

/**
 * The date range: a preset (resolved in the site's timezone on the server), or custom dates typed in
 * two date fields or picked on a calendar (two clicks: the first day, then the last).
 */
export function DateRangePicker({
  value,
  onChange,
  messages,
  timezone,
}: {
  value: ReportQuery;
  onChange: (next: ReportQuery) => void;
  messages: QueryMessages;
  timezone: string;
}) {
  const range = value.range;
  const rangeMessages = messagesAt(messages, "range");
  return (
    <div className="flex flex-col gap-2">
      <ControlField label="Date range" messages={range.preset === "custom" ? [] : rangeMessages} hint={`Dates are in the site's timezone (${timezone}).`}>
        {(props) => (
          <select
            {...props}
            className={controlClass}
            value={range.preset}
            onChange={(event) =>
              onChange(changeRangePreset(value, event.target.value as DateRange["preset"], { timezone, now: new Date() }))
            }
          >
            {PRESET_CHOICES.map((preset) => (
              <option key={preset} value={preset}>
                {DATE_PRESET_LABELS[preset]}
              </option>
            ))}
          </select>
        )}
      </ControlField>
      {range.preset === "custom" ? (
        <CustomDates value={value} from={range.from} to={range.to} onChange={onChange} timezone={timezone} messages={rangeMessages} />
      ) : null}
    </div>
  );
}

function CustomDates({
  value,
  from,
  to,
  onChange,
  timezone,
  messages,
}: {
  value: ReportQuery;
  from: string;
  to: string;
  onChange: (next: ReportQuery) => void;
  timezone: string;
  messages: string[];
}) {
  const id = useId();
  const describedBy = messages.length ? `${id}-messages` : undefined;
  const [open, setOpen] = useState(false);
  const [anchor, setAnchor] = useState<string | null>(null);
  const today = todayIn(timezone, new Date());
  const valid = /^\d{4}-\d{2}-\d{2}$/;

  function pick(picked: string) {
    if (anchor === null) {
      setAnchor(picked);
      onChange(changeCustomDates(value, picked, picked));
      return;
    }
    const [start, end] = picked < anchor ? [picked, anchor] : [anchor, picked];
    setAnchor(null);
    onChange(changeCustomDates(value, start, end));
    setOpen(false);
  }

  return (
    <div className="flex flex-col gap-1">
      <div className="grid grid-cols-2 gap-2">
        <ControlField label="From">
          {(props) => (
            <input
              {...props}
              type="date"
              className={controlClass}
              value={from}
              max={today}
              aria-invalid={messages.length ? true : undefined}
              aria-describedby={describedBy}
              onChange={(event) => onChange(changeCustomDates(value, event.target.value, to))}
            />
          )}
        </ControlField>
        <ControlField label="To">
          {(props) => (
            <input
              {...props}
              type="date"
              className={controlClass}
              value={to}
              max={today}
              aria-invalid={messages.length ? true : undefined}
              aria-describedby={describedBy}
              onChange={(event) => onChange(changeCustomDates(value, from, event.target.value))}
            />
          )}
        </ControlField>
      </div>
      <ControlMessages id={`${id}-messages`} messages={messages} />
      <Popover.Root
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          setAnchor(null);
        }}
      >
        <Popover.Trigger className={buttonClass("secondary", "self-start py-1")}>
          {valid.test(from) && valid.test(to) ? `${readable(from)} – ${readable(to)}` : "Pick dates"}
          <span className="sr-only">: open the calendar</span>
        </Popover.Trigger>
        <Popover.Portal>
          <Popover.Content
            align="start"
            sideOffset={6}
            className="z-50 rounded-lg border border-line bg-surface p-3 text-ink shadow-lg"
            aria-label="Pick the first day, then the last"
          >
            <p className="mb-2 text-xs text-muted">{anchor ? "Now pick the last day." : "Pick the first day, then the last."}</p>
            <RangeCalendar from={from} to={to} today={today} onPick={pick} />
          </Popover.Content>
        </Popover.Portal>
      </Popover.Root>
    </div>
  );
}
