"use client";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useSubmit } from "./use-submit";

export function LoginForm({ next }: { next: string }) {
  const router = useRouter();
  const { submit, pending, error, fields } = useSubmit("/api/session");

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    if (await submit({ email: form.get("email"), password: form.get("password") })) {
      router.replace(next);
      router.refresh();
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {error ? <Notice tone="error">{error}</Notice> : null}
      <Field label="Email" name="email" type="email" autoComplete="email" required errors={fields.email} />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required errors={fields.password} />
      <Button type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
