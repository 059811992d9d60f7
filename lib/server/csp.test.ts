import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce } from "./csp";

const directive = (policy: string, name: string) => policy.split("; ").find((part) => part.startsWith(`${name} `));

describe("contentSecurityPolicy", () => {
  it("in production, scripts need the nonce, nothing may eval, and no page may be framed", () => {
    const policy = contentSecurityPolicy({ nonce: "abc123", dev: false, https: false });
    expect(directive(policy, "script-src")).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).not.toContain("unsafe-eval");
    expect(directive(policy, "frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directive(policy, "object-src")).toBe("object-src 'none'");
    expect(directive(policy, "base-uri")).toBe("base-uri 'none'");
    expect(policy).not.toContain("upgrade-insecure-requests");
  });

  it("allows eval only in development, upgrades requests over https, and names allowed framers when given", () => {
    expect(directive(contentSecurityPolicy({ nonce: "n", dev: true, https: false }), "script-src")).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy({ nonce: "n", dev: false, https: true })).toContain("upgrade-insecure-requests");
    expect(directive(contentSecurityPolicy({ nonce: "n", dev: false, https: false, frameAncestors: ["https://client.example"] }), "frame-ancestors")).toBe(
      "frame-ancestors https://client.example",
    );
  });

  it("makes a new 128-bit nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    expect(Buffer.from([...nonces][0]!, "base64")).toHaveLength(16);
  });
});
