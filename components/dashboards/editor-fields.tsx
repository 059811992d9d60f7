"use client";
import { useId, type Ref } from "react";
import { inputClass } from "@/components/ui/field";
import { MAX_REPORT_DESCRIPTION, MAX_REPORT_NAME } from "@/lib/reports/saved-report";

type Props = {
  name: string;
  description: string;
  nameError: string | null;
  nameRef: Ref<HTMLInputElement>;
  onName: (name: string) => void;
  onDescription: (description: string) => void;
};

/** The board's name and description while editing; saved with the tiles as one version. */
export function EditorFields({ name, description, nameError, nameRef, onName, onDescription }: Props) {
  const id = useId();
  return (
    <div className="grid gap-3 md:grid-cols-2">
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-name`} className="text-sm font-medium">
          Name
        </label>
        <input
          id={`${id}-name`}
          ref={nameRef}
          className={inputClass}
          value={name}
          maxLength={MAX_REPORT_NAME + 20}
          aria-invalid={nameError ? true : undefined}
          aria-describedby={nameError ? `${id}-name-error` : undefined}
          onChange={(event) => onName(event.target.value)}
        />
        {nameError ? (
          <p id={`${id}-name-error`} className="text-xs text-bad" role="alert">
            {nameError}
          </p>
        ) : null}
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-description`} className="text-sm font-medium">
          Description
        </label>
        <textarea
          id={`${id}-description`}
          rows={1}
          className={inputClass}
          value={description}
          maxLength={MAX_REPORT_DESCRIPTION + 20}
          aria-describedby={`${id}-description-hint`}
          onChange={(event) => onDescription(event.target.value)}
        />
        <p id={`${id}-description-hint`} className="text-xs text-muted">
          Optional: what the board is for, shown under its name.
        </p>
      </div>
    </div>
  );
}
