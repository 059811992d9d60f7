"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { ApiClientError, apiFetch } from "@/lib/api/client";
import type { SessionView } from "@/lib/auth/sessions";
import { deviceLabel } from "./device-label";

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });

/** Your signed-in browsers: sign one out, or all of them (this one too). */
export function SessionsList({ sessions }: { sessions: SessionView[] }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(action: () => Promise<unknown>, after: () => void) {
    setBusy(true);
    setError(null);
    try {
      await action();
      after();
    } catch (caught) {
      setError(caught instanceof ApiClientError ? caught.message : "Something went wrong. Try again.");
    } finally {
      setBusy(false);
    }
  }

  const signOutEverywhere = () =>
    run(
      () => apiFetch("/api/account/sessions", { method: "DELETE" }),
      () => {
        router.replace("/login");
        router.refresh();
      },
    );

  return (
    <div className="flex flex-col gap-3">
      {error ? <Notice tone="error">{error}</Notice> : null}
      <ul className="divide-y divide-line rounded-md border border-line" aria-label="Signed-in browsers">
        {sessions.map((session) => (
          <li key={session.handle} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3 text-sm" data-testid="session">
            <div className="min-w-0">
              <p className="font-medium" title={session.userAgent}>
                {deviceLabel(session.userAgent)} {session.current ? <span className="ml-1 rounded bg-line/60 px-1.5 py-0.5 text-xs">this browser</span> : null}
              </p>
              <p className="text-xs text-muted">
                Signed in {when(session.createdAt)} · last seen {when(session.lastSeenAt)} · {session.address}
              </p>
            </div>
            {session.current ? null : (
              <Button
                variant="secondary"
                disabled={busy}
                aria-label={`Sign out ${deviceLabel(session.userAgent)}, last seen ${when(session.lastSeenAt)}`}
                onClick={() => run(() => apiFetch(`/api/account/sessions/${session.handle}`, { method: "DELETE" }), () => router.refresh())}
              >
                Sign out
              </Button>
            )}
          </li>
        ))}
      </ul>
      <div>
        <Button variant="danger" disabled={busy} onClick={signOutEverywhere}>
          Sign out everywhere
        </Button>
        <p className="mt-1 text-xs text-muted">Ends every session of yours, this one included: use it if you lost a device or shared your password.</p>
      </div>
    </div>
  );
}
