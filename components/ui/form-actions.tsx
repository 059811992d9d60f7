import { Button } from "./button";

/**
 * The end of a small inline form: messages that belong to no field (Fathom's or ours), then Submit and
 * an optional Cancel, both disabled while the write is on its way.
 */
export function FormActions({
  otherMessages,
  submitLabel,
  pending,
  onCancel,
  className = "sm:pt-6",
}: {
  otherMessages: string[];
  submitLabel: string;
  pending?: boolean;
  onCancel?: () => void;
  className?: string;
}) {
  return (
    <>
      {otherMessages.length ? (
        <p className="text-xs text-bad" role="alert">
          {otherMessages.join(" ")}
        </p>
      ) : null}
      <div className={`flex gap-2 ${className}`}>
        <Button type="submit" disabled={pending}>
          {submitLabel}
        </Button>
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel} disabled={pending}>
            Cancel
          </Button>
        ) : null}
      </div>
    </>
  );
}
