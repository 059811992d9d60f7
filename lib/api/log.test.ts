import { describe, expect, it, vi } from "vitest";
import { logError, redact, registerSecret } from "./log";

describe("log redaction", () => {
  it("removes bearer tokens and every registered secret from what is logged", () => {
    registerSecret("fathom-token-aaaa-1111");
    registerSecret("fathom-token-aaaa-1111");
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    logError("upstream", new Error("GET /v1/sites failed for fathom-token-aaaa-1111 (Authorization: Bearer xyz.123)"));
    const line = String(log.mock.calls[0]?.[0]);
    expect(line).not.toContain("fathom-token-aaaa-1111");
    expect(line).not.toContain("xyz.123");
    expect(line).toContain("[redacted]");
  });

  it("keeps a bounded set: the newest secrets stay redacted however many are tested", () => {
    for (let i = 0; i < 250; i++) registerSecret(`tested-token-${String(i).padStart(4, "0")}`);
    expect(redact("tested-token-0249 and tested-token-0200")).toBe("[redacted] and [redacted]");
    expect(redact("tested-token-0000")).toBe("tested-token-0000");
  });

  it("ignores secrets too short to be tokens, which would shred ordinary text", () => {
    registerSecret("ab");
    expect(redact("about")).toBe("about");
  });
});
