/**
 * The share form's labelled controls. Unlike components/ui/field.tsx, a message here is not an alert of
 * its own: the form has one summary in role="alert" and moves focus to the first control at fault, whose
 * message is read with it through `aria-describedby`.
 */
import { useId, type ComponentProps, type ReactNode } from "react";
import { inputClass } from "@/components/ui/field";

/** What ties a control to its label, hint and messages. */
export type Wiring = { id: string; "aria-invalid"?: true; "aria-describedby"?: string };

type ShellProps = { label: string; hint?: ReactNode; errors?: string[] };

/** Ids for a hint and a message, and the control's wiring to them. */
export function useWiring(hint: ReactNode, errors: string[] | undefined) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ");
  const wiring: Wiring = { id, "aria-invalid": errors?.length ? true : undefined, "aria-describedby": describedBy || undefined };
  return { id, wiring };
}

export function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={`${id}-hint`} className="text-xs text-muted">
      {children}
    </p>
  );
}

export function Problems({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={`${id}-error`} className="text-xs font-medium text-bad">
      {errors.join(" ")}
    </p>
  );
}

function Shell({ label, hint, errors, control }: ShellProps & { control: (wiring: Wiring) => ReactNode }) {
  const { id, wiring } = useWiring(hint, errors);
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {control(wiring)}
      {hint ? <Hint id={id}>{hint}</Hint> : null}
      <Problems id={id} errors={errors} />
    </div>
  );
}

export function TextField({ label, hint, errors, className, ...props }: Omit<ComponentProps<"input">, "id"> & ShellProps) {
  return <Shell label={label} hint={hint} errors={errors} control={(wiring) => <input {...wiring} {...props} className={`${inputClass} ${className ?? ""}`} />} />;
}

export function TextAreaField({ label, hint, errors, className, ...props }: Omit<ComponentProps<"textarea">, "id"> & ShellProps) {
  return <Shell label={label} hint={hint} errors={errors} control={(wiring) => <textarea {...wiring} {...props} className={`${inputClass} ${className ?? ""}`} />} />;
}

export function SelectField({ label, hint, errors, className, ...props }: Omit<ComponentProps<"select">, "id"> & ShellProps) {
  return <Shell label={label} hint={hint} errors={errors} control={(wiring) => <select {...wiring} {...props} className={`${inputClass} ${className ?? ""}`} />} />;
}

/** A checkbox or radio with its label after it. */
export function Choice({ label, hint, errors, type = "checkbox", ...props }: Omit<ComponentProps<"input">, "id"> & ShellProps) {
  const { id, wiring } = useWiring(hint, errors);
  return (
    <div className="flex flex-col gap-0.5">
      <div className="flex items-center gap-2">
        <input type={type} className="size-4 accent-accent" {...wiring} {...props} />
        <label htmlFor={id} className="text-sm">
          {label}
        </label>
      </div>
      {hint ? <Hint id={id}>{hint}</Hint> : null}
      <Problems id={id} errors={errors} />
    </div>
  );
}

/**
 * A group of controls under a legend, with messages about the group as a whole. `data-invalid` marks it
 * so that the form, focusing the first error, can land on the group's first control.
 */
export function Section({ legend, hint, errors, children }: { legend: string; hint?: ReactNode; errors?: string[]; children: ReactNode }) {
  const { id, wiring } = useWiring(hint, errors);
  return (
    <fieldset className="flex min-w-0 flex-col gap-3 rounded-lg border border-line bg-surface p-4" aria-describedby={wiring["aria-describedby"]} data-invalid={errors?.length ? "" : undefined}>
      <legend className="px-1 text-base font-semibold">{legend}</legend>
      {hint ? <Hint id={id}>{hint}</Hint> : null}
      <Problems id={id} errors={errors} />
      {children}
    </fieldset>
  );
}
