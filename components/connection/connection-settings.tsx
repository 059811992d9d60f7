"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { ApiClientError, apiFetch } from "@/lib/api/client";
import type { TokenInfoView as FathomTokenInfo } from "@/lib/server/token-info";
import type { ConnectionStatus } from "@/lib/server/connection";
import { TokenDetails } from "./token-details";

type Outcome = { tone: "success" | "error"; message: string; token?: FathomTokenInfo };

function describe(status: ConnectionStatus): string {
  const ending = status.tokenHint ? ` (a token ending in …${status.tokenHint})` : "";
  switch (status.mode) {
    case "env":
      return `Sounding uses FATHOM_API_TOKEN from the server's environment${ending}, at ${status.baseUrl}.`;
    case "stored":
      return `Sounding uses the token an admin saved here${ending}, at ${status.baseUrl}.`;
    case "demo":
      return "No token is configured: Sounding shows demo data from its built-in Fathom simulator.";
  }
}

/** The admin's side of the Fathom connection: test, save, replace or remove a token. The token never comes back. */
export function ConnectionSettings({ status }: { status: ConnectionStatus }) {
  const router = useRouter();
  const [token, setToken] = useState("");
  const [busy, setBusy] = useState<"test" | "save" | "remove" | "current" | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [fieldErrors, setFieldErrors] = useState<string[] | undefined>(undefined);

  async function run(kind: NonNullable<typeof busy>, action: () => Promise<Outcome>) {
    setBusy(kind);
    setOutcome(null);
    setFieldErrors(undefined);
    try {
      setOutcome(await action());
    } catch (caught) {
      if (caught instanceof ApiClientError) {
        setOutcome({ tone: "error", message: caught.message });
        setFieldErrors(caught.fields.token);
      } else {
        setOutcome({ tone: "error", message: "Something went wrong. Try again." });
      }
    } finally {
      setBusy(null);
    }
  }

  const testPasted = () =>
    run("test", async () => {
      const answer = await apiFetch<{ token: FathomTokenInfo }>("/api/connection/test", { method: "POST", body: { token } });
      return { tone: "success", message: "Fathom accepted this token. Save it to use it.", token: answer.token };
    });

  const testCurrent = () =>
    run("current", async () => {
      const answer = await apiFetch<{ token: FathomTokenInfo }>("/api/connection/test", { method: "POST", body: {} });
      return { tone: "success", message: "The connection works.", token: answer.token };
    });

  const save = () =>
    run("save", async () => {
      const answer = await apiFetch<{ token: FathomTokenInfo }>("/api/connection", { method: "PUT", body: { token } });
      setToken("");
      router.refresh();
      return { tone: "success", message: "Saved. Sounding now reads your Fathom account with this token.", token: answer.token };
    });

  const remove = () => {
    if (!window.confirm("Remove the saved Fathom token? Sounding goes back to demo data until a token is saved again.")) return;
    void run("remove", async () => {
      await apiFetch("/api/connection", { method: "DELETE" });
      router.refresh();
      return { tone: "success", message: "The token was removed. Sounding shows demo data now." };
    });
  };

  const canEdit = !status.envToken;

  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <Card data-testid="connection-status" data-mode={status.mode}>
        <h2 className="font-medium">Current connection</h2>
        <p className="mt-1 text-sm">{describe(status)}</p>
        {status.storedUnreadable ? (
          <Notice tone="error" className="mt-3">
            The saved token cannot be decrypted with this server&apos;s APP_SECRET (was it changed?). Paste the token again
            below, or remove it.
          </Notice>
        ) : null}
        {status.envToken ? (
          <Notice tone="info" className="mt-3">
            FATHOM_API_TOKEN is set in the server&apos;s environment, so this page is read-only. To change the token, change the
            environment and restart Sounding.
          </Notice>
        ) : null}
        <div className="mt-3 flex flex-wrap gap-2">
          <Button variant="secondary" disabled={busy !== null} onClick={testCurrent}>
            {busy === "current" ? "Testing…" : "Test current connection"}
          </Button>
          {status.mode === "stored" && canEdit ? (
            <Button variant="danger" disabled={busy !== null} onClick={remove}>
              {busy === "remove" ? "Removing…" : "Remove token"}
            </Button>
          ) : null}
        </div>
      </Card>

      {outcome ? (
        <Notice tone={outcome.tone}>
          <p>{outcome.message}</p>
          {outcome.token ? (
            <div className="mt-2">
              <TokenDetails token={outcome.token} />
            </div>
          ) : null}
        </Notice>
      ) : null}

      {canEdit ? (
        <Card>
          <h2 className="font-medium">{status.mode === "stored" ? "Replace the token" : "Connect your Fathom account"}</h2>
          <p className="mt-1 text-sm text-muted">
            Create a token in Fathom under Settings → API (read-only access to all sites is enough for reports). Sounding checks
            it with Fathom, keeps it encrypted on the server, and never shows it again.
          </p>
          <form
            className="mt-3 flex flex-col gap-3"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              void save();
            }}
          >
            <Field
              label="Fathom API token"
              name="token"
              type="password"
              autoComplete="off"
              spellCheck={false}
              value={token}
              onChange={(event) => setToken(event.target.value)}
              errors={fieldErrors}
              required
            />
            <div className="flex flex-wrap gap-2">
              <Button variant="secondary" disabled={busy !== null || token.trim() === ""} onClick={testPasted}>
                {busy === "test" ? "Testing…" : "Test connection"}
              </Button>
              <Button type="submit" disabled={busy !== null || token.trim() === ""}>
                {busy === "save" ? "Saving…" : "Save token"}
              </Button>
            </div>
          </form>
        </Card>
      ) : null}
    </div>
  );
}
