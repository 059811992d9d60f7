/**
 * The load bench's client side (./load.bench.ts): one HTTP client for every simulated person, closed loops
 * of them, and the tally of what they got back.
 *
 * The client is undici's own `request` on an `Agent` with a large connection pool when the `undici` package
 * is in node_modules (jsdom brings it; it is not a dependency of ours), else Node's global fetch (undici
 * inside, keep-alive, no per-origin connection cap). `request` costs the client far less CPU per request
 * than fetch, so the server, not the bench, is what runs out first; the bench reports both CPUs per phase
 * to show which one did. Redirects are never followed: a 3xx counts as an error, by its status.
 */
import { percentile } from "./bench-server";

export type Kind = "page" | "data" | "explorer" | "health" | "session" | "report";
export type Hit = { status: number; bytes: number; error?: string };
export type HttpClient = { name: string; get(url: string, headers: Record<string, string>): Promise<Hit>; close(): Promise<void> };

/** The part of undici's API used here, typed locally so the bench compiles without the package. */
type UndiciModule = {
  Agent: new (options: { connections: number; keepAliveTimeout?: number }) => { close(): Promise<void> };
  request(
    url: string,
    options: { method: "GET"; headers: Record<string, string>; dispatcher: unknown },
  ): Promise<{ statusCode: number; body: { arrayBuffer(): Promise<ArrayBuffer> } }>;
};

const message = (error: unknown) => (error instanceof Error ? `${error.message}${error.cause instanceof Error ? `: ${error.cause.message}` : ""}` : String(error));

export async function httpClient(connections: number): Promise<HttpClient> {
  // By name, so TypeScript does not need undici's types and the bench still runs on fetch without it.
  const specifier = "undici";
  const undici = (await import(specifier).catch(() => null)) as UndiciModule | null;
  if (undici) {
    const agent = new undici.Agent({ connections, keepAliveTimeout: 10_000 });
    return {
      name: `undici.request, Agent({ connections: ${connections} })`,
      async get(url, headers) {
        try {
          const response = await undici.request(url, { method: "GET", headers, dispatcher: agent });
          return { status: response.statusCode, bytes: (await response.body.arrayBuffer()).byteLength };
        } catch (error) {
          return { status: 0, bytes: 0, error: message(error) };
        }
      },
      close: () => agent.close(),
    };
  }
  return {
    name: "global fetch (keep-alive, no connection cap; undici is not installed)",
    async get(url, headers) {
      try {
        const response = await fetch(url, { headers, redirect: "manual" });
        return { status: response.status, bytes: (await response.arrayBuffer()).byteLength };
      } catch (error) {
        return { status: 0, bytes: 0, error: message(error) };
      }
    },
    close: async () => {},
  };
}

/** Every answer of one phase, by kind: latencies, statuses, bytes. */
export class Tally {
  private readonly samples = new Map<Kind, { ms: number[]; statuses: Map<number, number>; bytes: number }>();
  /** The first few network error messages, for the report. */
  readonly networkErrors = new Set<string>();

  async time(client: HttpClient, kind: Kind, url: string, headers: Record<string, string>): Promise<void> {
    const started = performance.now();
    const hit = await client.get(url, headers);
    const ms = performance.now() - started;
    let entry = this.samples.get(kind);
    if (!entry) this.samples.set(kind, (entry = { ms: [], statuses: new Map(), bytes: 0 }));
    entry.ms.push(ms);
    entry.statuses.set(hit.status, (entry.statuses.get(hit.status) ?? 0) + 1);
    entry.bytes += hit.bytes;
    if (hit.error && this.networkErrors.size < 5) this.networkErrors.add(hit.error);
  }

  /** Per kind: requests, errors by status (0: no answer), latency percentiles (ms), mean answer size, req/s over `seconds`. */
  summary(seconds: number) {
    const round = (ms: number) => Number(ms.toFixed(1));
    const kinds = [...this.samples.entries()].map(([kind, { ms, statuses, bytes }]) => {
      const errors = Object.fromEntries([...statuses].filter(([status]) => status < 200 || status > 299).map(([status, count]) => [String(status), count]));
      return [
        kind,
        {
          requests: ms.length,
          errors: Object.values(errors).reduce((sum, count) => sum + count, 0),
          errorsByStatus: errors,
          perSecond: round(ms.length / seconds),
          latencyMs: { p50: round(percentile(ms, 50)), p95: round(percentile(ms, 95)), p99: round(percentile(ms, 99)), max: round(percentile(ms, 100)) },
          meanBytes: Math.round(bytes / Math.max(1, ms.length)),
        },
      ] as const;
    });
    return Object.fromEntries(kinds) as Partial<Record<Kind, KindSummary>>;
  }
}

export type KindSummary = {
  requests: number;
  errors: number;
  errorsByStatus: Record<string, number>;
  perSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  /** The body as it came over the wire with undici (gzipped when asked for), decoded with fetch. */
  meanBytes: number;
};

/**
 * `clients` closed loops: each calls `step(client, iteration)` again as soon as the last one ended, until
 * `seconds` have passed (requests in flight then are finished and counted). Answers the seconds it took.
 */
export async function closedLoop(clients: number, seconds: number, step: (client: number, iteration: number) => Promise<void>): Promise<number> {
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let iteration = 0; performance.now() < until; iteration++) await step(client, iteration);
    }),
  );
  return (performance.now() - started) / 1000;
}
