import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from "react";

export const inputClass =
  "w-full rounded-md border border-line bg-surface px-3 py-2 text-sm text-ink placeholder:text-muted aria-[invalid=true]:border-bad";

type ShellProps = { label: string; hint?: string; errors?: string[] };
type ControlWiring = { id: string; "aria-invalid"?: true; "aria-describedby"?: string };

/** A label, its control, a hint and error messages, wired together for screen readers. */
function FieldShell({ label, hint, errors, control }: ShellProps & { control: (wiring: ControlWiring) => ReactNode }) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {control({ id, "aria-invalid": errors?.length ? true : undefined, "aria-describedby": describedBy || undefined })}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${id}-error`} className="text-xs text-bad" role="alert">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled input with its hint and error messages. */
export function Field({ label, hint, errors, ...props }: InputHTMLAttributes<HTMLInputElement> & ShellProps) {
  return <FieldShell label={label} hint={hint} errors={errors} control={(wiring) => <input className={inputClass} {...wiring} {...props} />} />;
}

/** A labelled select with its hint and error messages. */
export function SelectField({ label, hint, errors, ...props }: SelectHTMLAttributes<HTMLSelectElement> & ShellProps) {
  return <FieldShell label={label} hint={hint} errors={errors} control={(wiring) => <select className={inputClass} {...wiring} {...props} />} />;
}
