// Generates Sounding's icons from one geometry: public/icon.svg, PNGs and public/favicon.ico.
// Node built-ins only (zlib); run from the repo root: node scripts/generate-icons.mjs
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const ACCENT = [37, 99, 235]; // --accent in app/globals.css
const WHITE = [255, 255, 255];

// The mark, in a 64×64 box: a water line, a lead line with its weight, and two depth contours.
const lines = [
  { from: [14, 19], to: [50, 19], width: 5, opacity: 1 },
  { from: [32, 19], to: [32, 38], width: 3.5, opacity: 1 },
  ...[[18, 32, 25], [39, 32, 46], [14, 45, 22], [42, 45, 50]].map(([x1, y, x2]) => ({ from: [x1, y], to: [x2, y], width: 4, opacity: 0.55 })),
];
const weight = { center: [32, 44], r: 6 };

const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
  <title>Sounding</title>
  <rect width="64" height="64" rx="14" fill="#2563eb"/>
  <g fill="none" stroke="#fff" stroke-linecap="round">
    <path d="M14 19H50" stroke-width="5"/>
    <path d="M32 19V38" stroke-width="3.5"/>
    <path d="M18 32H25M39 32H46M14 45H22M42 45H50" stroke-width="4" stroke-opacity=".55"/>
  </g>
  <circle cx="32" cy="44" r="6" fill="#fff"/>
</svg>
`;

const inRoundedSquare = (x, y, r) => {
  const qx = Math.abs(x - 32) - (32 - r);
  const qy = Math.abs(y - 32) - (32 - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r <= 0;
};
const toSegment = (x, y, [ax, ay], [bx, by]) => {
  const [dx, dy] = [bx - ax, by - ay];
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
};

/** One sample's colour, premultiplied RGBA in 0..1. `bleed`: square background; `scale`: the mark's size. */
function sample(x, y, { bleed, scale }) {
  if (!(bleed ? x >= 0 && x <= 64 && y >= 0 && y <= 64 : inRoundedSquare(x, y, 14))) return [0, 0, 0, 0];
  let color = ACCENT.map((c) => c / 255);
  const mx = (x - 32) / scale + 32;
  const my = (y - 32) / scale + 32;
  const paint = (opacity) => (color = color.map((c, i) => c * (1 - opacity) + (WHITE[i] / 255) * opacity));
  for (const line of lines) if (toSegment(mx, my, line.from, line.to) <= line.width / 2) paint(line.opacity);
  if (Math.hypot(mx - weight.center[0], my - weight.center[1]) <= weight.r) paint(1);
  return [...color, 1];
}

function render(size, options = { bleed: false, scale: 1 }) {
  const SS = 5;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const s = sample(((px + (sx + 0.5) / SS) * 64) / size, ((py + (sy + 0.5) / SS) * 64) / size, options);
          for (let i = 0; i < 4; i++) sum[i] += s[i];
        }
      }
      const alpha = sum[3] / (SS * SS);
      const at = (py * size + px) * 4;
      for (let i = 0; i < 3; i++) pixels[at + i] = alpha === 0 ? 0 : Math.round((sum[i] / sum[3]) * 255);
      pixels[at + 3] = Math.round(alpha * 255);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buffer) => {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
function png(size, options) {
  const pixels = render(size, options);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
/** An ICO holding PNG images (every current browser reads these). */
function ico(sizes) {
  const images = sizes.map((size) => png(size));
  const head = Buffer.alloc(6 + 16 * images.length);
  head.writeUInt16LE(0, 0);
  head.writeUInt16LE(1, 2);
  head.writeUInt16LE(images.length, 4);
  let offset = head.length;
  images.forEach((image, i) => {
    const at = 6 + 16 * i;
    head[at] = sizes[i] >= 256 ? 0 : sizes[i];
    head[at + 1] = sizes[i] >= 256 ? 0 : sizes[i];
    head.writeUInt16LE(1, at + 4); // planes
    head.writeUInt16LE(32, at + 6); // bits per pixel
    head.writeUInt32LE(image.length, at + 8);
    head.writeUInt32LE(offset, at + 12);
    offset += image.length;
  });
  return Buffer.concat([head, ...images]);
}

const out = process.argv[2] ?? "public";
writeFileSync(`${out}/icon.svg`, svg);
writeFileSync(`${out}/icon-192.png`, png(192));
writeFileSync(`${out}/icon-512.png`, png(512));
// Maskable: the background to the edges, the mark inside the safe circle (80% of the width).
writeFileSync(`${out}/icon-maskable-512.png`, png(512, { bleed: true, scale: 0.8 }));
// iOS rounds the corners itself and shows transparency as black.
writeFileSync(`${out}/apple-touch-icon.png`, png(180, { bleed: true, scale: 1 }));
writeFileSync(`${out}/favicon.ico`, ico([16, 32, 48]));
