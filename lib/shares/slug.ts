import "server-only";
import { randomBytes } from "node:crypto";

/** 24 random bytes are 192 bits: no one guesses a link, and base64url writes them as 32 path-safe characters. */
const SLUG_BYTES = 24;

/** A new share slug (the shape of `shareSlugSchema`). */
export function newShareSlug(): string {
  return randomBytes(SLUG_BYTES).toString("base64url");
}
