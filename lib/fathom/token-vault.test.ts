import { describe, expect, it } from "vitest";
import { openTestDatabase } from "@/lib/store/db";
import { createSettingsRepository } from "@/lib/store/settings-repository";
import { openToken, sealToken, TOKEN_SETTING_KEY, TokenVaultError } from "./token-vault";

const SECRET = "an-app-secret-of-at-least-thirty-two-characters";
const TOKEN = "fthm_9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c";

describe("token vault", () => {
  it("round-trips a token; the sealed value does not contain it and differs each time", () => {
    const a = sealToken(TOKEN, SECRET);
    const b = sealToken(TOKEN, SECRET);
    expect(a).not.toContain(TOKEN);
    expect(a).not.toBe(b);
    expect(a.startsWith("v1.")).toBe(true);
    expect(openToken(a, SECRET)).toBe(TOKEN);
    expect(openToken(b, SECRET)).toBe(TOKEN);
  });

  it("refuses to open under another APP_SECRET or after tampering", () => {
    const sealed = sealToken(TOKEN, SECRET);
    expect(() => openToken(sealed, `${SECRET}-rotated`)).toThrow(TokenVaultError);
    const parts = sealed.split(".");
    const flipped = Buffer.from(parts[3]!, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    expect(() => openToken([parts[0], parts[1], parts[2], flipped.toString("base64url")].join("."), SECRET)).toThrow(TokenVaultError);
    expect(() => openToken("plain-text-token", SECRET)).toThrow(/format/);
  });

  it("is stored sealed under its settings key, never as the token itself", async () => {
    const db = await openTestDatabase();
    const settings = createSettingsRepository(db);
    await settings.write(TOKEN_SETTING_KEY, sealToken(TOKEN, SECRET));
    const rows = await db.selectFrom("settings").selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.value).not.toContain(TOKEN);
    expect(openToken((await settings.read(TOKEN_SETTING_KEY))!.value, SECRET)).toBe(TOKEN);
    await db.destroy();
  });
});
