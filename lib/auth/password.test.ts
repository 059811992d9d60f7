import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("verifies the right password and rejects a wrong one", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash.startsWith("scrypt$32768$8$1$")).toBe(true);
    await expect(verifyPassword("correct horse battery", hash)).resolves.toBe(true);
    await expect(verifyPassword("correct horse batterz", hash)).resolves.toBe(false);
  });

  it("salts every hash, so equal passwords give different hashes", async () => {
    const [a, b] = await Promise.all([hashPassword("same password!"), hashPassword("same password!")]);
    expect(a).not.toBe(b);
  });

  it("never matches a malformed stored hash", async () => {
    await expect(verifyPassword("anything at all", "")).resolves.toBe(false);
    await expect(verifyPassword("anything at all", "bcrypt$x$y")).resolves.toBe(false);
    await expect(verifyPassword("anything at all", "scrypt$32768$8$1$c2FsdA$dG9vc2hvcnQ")).resolves.toBe(false);
  });
});
