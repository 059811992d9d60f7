import { useId, type ReactNode } from "react";

/** Classes shared by the builder's native selects and inputs. */
export const controlClass =
  "w-full rounded-md border border-line bg-surface px-2 py-1.5 text-sm text-ink aria-[invalid=true]:border-bad";
export const labelClass = "text-xs font-medium uppercase tracking-wide text-muted";

export type ControlProps = { id: string; "aria-describedby"?: string; "aria-invalid"?: true };

/** The messages of one control, in red, with an id its control points at (aria-describedby). */
export function ControlMessages({ id, messages }: { id: string; messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <p id={id} className="text-xs text-bad">
      {messages.join(" ")}
    </p>
  );
}

/**
 * A labelled control with its hint and messages, wired for screen readers. The control itself is a
 * render prop so a native select, an input or a composite can take the same ids.
 */
type ControlFieldProps = {
  label: string;
  hint?: ReactNode;
  messages?: readonly string[];
  className?: string;
  children: (props: ControlProps) => ReactNode;
};

export function ControlField({ label, hint, messages = [], className = "", children }: ControlFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const messageId = `${id}-messages`;
  const describedBy = [hint ? hintId : null, messages.length ? messageId : null].filter(Boolean).join(" ");
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      {children({ id, "aria-describedby": describedBy || undefined, "aria-invalid": messages.length ? true : undefined })}
      {hint ? (
        <p id={hintId} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      <ControlMessages id={messageId} messages={messages} />
    </div>
  );
}

type Option = { value: string; label: string };

/** A labelled native select of `options`; `placeholder` comes first, standing for a value that is none of them. */
export function ControlSelect({
  value,
  options,
  placeholder,
  onChange,
  ...field
}: Omit<ControlFieldProps, "children"> & {
  value: string;
  options: readonly Option[];
  placeholder?: Option;
  onChange: (value: string) => void;
}) {
  return (
    <ControlField {...field}>
      {(props) => (
        <select {...props} className={controlClass} value={value} onChange={(event) => onChange(event.target.value)}>
          {placeholder ? <option value={placeholder.value}>{placeholder.label}</option> : null}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </ControlField>
  );
}
