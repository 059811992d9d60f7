"use client";
import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { ApiClientError } from "@/lib/api/client";
import type { Share } from "@/lib/shares/share";
import { AccessFields } from "./access-fields";
import { BrandingFields } from "./branding-fields";
import { EmbeddingFields } from "./embedding-fields";
import { errorsAt, placedCount, unplacedErrors, type FieldErrors } from "./field-errors";
import { TextField } from "./form-controls";
import { LockedFiltersFields } from "./locked-filters-fields";
import { MilestoneFields, type TargetSite } from "./milestone-fields";
import { newShareBody, newShareDraft, shareChangeBody, shareDraftOf, type ShareDraft } from "./share-draft";
import { changeShare, createShare, shareKeys } from "./share-queries";
import { WindowFields } from "./window-fields";

export type ShareFormProps =
  | { mode: "create"; target: Share["target"]; sites: TargetSite[] }
  | { mode: "edit"; share: Share; sites: TargetSite[] };

type Failure = { fields: FieldErrors; headline: string; others: string[] };

/** The request the draft becomes, checked with the contract's schema first; or the messages of what it refuses. */
function prepare(props: ShareFormProps, draft: ShareDraft): { ok: true; send: () => Promise<Share> } | { ok: false; fields: FieldErrors } {
  if (props.mode === "create") {
    const checked = newShareBody(draft, props.target);
    return checked.ok ? { ok: true, send: () => createShare(checked.body) } : checked;
  }
  const checked = shareChangeBody(draft);
  return checked.ok ? { ok: true, send: () => changeShare(props.share.id, checked.body) } : checked;
}

/** The saved logo, from the share's public route (same origin); the version in the query outlasts the browser's cache of an older one. */
function currentLogoSrc(share: Share): string | null {
  return share.hasLogo ? `/share/${encodeURIComponent(share.slug)}/logo?v=${encodeURIComponent(share.updatedAt)}` : null;
}

function failureOf(fields: FieldErrors, fallback: string, verb: string): Failure {
  const count = placedCount(fields);
  const headline = count ? `The share was not ${verb}: ${count === 1 ? "one field needs" : `${count} fields need`} a change.` : fallback;
  return { fields, headline, others: unplacedErrors(fields).filter((message) => message !== headline) };
}

/**
 * One form for a new share and for changing one: who it is for and who may open it, the date window,
 * locked filters, milestones, branding, embedding and the refresh interval. It is checked with the
 * contract's schemas before sending; every message (the form's or the server's) is shown beside its
 * control, the first of them takes the focus, and a summary is announced.
 */
export function ShareForm(props: ShareFormProps) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState<Share | null>(props.mode === "edit" ? props.share : null);
  const [draft, setDraft] = useState<ShareDraft>(() => (props.mode === "edit" ? shareDraftOf(props.share) : newShareDraft()));
  const [failure, setFailure] = useState<Failure | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState(false);
  const [saved, setSaved] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const summary = useRef<HTMLDivElement>(null);
  const target = props.mode === "create" ? props.target : (current ?? props.share).target;
  const verb = props.mode === "create" ? "created" : "saved";
  const errors = failure?.fields ?? {};

  // After a refused attempt, the first control at fault takes the focus (its message is read with it);
  // when no control is at fault, the summary does.
  useEffect(() => {
    if (attempt === 0) return;
    const first = form.current?.querySelector<HTMLElement>(
      '[aria-invalid="true"], fieldset[data-invalid] input, fieldset[data-invalid] select, fieldset[data-invalid] textarea',
    );
    (first ?? summary.current)?.focus();
  }, [attempt]);

  function change(patch: Partial<ShareDraft>) {
    setSaved(false);
    setDraft((before) => ({ ...before, ...patch }));
  }

  function refuse(next: Failure) {
    setFailure(next);
    setAttempt((n) => n + 1);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const prepared = prepare(props, draft);
    if (!prepared.ok) return refuse(failureOf(prepared.fields, `The share was not ${verb}. Check the form.`, verb));
    setPending(true);
    try {
      const share = await prepared.send();
      // The list page brings its own fresh list; a cached one would hide this change from it.
      queryClient.removeQueries({ queryKey: shareKeys.list() });
      // Still pending while the list opens, so the form cannot be sent twice.
      if (props.mode === "create") return router.push(`/settings/shares?created=${share.id}`);
      setCurrent(share);
      setDraft(shareDraftOf(share));
      setFailure(null);
      setSaved(true);
      setPending(false);
    } catch (error) {
      setPending(false);
      refuse(
        error instanceof ApiClientError
          ? failureOf(error.fields, `The share was not ${verb}. ${error.message}`, verb)
          : failureOf({}, `The share was not ${verb}. Try again.`, verb),
      );
    }
  }

  return (
    <form ref={form} noValidate onSubmit={submit} className="flex max-w-3xl flex-col gap-6" aria-label={props.mode === "create" ? "New client share" : "Client share settings"}>
      <AccessFields draft={draft} onChange={change} errors={errors} current={current ?? undefined} />
      <WindowFields draft={draft} onChange={change} errors={errors} kind={target.kind} />
      <LockedFiltersFields draft={draft} onChange={change} errors={errors} />
      <MilestoneFields draft={draft} onChange={change} errors={errors} sites={props.sites} />
      <BrandingFields draft={draft} onChange={change} errors={errors} currentLogo={current ? currentLogoSrc(current) : null} />
      <EmbeddingFields draft={draft} onChange={change} errors={errors} />
      <TextField
        label="Refresh figures at most every (minutes)"
        name="refreshMinutes"
        type="number"
        inputMode="numeric"
        min={1}
        max={1440}
        step={1}
        className="max-w-32"
        value={draft.refreshMinutes}
        onChange={(event) => change({ refreshMinutes: event.target.value })}
        hint="For periods that include today. However many people open the link, Fathom is asked at most this often."
        errors={errorsAt(errors, "settings.refreshMinutes")}
      />
      {failure ? (
        <div ref={summary} tabIndex={-1} role="alert" className="rounded-md border border-bad/40 bg-bad/10 px-3 py-2 text-sm text-bad">
          <p className="font-medium">{failure.headline}</p>
          {failure.others.length ? (
            <ul className="mt-1 list-disc pl-5">
              {failure.others.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {props.mode === "create" ? (pending ? "Creating…" : "Create share") : pending ? "Saving…" : "Save changes"}
        </Button>
        <Link href="/settings/shares" className={buttonClass("ghost")}>
          {props.mode === "create" ? "Cancel" : "All client shares"}
        </Link>
        <p role="status" className="text-sm font-medium text-good">
          {saved ? "Saved" : null}
        </p>
      </div>
    </form>
  );
}
