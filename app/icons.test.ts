import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { config } from "@/proxy";
import { metadata } from "./layout";

const publicFile = (name: string) => new URL(`../public/${name}`, import.meta.url);

/** The images in an ICO file: its directory (16 bytes each after a 6-byte header), each entry a PNG here. */
function icoImages(ico: Buffer) {
  expect(ico.readUInt16LE(0), "reserved").toBe(0);
  expect(ico.readUInt16LE(2), "type: icon").toBe(1);
  return Array.from({ length: ico.readUInt16LE(4) }, (_, index) => {
    const entry = 6 + 16 * index;
    const size = ico.readUInt32LE(entry + 8);
    const offset = ico.readUInt32LE(entry + 12);
    const image = ico.subarray(offset, offset + size);
    expect(image.length, `image ${index} lies inside the file`).toBe(size);
    expect(image.subarray(0, 8).toString("hex"), `image ${index} is a PNG`).toBe("89504e470d0a1a0a");
    // The PNG's own IHDR size agrees with the directory (0 there means 256).
    const width = ico[entry] || 256;
    expect([image.readUInt32BE(16), image.readUInt32BE(20)]).toEqual([width, ico[entry + 1] || 256]);
    return width;
  });
}

/** Whether proxy.ts runs for a path: Next.js anchors the matcher to the whole path. */
const proxied = (path: string) => config.matcher.some((pattern) => new RegExp(`^${pattern}$`).test(path));

describe("the site's icons", () => {
  it("are a real favicon.ico (16, 32 and 48 px) and an SVG, in public/ where the layout's metadata points", () => {
    expect(icoImages(readFileSync(publicFile("favicon.ico")))).toEqual([16, 32, 48]);
    expect(readFileSync(publicFile("icon.svg"), "utf8")).toMatch(/^<svg [^>]*viewBox="0 0 64 64"/);
    const icons = metadata.icons as { icon: { url: string }[]; apple: { url: string } };
    for (const { url } of [...icons.icon, icons.apple]) expect(existsSync(publicFile(url.slice(1))), url).toBe(true);
  });

  it("are served without a session: the proxy, which sends the signed-out to /login, never runs for them", () => {
    for (const path of ["/favicon.ico", "/icon.svg", "/apple-touch-icon.png", "/icon-192.png", "/manifest.webmanifest"]) {
      expect(proxied(path), path).toBe(false);
    }
    expect(proxied("/explore")).toBe(true);
  });

  it("are not also app/ icon files: Next.js answers 500 for a path that public/ and app/ both serve", () => {
    for (const name of ["favicon.ico", "icon.svg"]) expect(existsSync(new URL(`./${name}`, import.meta.url)), name).toBe(false);
  });
});
