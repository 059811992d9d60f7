"use client";
import { useRef, useState } from "react";
import { NewPasswordField } from "@/components/auth/new-password-field";
import { useSubmit } from "@/components/auth/use-submit";
import { Field } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";
import { Notice } from "@/components/ui/notice";

/** Change your password; every other browser signed in as you is signed out. */
export function PasswordForm() {
  const form = useRef<HTMLFormElement>(null);
  const { submit, pending, error, fields } = useSubmit<{ endedSessions: number }>("/api/account/password");
  const [done, setDone] = useState<string | null>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(null);
    const data = new FormData(event.currentTarget);
    const answer = await submit({ currentPassword: data.get("currentPassword"), newPassword: data.get("newPassword") });
    if (!answer) return;
    form.current?.reset();
    const others = answer.endedSessions;
    setDone(`Password changed.${others > 0 ? ` ${others} other ${others === 1 ? "browser was" : "browsers were"} signed out.` : ""}`);
  }

  return (
    <form ref={form} onSubmit={onSubmit} className="flex max-w-sm flex-col gap-3" noValidate aria-label="Change password">
      {done ? <Notice tone="success">{done}</Notice> : null}
      {error && !Object.keys(fields).length ? <Notice tone="error">{error}</Notice> : null}
      <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" required errors={fields.currentPassword} />
      <NewPasswordField label="New password" name="newPassword" note="Other browsers signed in as you will be signed out." errors={fields.newPassword} />
      <FormActions otherMessages={[]} submitLabel={pending ? "Changing…" : "Change password"} pending={pending} className="" />
    </form>
  );
}
