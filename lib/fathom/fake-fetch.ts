/** Test support: a fetch that records what the client sent and answers from a function. */

export type RecordedRequest = {
  method: string;
  url: URL;
  headers: Headers;
  /** The raw body text, or null when none was sent. */
  body: string | null;
  signal: AbortSignal | null;
};

export type Responder = (request: RecordedRequest, index: number) => Response | Promise<Response>;

export function fakeFetch(respond: Responder) {
  const calls: RecordedRequest[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const body = init?.body === undefined || init.body === null ? null : await request.text();
    const recorded: RecordedRequest = {
      method: request.method,
      url: new URL(request.url),
      headers: request.headers,
      body,
      signal: init?.signal ?? null,
    };
    calls.push(recorded);
    return respond(recorded, calls.length - 1);
  }) as typeof fetch;
  return { fetch: fetchImpl, calls };
}

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });
}
