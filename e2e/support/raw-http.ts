/**
 * HTTP exactly as written: fetch() and Playwright normalise paths (`/a/../b`), refuse odd methods and
 * build bodies themselves; an attacker does none of that. `raw()` sends the method, path, headers and body
 * (or a stream of chunks) it is given, over one connection, and reads the whole answer.
 */
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";

export type RawAnswer = { status: number; headers: IncomingHttpHeaders; text: string; json: () => { error?: { code: string; message: string; fields?: Record<string, string[]> } } & Record<string, unknown> };

export type RawRequest = {
  method: string;
  path: string;
  headers?: Record<string, string>;
  /** A whole body; or `chunks` to stream one (chunked transfer encoding). */
  body?: string | Buffer;
  chunks?: { count: number; size: number };
  timeoutMs?: number;
};

export function raw(baseUrl: string, req: RawRequest): Promise<RawAnswer> {
  const base = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: base.hostname,
        port: base.port,
        method: req.method,
        path: req.path,
        headers: { host: base.host, ...req.headers, ...(req.body !== undefined ? { "content-length": String(Buffer.byteLength(req.body)) } : {}) },
        timeout: req.timeoutMs ?? 30_000,
      },
      (response) => {
        const parts: Buffer[] = [];
        response.on("data", (part: Buffer) => parts.push(part));
        response.on("end", () => {
          const text = Buffer.concat(parts).toString("utf8");
          resolve({ status: response.statusCode ?? 0, headers: response.headers, text, json: () => JSON.parse(text) });
        });
        response.on("error", reject);
      },
    );
    // A CONNECT's answer arrives as 'connect' (the start of a tunnel), not as 'response'.
    outgoing.on("connect", (response, socket) => {
      socket.destroy();
      resolve({ status: response.statusCode ?? 0, headers: response.headers, text: "", json: () => ({}) });
    });
    outgoing.on("timeout", () => outgoing.destroy(new Error(`${req.method} ${req.path} timed out`)));
    // The server may answer and close while a large body is still being sent: that is the point. Its answer
    // usually arrives anyway; a connection it cut without one reads as status 0.
    let answered = false;
    outgoing.on("response", () => (answered = true));
    outgoing.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE" && error.code !== "ECONNRESET") return reject(error);
      setTimeout(() => answered || resolve({ status: 0, headers: {}, text: "", json: () => ({}) }), 2_000);
    });
    if (req.chunks) {
      const chunk = Buffer.alloc(req.chunks.size, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < req.chunks!.count) {
          sent++;
          if (outgoing.destroyed) return;
          if (!outgoing.write(chunk)) return void outgoing.once("drain", pump);
        }
        outgoing.end();
      };
      pump();
    } else {
      outgoing.end(req.body);
    }
  });
}
