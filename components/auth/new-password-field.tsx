import { Field } from "@/components/ui/field";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-rules";

/** A password being chosen (an account's first, or a change): the browser may suggest one, the hint says the rule. */
export function NewPasswordField({ label, name, note, errors }: { label: string; name: string; note?: string; errors?: string[] }) {
  return (
    <Field
      label={label}
      name={name}
      type="password"
      autoComplete="new-password"
      required
      minLength={MIN_PASSWORD_LENGTH}
      hint={`At least ${MIN_PASSWORD_LENGTH} characters.${note ? ` ${note}` : ""}`}
      errors={errors}
    />
  );
}
