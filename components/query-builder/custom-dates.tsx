"use client";
import dynamic from "next/dynamic";
import { Popover } from "radix-ui";
import { useId, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { formatDateRange } from "@/lib/format/format-date";
import { changeCustomDates } from "@/lib/query/query-edits";
import type { ReportQuery } from "@/lib/query/report-query";
import { todayIn } from "@/lib/query/resolve-range";
import { ControlField, ControlMessages, controlClass } from "./control-field";

/** The calendar is only needed once someone opens it. */
const RangeCalendar = dynamic(() => import("./range-calendar").then((module) => module.RangeCalendar), {
  ssr: false,
  loading: () => <p className="p-4 text-sm text-muted">Loading the calendar…</p>,
});

/** One end of a custom range, no later than today; `messagesId` names the range's messages when it has any. */
function DateInput({
  label,
  value,
  today,
  messagesId,
  onChange,
}: {
  label: string;
  value: string;
  today: string;
  messagesId: string | undefined;
  onChange: (date: string) => void;
}) {
  return (
    <ControlField label={label}>
      {(props) => (
        <input
          {...props}
          type="date"
          className={controlClass}
          value={value}
          max={today}
          aria-invalid={messagesId ? true : undefined}
          aria-describedby={messagesId}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </ControlField>
  );
}

/** Custom dates: typed in two date fields, or picked on a calendar (two clicks: the first day, then the last). */
export function CustomDates({
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
        <DateInput label="From" value={from} today={today} messagesId={describedBy} onChange={(date) => onChange(changeCustomDates(value, date, to))} />
        <DateInput label="To" value={to} today={today} messagesId={describedBy} onChange={(date) => onChange(changeCustomDates(value, from, date))} />
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
          {/* As the reports write dates (lib/format), not in a format of the picker's own. */}
          {valid.test(from) && valid.test(to) ? formatDateRange(from, to) : "Pick dates"}
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
