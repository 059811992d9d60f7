import { describe, expect, it } from "vitest";
import { isApiError } from "@/lib/api/errors";
import { decodeLogo } from "./logo";
import { MAX_LOGO_BYTES, type LogoUpload } from "./share";

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13];
const JPEG = [0xff, 0xd8, 0xff, 0xe0, 0, 16];
const WEBP = [...Buffer.from("RIFF"), 4, 0, 0, 0, ...Buffer.from("WEBPVP8 ")];
const upload = (type: string, bytes: number[] | Buffer): LogoUpload => ({ type, base64: Buffer.from(bytes).toString("base64") }) as LogoUpload;

function refusal(logo: LogoUpload): string {
  try {
    decodeLogo(logo);
  } catch (error) {
    if (isApiError(error) && error.status === 400 && error.code === "invalid_logo") return error.message;
    throw error;
  }
  throw new Error("the logo was accepted");
}

describe("decodeLogo", () => {
  it("gives back the bytes of a real PNG, JPEG or WebP image", () => {
    for (const [type, bytes] of [["image/png", PNG], ["image/jpeg", JPEG], ["image/webp", WEBP]] as const) {
      expect(decodeLogo(upload(type, bytes))).toEqual({ bytes: Buffer.from(bytes), type });
    }
  });

  it("refuses bytes that are not the declared type, such as an SVG or a PNG sent as a JPEG", () => {
    expect(refusal(upload("image/png", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')))).toMatch(/not a PNG/);
    expect(refusal(upload("image/jpeg", PNG))).toMatch(/not a JPEG/);
    expect(refusal(upload("image/webp", [...Buffer.from("RIFF"), 4, 0, 0, 0, ...Buffer.from("WAVE")]))).toMatch(/not a WebP/);
    expect(refusal(upload("image/webp", Buffer.from("RIFF")))).toMatch(/not a WebP/);
  });

  it("refuses an SVG declared as such, even past the schema", () => {
    expect(refusal(upload("image/svg+xml", Buffer.from("<svg/>")))).toMatch(/not SVG/);
  });

  it("refuses an empty logo and one over the size limit, and accepts one at the limit", () => {
    expect(refusal({ type: "image/png", base64: "A" })).toMatch(/empty/);
    const atLimit = Buffer.concat([Buffer.from(PNG), Buffer.alloc(MAX_LOGO_BYTES - PNG.length)]);
    expect(decodeLogo(upload("image/png", atLimit)).bytes.length).toBe(MAX_LOGO_BYTES);
    expect(refusal(upload("image/png", Buffer.concat([atLimit, Buffer.alloc(1)])))).toMatch(/under 256 KB/);
  });
});
