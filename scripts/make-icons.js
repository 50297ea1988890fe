#!/usr/bin/env node
// Draws the Teams app icons: color.png (192x192, full colour) and outline.png (32x32, white on
// transparent), as Teams requires. A ring (agreement, the record closed) on Concord's teal.
// Usage: node scripts/make-icons.js  (writes appPackage/color.png and appPackage/outline.png)
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

function png(size, pixel) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0, then RGBA
    for (let x = 0; x < size; x++) row.set(pixel(x + 0.5, y + 0.5, size), 1 + x * 4);
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const ring = (x, y, size) => {
  const r = Math.hypot(x - size / 2, y - size / 2) / size;
  return r > 0.22 && r < 0.34;
};

const out = path.join(__dirname, '..', 'appPackage');
fs.writeFileSync(
  path.join(out, 'color.png'),
  png(192, (x, y, s) => (ring(x, y, s) ? [255, 255, 255, 255] : [0, 109, 119, 255])),
);
fs.writeFileSync(
  path.join(out, 'outline.png'),
  png(32, (x, y, s) => (ring(x, y, s) ? [255, 255, 255, 255] : [0, 0, 0, 0])),
);
console.log('wrote appPackage/color.png and appPackage/outline.png');
