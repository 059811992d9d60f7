import { Notice } from "@/components/ui/notice";
import { buttonClass } from "@/components/ui/button";
import type { QueryMessages } from "@/lib/query/report-query";
import { allMessages } from "./builder-messages";

/**
 * A report URL that cannot be read: the codec's messages and a way out, instead of a blank page. The
 * reset is a plain link so it works before (or without) any JavaScript.
 */
export function BrokenReportUrl({ errors }: { errors: QueryMessages }) {
  return (
    <Notice tone="error" className="max-w-2xl">
      <p className="font-medium">This report link can&apos;t be read.</p>
      <ul className="mt-1 list-disc pl-5">
        {allMessages(errors).map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
      <p className="mt-3 flex flex-wrap items-center gap-3">
        <a href="/explore" className={buttonClass("secondary", "py-1")}>
          Start a new report
        </a>
        <span className="text-ink">or ask whoever sent the link for a fresh copy.</span>
      </p>
    </Notice>
  );
}
