"use client";
import { useState, type FormEvent } from "react";
import { useSubmit } from "@/components/auth/use-submit";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import {
  intervalSecondsSchema,
  MAX_INTERVAL_SECONDS,
  MIN_INTERVAL_SECONDS,
  requestsPerMinute,
  type IntervalSettingState,
} from "@/lib/current-visitors/interval";

const perMinute = (seconds: number) => {
  const value = requestsPerMinute(seconds);
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
};

/** The admin's default current-visitors interval, with what it costs of the reports budget. */
export function IntervalSettingForm({ initial }: { initial: IntervalSettingState }) {
  const [state, setState] = useState(initial);
  const [draft, setDraft] = useState(String(initial.effectiveSeconds));
  const [saved, setSaved] = useState<string | null>(null);
  const [invalid, setInvalid] = useState<string[] | null>(null);
  const { submit, pending, error, fields } = useSubmit<IntervalSettingState>("/api/settings/live", "PUT");

  async function save(intervalSeconds: number | null) {
    setSaved(null);
    setInvalid(null);
    const next = await submit({ intervalSeconds });
    if (!next) return;
    setState(next);
    setDraft(String(next.effectiveSeconds));
    setSaved(
      next.intervalSeconds === null
        ? `Back to the server's default: every ${next.effectiveSeconds} s.`
        : `Saved: every ${next.effectiveSeconds} s.`,
    );
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = intervalSecondsSchema.safeParse(draft.trim() === "" ? undefined : Number(draft));
    if (!parsed.success) {
      setSaved(null);
      setInvalid(parsed.error.issues.map((issue) => issue.message));
      return;
    }
    setInvalid(null);
    void save(parsed.data);
  }

  const draftSeconds = Number(draft);
  const cost = Number.isFinite(draftSeconds) && draftSeconds >= MIN_INTERVAL_SECONDS ? perMinute(draftSeconds) : null;

  return (
    <Card className="max-w-xl">
      <form className="flex flex-col gap-4" onSubmit={onSubmit} noValidate>
        <Field
          label="Refresh interval (seconds)"
          name="intervalSeconds"
          type="number"
          inputMode="numeric"
          min={MIN_INTERVAL_SECONDS}
          max={MAX_INTERVAL_SECONDS}
          step={1}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          hint={`Between ${MIN_INTERVAL_SECONDS} and ${MAX_INTERVAL_SECONDS}. ${
            cost ? `Each watched site costs about ${cost} of your ${state.reportsPerMinute} report requests a minute. ` : ""
          }Sounding stretches the interval by itself while the reports budget is tight.`}
          errors={invalid ?? fields.intervalSeconds ?? fields._}
        />
        <p className="text-sm text-muted">
          {state.intervalSeconds === null
            ? `Now: the server's default, every ${state.environmentSeconds} s (CURRENT_VISITORS_INTERVAL_SECONDS).`
            : `Now: every ${state.intervalSeconds} s, set by an admin. The server's default is ${state.environmentSeconds} s.`}
        </p>
        {error && !fields.intervalSeconds ? <Notice tone="error">{error}</Notice> : null}
        {saved ? <Notice tone="success">{saved}</Notice> : null}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={pending}>
            Save interval
          </Button>
          <Button variant="secondary" disabled={pending || state.intervalSeconds === null} onClick={() => void save(null)}>
            Use the server&apos;s default
          </Button>
        </div>
      </form>
    </Card>
  );
}
