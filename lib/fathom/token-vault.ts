import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * The Fathom token an admin saved in settings, encrypted at rest: AES-256-GCM under a key derived with
 * HKDF-SHA256 from APP_SECRET. The stored value is `v1.<iv>.<tag>.<ciphertext>` (base64url); the
 * settings key is bound in as associated data, so a value copied to another key does not open.
 */
export const TOKEN_SETTING_KEY = "fathom_token";

const VERSION = "v1";
const HKDF_SALT = "sounding/fathom-token";
const HKDF_INFO = "aes-256-gcm v1";

function keyFrom(appSecret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", appSecret, HKDF_SALT, HKDF_INFO, 32));
}

export class TokenVaultError extends Error {
  override name = "TokenVaultError";
}

export function sealToken(token: string, appSecret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFrom(appSecret), iv);
  cipher.setAAD(Buffer.from(TOKEN_SETTING_KEY));
  const ciphertext = Buffer.concat([cipher.update(token, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ciphertext.toString("base64url")].join(".");
}

/** Throws TokenVaultError when the value was tampered with or sealed under another APP_SECRET. */
export function openToken(sealed: string, appSecret: string): string {
  const [version, iv, tag, ciphertext] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) {
    throw new TokenVaultError("The stored Fathom token is not in a format this version of Sounding reads.");
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyFrom(appSecret), Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(TOKEN_SETTING_KEY));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new TokenVaultError("The stored Fathom token cannot be decrypted (was APP_SECRET changed?).");
  }
}
