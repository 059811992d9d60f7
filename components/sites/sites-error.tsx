import type { ReactNode } from "react";
import { Notice } from "@/components/ui/notice";
import type { ApiErrorBody } from "@/lib/api/errors";

const TOKEN_PROBLEMS = new Set(["fathom_unauthorized", "fathom_token_unreadable"]);

/** Why the sites could not be loaded, and what to do about it. */
export function SitesError({ error, isAdmin }: { error: ApiErrorBody["error"]; isAdmin: boolean }) {
  let next: ReactNode = (
    <>
      <a href="/sites" className="underline">
        Try again
      </a>{" "}
      in a moment.
    </>
  );
  if (TOKEN_PROBLEMS.has(error.code)) {
    next = isAdmin ? (
      <a href="/settings/connection" className="underline">
        Check the Fathom connection
      </a>
    ) : (
      "Ask an admin to check the Fathom connection in Settings."
    );
  } else if (error.retryAfter !== undefined) {
    next = (
      <>
        <a href="/sites" className="underline">
          Try again
        </a>{" "}
        in {error.retryAfter} s.
      </>
    );
  }
  return (
    <Notice tone="error" className="max-w-2xl">
      <p className="font-medium" data-testid="sites-error" data-code={error.code}>
        The sites could not be loaded. {error.message}
      </p>
      <p className="mt-1">{next}</p>
    </Notice>
  );
}
