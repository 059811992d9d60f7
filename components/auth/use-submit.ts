"use client";
import { useState } from "react";
import { ApiClientError, apiFetch } from "@/lib/api/client";

/** Posts a form's JSON and keeps the server's message and field errors for display. */
export function useSubmit<T>(path: string, method = "POST") {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string[]>>({});

  async function submit(body: unknown): Promise<T | null> {
    setPending(true);
    setError(null);
    setFields({});
    try {
      return await apiFetch<T>(path, { method, body });
    } catch (caught) {
      if (caught instanceof ApiClientError) {
        const hasFields = Object.keys(caught.fields).length > 0;
        setError(hasFields ? "Check the highlighted fields." : caught.message);
        setFields(caught.fields);
      } else {
        setError("Something went wrong. Try again.");
      }
      return null;
    } finally {
      setPending(false);
    }
  }

  return { submit, pending, error, fields };
}
