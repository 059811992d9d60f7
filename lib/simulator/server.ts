/**
 * The simulator over real HTTP, for end-to-end tests and benchmarks: `/v1/...` goes to the simulator's
 * handler; `/_sim/...` is the control surface (JSON). Listens on loopback unless told otherwise, and
 * generates the dataset in the background once listening so the first reports are quick. Injected
 * network faults happen on the socket itself (dropped, cut short, held open), as a client would see
 * them from a real upstream.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import { toResponse } from "./answers";
import { faultSchema, truncated, type Exchange } from "./faults";
import { rateLimitsSchema } from "./rate-limits";
import { createSimulator, type Simulator, type SimulatorOptions } from "./simulator";

/** `warmUp` defaults to true here: the server generates its data in the background once started. */
export type SimulatorServerOptions = SimulatorOptions & { port?: number; host?: string };
export type SimulatorServer = { url: string; close(): Promise<void>; simulator: Simulator };

const configSchema = z.object({
  latencyMs: z.number().nonnegative().optional(),
  rateLimits: z.union([rateLimitsSchema, z.literal(false)]).optional(),
  now: z.iso.datetime({ offset: true }).nullable().optional(),
  currentVisitors: z.object({ siteId: z.string().min(1), total: z.number().int().nonnegative().nullable() }).optional(),
  token: z.string().min(1).optional(),
});

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of request) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

function send(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { "Content-Type": "application/json" });
  response.end(JSON.stringify(body));
}

async function control(simulator: Simulator, method: string, path: string, raw: Buffer, response: ServerResponse) {
  const { control } = simulator;
  let json: unknown = {};
  try {
    json = raw.length ? JSON.parse(raw.toString("utf8")) : {};
  } catch {
    return send(response, 400, { error: "The body is not valid JSON." });
  }
  const parse = <T>(schema: z.ZodType<T>): T | null => {
    const result = schema.safeParse(json);
    if (result.success) return result.data;
    send(response, 400, { error: z.prettifyError(result.error) });
    return null;
  };
  const route = `${method} ${path}`;
  if (route === "GET /_sim/health") return send(response, 200, { ok: true });
  if (route === "GET /_sim/requests") return send(response, 200, control.requests());
  if (route === "DELETE /_sim/requests") return control.clearRequests(), send(response, 200, { ok: true });
  if (route === "DELETE /_sim/faults") return control.clearFaults(), send(response, 200, { ok: true });
  if (route === "POST /_sim/reset") return control.reset(), send(response, 200, { ok: true });
  if (route === "POST /_sim/faults") {
    const fault = parse(faultSchema);
    if (fault) {
      control.injectFault(fault);
      send(response, 200, { ok: true });
    }
    return;
  }
  if (route === "POST /_sim/config") {
    const config = parse(configSchema);
    if (!config) return;
    if (config.latencyMs !== undefined) control.setLatency(config.latencyMs);
    if (config.rateLimits !== undefined) control.setRateLimits(config.rateLimits);
    if (config.now !== undefined) control.setNow(config.now === null ? null : new Date(config.now));
    if (config.currentVisitors) control.setCurrentVisitors(config.currentVisitors.siteId, config.currentVisitors.total);
    if (config.token !== undefined) control.setToken(config.token);
    return send(response, 200, { ok: true });
  }
  send(response, 404, { error: `No control route ${route}.` });
}

/** Plays how the exchange ends on the socket: the answer; a body cut off short of its Content-Length; or no answer. */
async function deliver(response: ServerResponse, exchange: Exchange) {
  if (exchange.kind === "reset") return void response.destroy();
  const answer = toResponse(exchange.answer);
  const headers = Object.fromEntries(answer.headers);
  if (exchange.kind === "answer") {
    response.writeHead(answer.status, headers);
    return void response.end(Buffer.from(await answer.arrayBuffer()));
  }
  // The headers promise the whole body; half of it is written, then the connection goes.
  response.writeHead(answer.status, { ...headers, "Content-Length": String(Buffer.byteLength(exchange.answer.text)) });
  response.write(truncated(exchange.answer.text), () => response.destroy());
}

export async function startSimulatorServer(options: SimulatorServerOptions = {}): Promise<SimulatorServer> {
  const { port = 8787, host = "127.0.0.1", warmUp = true, ...simulatorOptions } = options;
  const simulator = createSimulator({ ...simulatorOptions, warmUp });
  // The signal of each request being answered, which ends a hang early: aborted when its response
  // closes, that is when it is finished or its connection is gone (the client left), and by close()
  // itself, since the sockets it destroys only report their closing after close() has resolved.
  const pending = new Set<AbortController>();
  const server = createServer((request, response) => {
    const controller = new AbortController();
    pending.add(controller);
    // (A request's own "close" comes as soon as its body is read, so the response's is the one to watch.)
    response.once("close", () => {
      pending.delete(controller);
      controller.abort();
    });
    void (async () => {
      const raw = await readBody(request);
      const target = request.url ?? "/";
      const url = new URL(target, `http://${request.headers.host ?? `${host}:${port}`}`);
      if (url.pathname.startsWith("/_sim/")) return control(simulator, request.method ?? "GET", url.pathname, raw, response);
      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
      const method = request.method ?? "GET";
      const body = method === "GET" || method === "HEAD" || !raw.length ? undefined : new Uint8Array(raw);
      // The query as it came on the wire: URL parsing re-encodes some characters (a quote becomes %27).
      const rawQuery = target.includes("?") ? target.slice(target.indexOf("?") + 1) : "";
      await deliver(response, await simulator.exchange(new Request(url, { method, headers, body }), { rawQuery, signal: controller.signal }));
    })().catch((error: unknown) => {
      console.error("[simulator] request failed", error);
      if (!response.headersSent) send(response, 500, { error: "Server Error" });
      else response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${address.port}`,
    simulator,
    close: () =>
      new Promise<void>((resolve) => {
        for (const controller of pending) controller.abort();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
