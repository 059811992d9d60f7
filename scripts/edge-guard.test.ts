import { describe, expect, it } from "vitest";
import { clientFacts, edgeResponseHeaders, guardRequest, isCleanPath, MAX_BODY_BYTES, parseTrustProxy } from "./edge-guard.mjs";

type Req = Parameters<typeof guardRequest>[0];
const req = (over: Partial<Req> & { headers?: Record<string, string | string[]> } = {}): Req => ({
  method: "GET",
  url: "/explore",
  ...over,
  headers: { host: "sounding.test", ...over.headers },
  socket: over.socket ?? { remoteAddress: "::ffff:192.0.2.10", encrypted: false },
});

describe("guardRequest: what no route of Sounding can mean is refused before Next.js sees it", () => {
  it.each(["TRACE", "TRACK", "CONNECT", "PROPFIND", "DEBUG", ""])("refuses the method %j with 405 and Allow", (method) => {
    const verdict = guardRequest(req({ method }), { trustHops: 0 });
    expect(verdict.refuse?.status).toBe(405);
    expect(verdict.refuse?.headers.Allow).toContain("GET");
  });

  it.each([
    "/api/sites/%ff/milestones",
    "/invite/%ff",
    "/api/sites/%C0%AE%C0%AE/milestones",
    "/x/%E0%A4%A",
    "/a%00b",
    "/a%0d%0aSet-Cookie:x",
    "/api/sites/SITE/milestones/..",
    "/api/sites/SITE/milestones/%20..",
    "/api/sites/SITE/events/%09..",
    "/api/sites/SITE/events/%20.",
    "/api/sites/SITE/milestones/%2e%2e",
    "/api/account/sessions/.",
    "/../etc/passwd",
  ])(
    "refuses the malformed path %j with 400",
    (url) => {
      expect(guardRequest(req({ url }), { trustHops: 0 }).refuse?.status).toBe(400);
    },
  );

  it("refuses absolute-form and scheme-relative targets, and bodies declared larger than any route takes", () => {
    expect(guardRequest(req({ url: "http://evil.example/explore" }), { trustHops: 0 }).refuse?.status).toBe(400);
    expect(guardRequest(req({ url: "//evil.example" }), { trustHops: 0 }).refuse?.status).toBe(400);
    const big = guardRequest(req({ method: "POST", headers: { "content-length": String(MAX_BODY_BYTES + 1) } }), { trustHops: 0 });
    expect(big.refuse?.status).toBe(413);
    expect(guardRequest(req({ method: "POST", headers: { "content-length": "12abc" } }), { trustHops: 0 }).refuse?.status).toBe(413);
  });

  it("lets ordinary requests through, encoded paths included", () => {
    expect(guardRequest(req({ url: "/sites/CDBUGS/milestones?x=%ff" }), { trustHops: 0 }).refuse).toBeUndefined();
    expect(isCleanPath("/explore/caf%C3%A9")).toBe(true);
  });

  it("without TRUST_PROXY, drops every forwarding header and a client's own x-sounding-* claims", () => {
    const request = req({
      headers: { "x-forwarded-for": "1.2.3.4", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https", forwarded: "for=1.2.3.4", "x-sounding-peer": "10.0.0.1" },
    });
    const verdict = guardRequest(request, { trustHops: 0 });
    expect(verdict.facts).toEqual({ address: "192.0.2.10", proto: "http" });
    expect(request.headers["x-forwarded-for"]).toBeUndefined();
    expect(request.headers["x-forwarded-host"]).toBeUndefined();
    expect(request.headers["x-forwarded-proto"]).toBeUndefined();
    expect(request.headers.forwarded).toBeUndefined();
    expect(request.headers["x-sounding-peer"]).toBe("192.0.2.10");
    expect(request.headers["x-sounding-proto"]).toBe("http");
  });

  it("behind trusted proxies, believes the address each one appended and the scheme the outermost saw", () => {
    const headers = { "x-forwarded-for": "6.6.6.6, 203.0.113.5, 10.0.0.2", "x-forwarded-proto": "https" };
    expect(clientFacts(headers, { remoteAddress: "10.0.0.3" }, 1)).toEqual({ address: "10.0.0.2", proto: "https" });
    expect(clientFacts(headers, { remoteAddress: "10.0.0.3" }, 2)).toEqual({ address: "203.0.113.5", proto: "https" });
    expect(clientFacts({}, { remoteAddress: "10.0.0.3" }, 1)).toEqual({ address: "10.0.0.3", proto: "http" });
  });

  it("sends HSTS only over https", () => {
    expect(edgeResponseHeaders({ address: "x", proto: "https" })["Strict-Transport-Security"]).toContain("max-age=");
    expect(edgeResponseHeaders({ address: "x", proto: "http" })).toEqual({});
  });

  it("reads TRUST_PROXY strictly", () => {
    expect([undefined, "", "false", "0", "true", "2"].map(parseTrustProxy)).toEqual([0, 0, 0, 0, 1, 2]);
    expect(() => parseTrustProxy("loopback")).toThrow(/TRUST_PROXY/);
  });
});
