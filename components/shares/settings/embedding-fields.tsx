"use client";
import { errorsAt } from "./field-errors";
import { Section, TextAreaField } from "./form-controls";
import { embedOriginsOf, type DraftProps } from "./share-draft";

/** The sites whose pages may show the share in a frame; none by default (`frame-ancestors 'none'`). */
export function EmbeddingFields({ draft, onChange, errors }: DraftProps) {
  const origins = embedOriginsOf(draft.embedOrigins);
  // A message about one origin names it: the box has no line of its own to point at.
  const messages = [
    ...errorsAt(errors, "settings.embedOrigins"),
    ...origins.flatMap((origin, index) => errorsAt(errors, `settings.embedOrigins.${index}`).map((message) => `${origin}: ${message}`)),
  ];
  return (
    <Section legend="Embedding">
      <TextAreaField
        label="Sites allowed to embed this page (one origin per line, optional)"
        name="embedOrigins"
        rows={3}
        spellCheck={false}
        autoComplete="off"
        placeholder="https://client.example"
        className="font-mono"
        value={draft.embedOrigins}
        onChange={(event) => onChange({ embedOrigins: event.target.value })}
        hint="Without any, the page cannot be shown inside another site."
        errors={messages}
      />
    </Section>
  );
}
