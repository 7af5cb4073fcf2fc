// Draws the app icon (build/icon.png, build/icon.ico) in plain Node, so it can be regenerated
// without an image editor: a calm blue rounded square with a white network-port (RJ45) glyph.
// `node scripts/make-icon.mjs`
import { mkdirSync, writeFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';

// Everything is drawn on a 256-unit canvas and sampled at the size wanted.
const TOP = [47, 124, 209];
const BOTTOM = [25, 84, 158];
const SOCKET = [16, 58, 112];
const WHITE = [255, 255, 255];

function inRoundedRect(x, y, [x0, y0, x1, y1], r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const dx = x - Math.max(x0 + r, Math.min(x, x1 - r));
  const dy = y - Math.max(y0 + r, Math.min(y, y1 - r));
  return dx * dx + dy * dy <= r * r;
}

/** The colour at one point of the canvas, or null where the icon is transparent. */
function colourAt(x, y, detailed) {
  if (!inRoundedRect(x, y, [8, 8, 248, 248], 56)) return null;
  const port = inRoundedRect(x, y, [56, 60, 200, 196], 20);
  const socket = inRoundedRect(x, y, [80, 86, 176, 150], 8) || inRoundedRect(x, y, [106, 140, 150, 174], 6);
  // The eight contacts only read at sizes where they are more than a blur.
  const contact = detailed && y >= 86 && y <= 114 && x >= 88 && x < 168 && (x - 88) % 10 >= 3 && (x - 88) % 10 < 7;
  if (port && socket) return contact ? WHITE : SOCKET;
  if (port) return WHITE;
  const t = (y - 8) / 240;
  return TOP.map((top, i) => Math.round(top + (BOTTOM[i] - top) * t));
}

/** RGBA pixels, each the average of a grid of samples (anti-aliasing without a library). */
function render(size) {
  const samples = size >= 128 ? 4 : 8;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = colourAt(
            ((px + (sx + 0.5) / samples) * 256) / size,
            ((py + (sy + 0.5) / samples) * 256) / size,
            size >= 48,
          );
          if (!colour) continue;
          for (let i = 0; i < 3; i++) sum[i] += colour[i];
          sum[3] += 1;
        }
      }
      const at = (py * size + px) * 4;
      for (let i = 0; i < 3; i++) pixels[at + i] = sum[3] ? Math.round(sum[i] / sum[3]) : 0;
      pixels[at + 3] = Math.round((sum[3] / (samples * samples)) * 255);
    }
  }
  return pixels;
}

function pngChunk(type, data) {
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

function png(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, deflate, no filter method, no interlace
  const rows = [];
  for (let y = 0; y < size; y++) rows.push(Buffer.from([0]), pixels.subarray(y * size * 4, (y + 1) * size * 4));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A classic 32-bit bitmap entry: what every Windows icon reader understands at small sizes. */
function dib(size, pixels) {
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // colour rows plus the AND-mask rows
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  const colour = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const from = (y * size + x) * 4;
      const to = ((size - 1 - y) * size + x) * 4; // bottom-up rows, BGRA
      colour.set([pixels[from + 2], pixels[from + 1], pixels[from], pixels[from + 3]], to);
    }
  }
  // All zero: the alpha channel decides transparency.
  const mask = Buffer.alloc(Math.ceil(size / 32) * 4 * size);
  return Buffer.concat([header, colour, mask]);
}

/** Windows reads the 256 px image as PNG (smaller and standard since Vista), smaller ones as bitmaps. */
function ico(images) {
  const directory = Buffer.alloc(6 + images.length * 16);
  directory.writeUInt16LE(1, 2);
  directory.writeUInt16LE(images.length, 4);
  let offset = directory.length;
  images.forEach(({ size, data }, i) => {
    const at = 6 + i * 16;
    directory.writeUInt8(size % 256, at); // 0 means 256
    directory.writeUInt8(size % 256, at + 1);
    directory.writeUInt16LE(1, at + 4);
    directory.writeUInt16LE(32, at + 6);
    directory.writeUInt32LE(data.length, at + 8);
    directory.writeUInt32LE(offset, at + 12);
    offset += data.length;
  });
  return Buffer.concat([directory, ...images.map(({ data }) => data)]);
}

const large = png(256, render(256));
const images = [16, 24, 32, 48, 64, 128].map((size) => ({ size, data: dib(size, render(size)) }));
mkdirSync('build', { recursive: true });
writeFileSync('build/icon.png', large);
writeFileSync('build/icon.ico', ico([...images, { size: 256, data: large }]));
console.log('Wrote build/icon.png and build/icon.ico');
