/**
 * Injected upstream faults, for test suites that check how a client copes with Fathom misbehaving:
 * an error status with Fathom's bodies ("status"), or a broken exchange that no status describes —
 * the connection dropped without an answer ("reset"), a 200 whose JSON is cut off ("truncate"), a
 * 200 that is not JSON at all ("malformed"), a request held open and never answered ("hang").
 * Each fault fails the next `count` requests whose path starts with `path`.
 */
import { z } from "zod";
import type { Answer } from "./answers";
import { concurrencyBody } from "./rate-limits";

const target = {
  count: z.number().int().positive(),
  path: z.string().startsWith("/").optional(),
};

const statusFaultSchema = z
  .object({
    // Optional so that faults written before there were kinds keep their meaning.
    kind: z.literal("status").default("status"),
    status: z.number().int().min(100).max(599),
    retryAfter: z.number().int().nonnegative().optional(),
    body: z.unknown().optional(),
    /** Which of Fathom's two 429 bodies: the rate limit's (default) or the concurrency limit's. */
    shape: z.enum(["rate", "concurrency"]).optional(),
    ...target,
  })
  .refine((fault) => fault.shape === undefined || fault.status === 429, { message: "shape is for status 429 only.", path: ["shape"] });

/** A fault to inject (the body of `POST /_sim/faults`). */
export const faultSchema = z.discriminatedUnion("kind", [
  statusFaultSchema,
  z.object({ kind: z.enum(["reset", "truncate", "malformed"]), ...target }),
  z.object({ kind: z.literal("hang"), hangMs: z.number().int().nonnegative().default(60_000), ...target }),
]);
export type Fault = z.infer<typeof faultSchema>;
/** A fault as callers write it: `kind` and `hangMs` may be left out. */
export type FaultInput = z.input<typeof faultSchema>;

/**
 * How a request ends: with an answer; with a 200 whose body stops halfway (`answer.text` is the whole
 * body the headers promise); or with the connection dropped and no answer at all.
 */
export type Exchange = { kind: "answer"; answer: Answer } | { kind: "truncate"; answer: Answer & { text: string } } | { kind: "reset" };

const DEFAULT_BODIES: Record<number, unknown> = {
  429: { message: "Too Many Attempts." },
  500: { error: "Server Error" },
  503: { error: "Our analytics API is briefly at capacity. Please retry shortly." },
};

// What a proxy or maintenance mode in front of an API serves with a 200: a page for people, not JSON.
const HTML_PAGE = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>We'll be right back</title></head>
<body><h1>We'll be right back</h1><p>Fathom is down for scheduled maintenance. Please check back in a few minutes.</p></body>
</html>
`;

/** The pending faults, in the order they were injected; the first that matches a request takes it. */
export class FaultQueue {
  private faults: Fault[] = [];

  /** Validates (throws a ZodError on a malformed fault) and queues. */
  add(fault: FaultInput): void {
    this.faults.push(faultSchema.parse(fault));
  }

  clear(): void {
    this.faults = [];
  }

  /** The fault that takes a request for `pathname`, counted down; undefined when none matches. */
  take(pathname: string): Fault | undefined {
    const fault = this.faults.find((candidate) => pathname.startsWith(candidate.path ?? "/"));
    if (!fault) return undefined;
    fault.count--;
    this.faults = this.faults.filter((candidate) => candidate.count > 0);
    return fault;
  }
}

function statusAnswer(fault: Extract<Fault, { kind: "status" }>, concurrency: number): Answer {
  const retryAfter = fault.retryAfter ?? (fault.status === 429 || fault.status === 503 ? 1 : undefined);
  const body = fault.body ?? (fault.shape === "concurrency" ? concurrencyBody(concurrency) : DEFAULT_BODIES[fault.status]) ?? { error: `Simulated ${fault.status}` };
  return { status: fault.status, body, headers: retryAfter === undefined ? {} : { "Retry-After": String(retryAfter) } };
}

/** A JSON body shaped like the endpoint's answer, long enough that cutting it leaves a value unfinished. */
function plausibleBody(pathname: string): string {
  const days = Array.from({ length: 30 }, (_, day) => `2025-06-${String(day + 1).padStart(2, "0")}`);
  if (pathname.startsWith("/v1/aggregations")) {
    return JSON.stringify(days.map((date, day) => ({ date, pageviews: String(3000 + ((day * 397) % 900)), visits: String(1100 + ((day * 151) % 300)) })));
  }
  const data = days.map((date, day) => ({ id: `SITE${String.fromCharCode(65 + (day % 26))}`, object: "site", name: `Site of ${date}`, sharing: "none", created_at: `${date} 09:00:00` }));
  return JSON.stringify({ object: "list", url: pathname, has_more: false, data });
}

/** The part of a truncated body that gets through: the first half. */
export const truncated = (text: string) => text.slice(0, Math.floor(text.length / 2));

/** Resolves after `ms`, or as soon as `signal` aborts, and leaves no timer or listener behind. */
function hold(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done);
  });
}

/** What `fault` makes of a request (its latency has passed). `signal` is the request's: aborting it ends a hang. */
export async function faultExchange(fault: Fault, request: { pathname: string; concurrency: number; signal: AbortSignal }): Promise<Exchange> {
  switch (fault.kind) {
    case "status":
      return { kind: "answer", answer: statusAnswer(fault, request.concurrency) };
    case "reset":
      return { kind: "reset" };
    case "truncate":
      return { kind: "truncate", answer: { status: 200, body: null, text: plausibleBody(request.pathname) } };
    case "malformed":
      return { kind: "answer", answer: { status: 200, body: null, text: HTML_PAGE, headers: { "Content-Type": "text/html; charset=UTF-8" } } };
    case "hang":
      await hold(fault.hangMs, request.signal);
      return { kind: "reset" };
  }
}

/** The error fetch (undici) rejects with when the other side drops the connection before answering. */
export function networkError(): TypeError {
  const cause = Object.assign(new Error("other side closed"), { name: "SocketError", code: "UND_ERR_SOCKET" });
  return new TypeError("fetch failed", { cause });
}
