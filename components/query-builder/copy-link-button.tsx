"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

/**
 * "Copy link": puts the report's address on the clipboard and says so. Where the clipboard is refused
 * (an insecure origin, a denied permission) the link is shown, selected, to copy by hand. Render it with
 * `key={href}` so a new report starts from "idle". `edited`: the builder holds changes not yet run, so the
 * button says which report it copies (the one shown).
 */
export function CopyLinkButton({ href, edited = false }: { href: string; edited?: boolean }) {
  const [state, setState] = useState<"idle" | "copied" | "manual">("idle");

  async function copy() {
    const absolute = new URL(href, window.location.origin).toString();
    try {
      await navigator.clipboard.writeText(absolute);
      setState("copied");
    } catch {
      setState("manual");
    }
  }

  return (
    <div className="flex flex-col items-end gap-1">
      <Button variant="secondary" onClick={copy}>
        {edited ? "Copy link to the report shown" : "Copy link"}
      </Button>
      <span role="status" className="text-xs text-muted">
        {state === "copied"
          ? edited
            ? "Link copied to the report shown, without the builder's changes: run them first to share them."
            : "Link copied — anyone on your team who opens it sees this report."
          : null}
      </span>
      {state === "manual" ? (
        <input
          aria-label="Report link"
          readOnly
          autoFocus
          className={`${inputClass} font-mono text-xs`}
          value={new URL(href, window.location.origin).toString()}
          onFocus={(event) => event.currentTarget.select()}
        />
      ) : null}
    </div>
  );
}
