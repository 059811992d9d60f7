"use client";
import { inputClass } from "@/components/ui/field";
import { MAX_SHARE_INTRO } from "@/lib/shares/share";
import { errorsAt } from "./field-errors";
import { Choice, Hint, Problems, Section, TextAreaField, useWiring } from "./form-controls";
import { LogoField } from "./logo-field";
import type { DraftProps } from "./share-draft";

/** What the colour picker shows while no accent is set: Sounding's own (app/globals.css, light). */
const SOUNDING_ACCENT = "#2563eb";
const HEX = /^#[0-9a-fA-F]{6}$/;

/** The client's page in their colours: accent, logo, intro, and whether "Made with Sounding" is shown. */
export function BrandingFields({ draft, onChange, errors, currentLogo }: DraftProps & { currentLogo: string | null }) {
  return (
    <Section legend="Branding">
      <AccentField value={draft.accent} onChange={(accent) => onChange({ accent })} errors={errorsAt(errors, "settings.branding.accent")} />
      <LogoField value={draft.logo} current={currentLogo} onChange={(logo) => onChange({ logo })} errors={errors} />
      <TextAreaField
        label="Intro (Markdown, optional)"
        name="intro"
        rows={4}
        maxLength={MAX_SHARE_INTRO}
        value={draft.intro}
        onChange={(event) => onChange({ intro: event.target.value })}
        hint="Shown above the figures. Headings, lists, bold and links; no HTML or images."
        errors={errorsAt(errors, "settings.branding.intro")}
      />
      <Choice
        label="Show “Made with Sounding”"
        name="madeWith"
        checked={draft.madeWith}
        onChange={(event) => onChange({ madeWith: event.target.checked })}
        errors={errorsAt(errors, "settings.branding.madeWith")}
      />
    </Section>
  );
}

/**
 * A colour picker and the hex it stands for, kept together. The label names the text box, which takes a
 * hex typed or pasted and can be emptied for Sounding's own colour; a colour that fails contrast is
 * refused with the contract's message beside it.
 */
function AccentField({ value, onChange, errors }: { value: string; onChange: (accent: string) => void; errors: string[] }) {
  const { id, wiring } = useWiring(true, errors);
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        Accent colour (optional)
      </label>
      <div className="flex items-center gap-2">
        <input
          type="color"
          aria-label="Pick the accent colour"
          className="h-9 w-12 shrink-0 cursor-pointer rounded-md border border-line bg-surface p-1"
          value={HEX.test(value.trim()) ? value.trim().toLowerCase() : SOUNDING_ACCENT}
          onChange={(event) => onChange(event.target.value)}
        />
        <input
          className={`${inputClass} max-w-40 font-mono`}
          name="accent"
          placeholder="#c2410c"
          autoComplete="off"
          spellCheck={false}
          maxLength={7}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          {...wiring}
        />
      </div>
      <Hint id={id}>Empty: Sounding’s own colour. It must stand out on both the light and the dark page.</Hint>
      <Problems id={id} errors={errors} />
    </div>
  );
}
