#!/usr/bin/env node
// Draws the toolbar/store icon at 16, 32, 48 and 128 px into public/icon/ (committed; run again
// only to change the artwork): a blue rounded square with two headline bars and a smile.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BLUE = [26, 115, 232];
const WHITE = [255, 255, 255];

// Coverage of the shape at (x, y) in a 0..1 square.
function shape(x, y) {
  const r = 0.2;
  const dx = Math.max(Math.abs(x - 0.5) - (0.5 - r), 0);
  const dy = Math.max(Math.abs(y - 0.5) - (0.5 - r), 0);
  if (Math.hypot(dx, dy) > r) return null;
  const bar = (top, width) => y >= top && y <= top + 0.1 && x >= 0.2 && x <= 0.2 + width;
  // A smile: the lower half of a ring centred under the bars.
  const d = Math.hypot(x - 0.5, y - 0.52);
  const smile = y > 0.56 && d > 0.2 && d < 0.3;
  return bar(0.18, 0.6) || bar(0.34, 0.42) || smile ? WHITE : BLUE;
}

function render(size) {
  const samples = 4;
  const rows = [];
  for (let py = 0; py < size; py++) {
    const row = [0];
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++)
        for (let sx = 0; sx < samples; sx++) {
          const c = shape((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (c) [r, g, b, a] = [r + c[0], g + c[1], b + c[2], a + 1];
        }
      row.push(a ? r / a : 0, a ? g / a : 0, a ? b / a : 0, (255 * a) / samples ** 2);
    }
    rows.push(Buffer.from(row.map(Math.round)));
  }
  return png(size, Buffer.concat(rows));
}

function png(size, raw) {
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(buffer) {
  let crc = ~0;
  for (const byte of buffer) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

const dir = new URL('../public/icon/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(new URL(`${size}.png`, dir), render(size));
console.log('make-icons: public/icon/{16,32,48,128}.png written');
