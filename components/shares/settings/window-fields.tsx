"use client";
import { DATE_PRESET_LABELS } from "@/lib/format/labels";
import { DATE_PRESETS, type DatePreset } from "@/lib/query/date-presets";
import type { ShareTarget } from "@/lib/shares/share";
import { errorsAt } from "./field-errors";
import { Choice, SelectField, Section, TextField } from "./form-controls";
import type { DraftProps, ShareDraft } from "./share-draft";

const OWN_RANGE: Record<ShareTarget["kind"], string> = { report: "the report’s own range", dashboard: "the dashboard’s own range" };

/** Ticking or unticking a range keeps "Opens with" one of the ticked ranges (the first ticked, when it was none). */
function toggled(draft: ShareDraft, preset: DatePreset, on: boolean): Partial<ShareDraft> {
  const presets = on ? [...draft.presets, preset] : draft.presets.filter((p) => p !== preset);
  const ordered = DATE_PRESETS.filter((p) => presets.includes(p));
  const keep = draft.defaultPreset !== null && ordered.includes(draft.defaultPreset);
  return { presets: ordered, defaultPreset: keep ? draft.defaultPreset : (ordered[0] ?? null) };
}

/** Which ranges the client may switch between, which one the page opens with, and the dates nothing goes past. */
export function WindowFields({ draft, onChange, errors, kind }: DraftProps & { kind: ShareTarget["kind"] }) {
  const defaultErrors = errorsAt(errors, "settings.window.defaultPreset");
  const presetErrors = [
    ...errorsAt(errors, "settings.window", "settings.window.presets", ...DATE_PRESETS.map((_, i) => `settings.window.presets.${i}`)),
    // Without a ticked range there is no "Opens with" to show its message beside.
    ...(draft.presets.length ? [] : defaultErrors),
  ];
  return (
    <Section legend="Date ranges the client may pick" hint={`Tick none to show only ${OWN_RANGE[kind]}.`} errors={presetErrors}>
      <div className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-2 lg:grid-cols-3">
        {DATE_PRESETS.map((preset) => (
          <Choice
            key={preset}
            label={DATE_PRESET_LABELS[preset]}
            name="presets"
            value={preset}
            checked={draft.presets.includes(preset)}
            onChange={(event) => onChange(toggled(draft, preset, event.target.checked))}
          />
        ))}
      </div>
      {draft.presets.length ? (
        <SelectField
          label="Opens with"
          name="defaultPreset"
          value={draft.defaultPreset ?? ""}
          onChange={(event) => onChange({ defaultPreset: event.target.value as DatePreset })}
          errors={defaultErrors}
        >
          {draft.presets.map((preset) => (
            <option key={preset} value={preset}>
              {DATE_PRESET_LABELS[preset]}
            </option>
          ))}
        </SelectField>
      ) : (
        <p className="text-sm text-muted">No range ticked: the page shows only {OWN_RANGE[kind]}, and the client cannot change it.</p>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label="First date (optional)"
          name="floor"
          type="date"
          value={draft.floor}
          max={draft.ceiling || undefined}
          onChange={(event) => onChange({ floor: event.target.value })}
          hint="Nothing before this day is shown, whatever range is picked."
          errors={errorsAt(errors, "settings.window.floor")}
        />
        <TextField
          label="Last date (optional)"
          name="ceiling"
          type="date"
          value={draft.ceiling}
          min={draft.floor || undefined}
          onChange={(event) => onChange({ ceiling: event.target.value })}
          hint="Nothing after this day is shown."
          errors={errorsAt(errors, "settings.window.ceiling")}
        />
      </div>
    </Section>
  );
}
