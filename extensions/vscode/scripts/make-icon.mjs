#!/usr/bin/env node
// Draws media/icon.png (128x128): a key on a rounded square. Plain zlib + the PNG format,
// so no image library is needed; rerun after changing the drawing.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const S = 128;
const px = Buffer.alloc(S * S * 4);
const inRoundRect = (x, y, r) => {
  const cx = Math.min(Math.max(x, r), S - 1 - r);
  const cy = Math.min(Math.max(y, r), S - 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const dist = (x, y, ax, ay) => Math.hypot(x - ax, y - ay);
function onKey(x, y) {
  const bow = dist(x, y, 44, 64);
  if (bow <= 22 && bow >= 10) return true; // ring
  if (y >= 58 && y <= 70 && x >= 62 && x <= 108) return true; // shaft
  if (x >= 92 && x <= 100 && y >= 70 && y <= 86) return true; // bit 1
  if (x >= 78 && x <= 86 && y >= 70 && y <= 82) return true; // bit 2
  return false;
}
for (let y = 0; y < S; y++)
  for (let x = 0; x < S; x++) {
    const i = (y * S + x) * 4;
    if (!inRoundRect(x, y, 24)) continue; // transparent corner
    const t = (x + y) / (2 * S);
    let [r, g, b] = [Math.round(26 + 40 * t), Math.round(60 + 90 * t), Math.round(140 + 80 * t)];
    if (onKey(x, y)) [r, g, b] = [255, 204, 64];
    px.set([r, g, b, 255], i);
  }

function crc32(buf) {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(S, 0);
ihdr.writeUInt32BE(S, 4);
ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
const raw = Buffer.alloc(S * (S * 4 + 1));
for (let y = 0; y < S; y++) px.copy(raw, y * (S * 4 + 1) + 1, y * S * 4, (y + 1) * S * 4);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw)),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'media', 'icon.png');
writeFileSync(out, png);
console.log(`wrote ${out} (${png.length} bytes)`);
