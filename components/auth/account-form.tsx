"use client";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { NewPasswordField } from "./new-password-field";
import { useSubmit } from "./use-submit";

/** Creates an account: the first admin on /setup, or an invitee on /invite/… . Signs in on success. */
export function AccountForm({ action, submitLabel, redirectTo = "/explore" }: { action: string; submitLabel: string; redirectTo?: string }) {
  const router = useRouter();
  const { submit, pending, error, fields } = useSubmit(action);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const done = await submit({ name: form.get("name"), email: form.get("email"), password: form.get("password") });
    if (done) {
      router.replace(redirectTo);
      router.refresh();
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {error ? <Notice tone="error">{error}</Notice> : null}
      <Field label="Name" name="name" autoComplete="name" required errors={fields.name} />
      <Field label="Email" name="email" type="email" autoComplete="email" required errors={fields.email} />
      <NewPasswordField label="Password" name="password" errors={fields.password} />
      <Button type="submit" disabled={pending}>
        {pending ? "Working…" : submitLabel}
      </Button>
    </form>
  );
}
