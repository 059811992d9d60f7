/**
 * The simulator over real HTTP, for end-to-end tests and benchmarks: `/v1/...` goes to the simulator's
 * handler; `/_sim/...` is the control surface (JSON). Listens on loopback unless told otherwise, and
 * generates the dataset in the background once listening so the first reports are quick.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import { rateLimitsSchema } from "./rate-limits";
import { createSimulator, faultSchema, type Simulator, type SimulatorOptions } from "./simulator";

/** `warmUp` defaults to true here: the server generates its data in the background once started. */
export type SimulatorServerOptions = SimulatorOptions & { port?: number; host?: string };
export type SimulatorServer = { url: string; close(): Promise<void>; simulator: Simulator };

const configSchema = z.object({
  latencyMs: z.number().nonnegative().optional(),
  rateLimits: z.union([rateLimitsSchema, z.literal(false)]).optional(),
  now: z.iso.datetime({ offset: true }).nullable().optional(),
  currentVisitors: z.object({ siteId: z.string().min(1), total: z.number().int().nonnegative().nullable() }).optional(),
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
    return send(response, 200, { ok: true });
  }
  send(response, 404, { error: `No control route ${route}.` });
}

export async function startSimulatorServer(options: SimulatorServerOptions = {}): Promise<SimulatorServer> {
  const { port = 8787, host = "127.0.0.1", warmUp = true, ...simulatorOptions } = options;
  const simulator = createSimulator({ ...simulatorOptions, warmUp });
  const server = createServer((request, response) => {
    void (async () => {
      const raw = await readBody(request);
      const url = new URL(request.url ?? "/", `http://${request.headers.host ?? `${host}:${port}`}`);
      if (url.pathname.startsWith("/_sim/")) return control(simulator, request.method ?? "GET", url.pathname, raw, response);
      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
      const method = request.method ?? "GET";
      const answer = await simulator.handle(new Request(url, { method, headers, body: method === "GET" || method === "HEAD" || !raw.length ? undefined : new Uint8Array(raw) }));
      response.writeHead(answer.status, Object.fromEntries(answer.headers));
      response.end(Buffer.from(await answer.arrayBuffer()));
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
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
