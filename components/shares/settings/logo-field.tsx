"use client";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { MAX_LOGO_BYTES, SHARE_LOGO_TYPES, logoUploadSchema } from "@/lib/shares/share";
import { errorsAt, type FieldErrors } from "./field-errors";
import { Hint, Problems, useWiring } from "./form-controls";
import type { LogoDraft } from "./share-draft";

/** The contract's own words for a file too large (the server's check says the same), read from its schema. */
function tooLargeMessage(): string {
  const base64 = logoUploadSchema.shape.base64;
  return base64.safeParse("A".repeat((base64.maxLength ?? 0) + 4)).error?.issues[0]?.message ?? "The logo is too large";
}

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error("The file could not be read"));
    reader.readAsDataURL(file);
  });
}

/** The file as the API takes it (its bytes in base64, without the `data:` prefix), or what is wrong with it. */
async function readLogo(file: File): Promise<{ ok: true; logo: Exclude<LogoDraft, string> } | { ok: false; message: string }> {
  if (file.size > MAX_LOGO_BYTES) return { ok: false, message: tooLargeMessage() };
  const type = logoUploadSchema.shape.type.safeParse(file.type);
  if (!type.success) return { ok: false, message: type.error.issues[0]?.message ?? "Upload a PNG, JPEG or WebP image" };
  const dataUrl = await readAsDataUrl(file);
  const parsed = logoUploadSchema.safeParse({ type: type.data, base64: dataUrl.slice(dataUrl.indexOf(",") + 1) });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "The logo could not be read" };
  return { ok: true, logo: { upload: parsed.data, preview: dataUrl } };
}

type Props = {
  value: LogoDraft;
  /** Where the share's saved logo is served, or null when it has none. */
  current: string | null;
  onChange: (logo: LogoDraft) => void;
  errors: FieldErrors;
};

/** "Logo (optional)": a PNG, JPEG or WebP file, checked here as the server checks it, with a preview and "Remove logo". */
export function LogoField({ value, current, onChange, errors }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // The public route serves it only while the link works (not paused or expired): then the words stand alone.
  const [currentFailed, setCurrentFailed] = useState(false);
  const hasLogo = current !== null;
  const messages = [...(problem ? [problem] : []), ...errorsAt(errors, "logo", "logo.type", "logo.base64")];
  const { id, wiring } = useWiring(true, messages);
  const picked = typeof value === "object" ? value : null;
  const showsCurrent = value === "keep" && hasLogo;

  async function pick(file: File | undefined) {
    setProblem(null);
    if (!file) return;
    const read = await readLogo(file).catch(() => ({ ok: false as const, message: "The file could not be read. Pick it again." }));
    if (read.ok) return onChange(read.logo);
    setProblem(read.message);
    if (input.current) input.current.value = "";
  }

  function remove() {
    // A logo picked but not saved goes away; the saved one is removed when the form is saved.
    onChange(picked && !hasLogo ? "keep" : "remove");
    if (input.current) input.current.value = "";
    setProblem(null);
    input.current?.focus();
  }

  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        Logo (optional)
      </label>
      <input
        ref={input}
        type="file"
        name="logo"
        accept={SHARE_LOGO_TYPES.join(",")}
        className={`${inputClass} file:mr-3 file:rounded file:border-0 file:bg-canvas file:px-2 file:py-1 file:text-ink`}
        {...wiring}
        onChange={(event) => void pick(event.target.files?.[0])}
      />
      <Hint id={id}>PNG, JPEG or WebP, at most {MAX_LOGO_BYTES / 1024} KB. Shown at the top of the client’s page.</Hint>
      <Problems id={id} errors={messages} />
      {picked || showsCurrent || value === "remove" ? (
        <div className="mt-1 flex flex-wrap items-center gap-3">
          {picked ? (
            // A data: URL of the file just picked: next/image has nothing to optimise here.
            // eslint-disable-next-line @next/next/no-img-element
            <img src={picked.preview} alt="Preview of the new logo" className="h-12 max-w-48 rounded border border-line bg-canvas object-contain p-1" />
          ) : null}
          {showsCurrent && current && !currentFailed ? (
            // eslint-disable-next-line @next/next/no-img-element
            <img src={current} alt="The current logo" onError={() => setCurrentFailed(true)} className="h-12 max-w-48 rounded border border-line bg-canvas object-contain p-1" />
          ) : null}
          {showsCurrent ? <p className="text-sm text-muted">This share has a logo.</p> : null}
          {value === "remove" ? <p className="text-sm text-muted">The logo is removed when you save.</p> : null}
          {value === "remove" ? (
            <Button variant="ghost" onClick={() => onChange("keep")}>
              Keep the logo
            </Button>
          ) : (
            <Button variant="ghost" onClick={remove}>
              Remove logo
            </Button>
          )}
        </div>
      ) : null}
    </div>
  );
}
