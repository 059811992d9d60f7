import "server-only";
import { ApiError } from "@/lib/api/errors";
import { MAX_LOGO_BYTES, type LogoUpload } from "./share";

/**
 * A logo's first bytes for each type we accept. The declared type alone is not believed: the page serves
 * the bytes with that type, so they must really be that image (and never an SVG, which can carry script).
 */
const SIGNATURES: Record<LogoUpload["type"], { name: string; matches: (bytes: Buffer) => boolean }> = {
  "image/png": { name: "PNG", matches: (bytes) => startsWith(bytes, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  "image/jpeg": { name: "JPEG", matches: (bytes) => startsWith(bytes, 0, [0xff, 0xd8, 0xff]) },
  // RIFF <4-byte size> WEBP
  "image/webp": { name: "WebP", matches: (bytes) => startsWith(bytes, 0, ascii("RIFF")) && startsWith(bytes, 8, ascii("WEBP")) },
};

const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));
const startsWith = (bytes: Buffer, at: number, expected: number[]) =>
  bytes.length >= at + expected.length && expected.every((byte, index) => bytes[at + index] === byte);

const invalid = (message: string) => new ApiError(400, "invalid_logo", message, { fields: { logo: [message] } });

/** The uploaded logo's bytes; 400 `invalid_logo` when they are empty, too large, or not the image type declared. */
export function decodeLogo(upload: LogoUpload): { bytes: Buffer; type: LogoUpload["type"] } {
  const signature = Object.hasOwn(SIGNATURES, upload.type) ? SIGNATURES[upload.type] : undefined;
  if (!signature) throw invalid("Upload a PNG, JPEG or WebP image (not SVG)");
  const bytes = Buffer.from(upload.base64, "base64");
  if (bytes.length === 0) throw invalid("The logo is empty");
  if (bytes.length > MAX_LOGO_BYTES) throw invalid(`Keep the logo under ${MAX_LOGO_BYTES / 1024} KB`);
  if (!signature.matches(bytes)) throw invalid(`The logo is not a ${signature.name} image: upload the file again, or pick another`);
  return { bytes, type: upload.type };
}
