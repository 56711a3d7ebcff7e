// Generates the tray and app icons from code: shapes are drawn into RGBA buffers (supersampled for
// smooth edges), encoded as PNG with zlib and packed into ICO files. Run `node scripts/make-icons.mjs`;
// the outputs under resources/ are committed. `--sheet <file>` also writes an enlarged contact sheet.
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'resources');

// Checked before anything is written: `--sheet` needs a file name after it.
const sheetIndex = process.argv.indexOf('--sheet');
const sheetFile = sheetIndex > 0 ? process.argv[sheetIndex + 1] : undefined;
if (sheetIndex > 0 && (!sheetFile || sheetFile.startsWith('-'))) {
  console.error('make-icons: --sheet needs a file name, e.g. --sheet /tmp/icons.png');
  process.exit(2);
}

/** The tray states, the colour each uses on Windows/Linux, and its shape. */
const STATES = {
  healthy: { color: [46, 157, 79] },
  degraded: { color: [224, 160, 0] },
  outage: { color: [217, 48, 37] },
  'local-network': { color: [26, 115, 232] },
  unknown: { color: [150, 150, 150] },
  paused: { color: [100, 100, 110] },
};

// ---- geometry (unit square, y down) ----
const dist = (x1, y1, x2, y2) => Math.hypot(x1 - x2, y1 - y2);
function segDist(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return dist(px, py, ax + t * dx, ay + t * dy);
}
const disc = (cx, cy, r) => (x, y) => dist(x, y, cx, cy) <= r;
const ring = (cx, cy, r, w) => (x, y) => Math.abs(dist(x, y, cx, cy) - r) <= w / 2;
const line = (ax, ay, bx, by, w) => (x, y) => segDist(x, y, ax, ay, bx, by) <= w / 2;
const polyline = (pts, w) => (x, y) =>
  pts.slice(1).some((p, i) => segDist(x, y, pts[i][0], pts[i][1], p[0], p[1]) <= w / 2);
const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const union =
  (...fs) =>
  (x, y) =>
    fs.some((f) => f(x, y));
/** Angle in degrees, 0 = up, clockwise. */
const angleUp = (x, y, cx, cy) => ((Math.atan2(x - cx, cy - y) * 180) / Math.PI + 360) % 360;
const arc = (cx, cy, r, w, from, to) => (x, y) => {
  if (Math.abs(dist(x, y, cx, cy) - r) > w / 2) return false;
  const a = angleUp(x, y, cx, cy);
  return from <= to ? a >= from && a <= to : a >= from || a <= to;
};
function polygon(pts) {
  return (x, y) => {
    let inside = false;
    for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
      const [xi, yi] = pts[i];
      const [xj, yj] = pts[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
}
const octagon = (cx, cy, r) =>
  polygon(
    Array.from({ length: 8 }, (_, i) => {
      const a = ((i + 0.5) * Math.PI) / 4;
      return [cx + r * Math.cos(a), cy + r * Math.sin(a)];
    }),
  );
const roundedRect = (x0, y0, x1, y1, r) => (x, y) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return dist(x, y, cx, cy) <= r;
};

// A question mark: a hook (arc from 9 o'clock over the top to half past four), a bend into the
// stem, the stem, and the dot; round caps via polyline/disc.
const question = union(
  arc(0.5, 0.39, 0.13, 0.1, 270, 135),
  disc(0.37, 0.39, 0.05),
  polyline(
    [
      [0.592, 0.482],
      [0.5, 0.55],
      [0.5, 0.6],
    ],
    0.1,
  ),
  disc(0.5, 0.75, 0.065),
);

/** Each state: an outer shape and a glyph, either cut out of the shape or drawn on its own. */
const SHAPES = {
  healthy: {
    body: disc(0.5, 0.5, 0.46),
    glyph: polyline(
      [
        [0.29, 0.52],
        [0.44, 0.67],
        [0.72, 0.36],
      ],
      0.12,
    ),
    cut: true,
  },
  degraded: {
    body: polygon([
      [0.5, 0.05],
      [0.97, 0.92],
      [0.03, 0.92],
    ]),
    glyph: union(line(0.5, 0.37, 0.5, 0.6, 0.12), disc(0.5, 0.76, 0.07)),
    cut: true,
  },
  outage: {
    body: octagon(0.5, 0.5, 0.49),
    glyph: union(line(0.33, 0.33, 0.67, 0.67, 0.13), line(0.67, 0.33, 0.33, 0.67, 0.13)),
    cut: true,
  },
  'local-network': {
    body: roundedRect(0.04, 0.04, 0.96, 0.96, 0.16),
    glyph: union(
      disc(0.5, 0.74, 0.08),
      arc(0.5, 0.76, 0.24, 0.1, 315, 45),
      arc(0.5, 0.76, 0.42, 0.1, 315, 45),
    ),
    cut: true,
  },
  unknown: { body: ring(0.5, 0.5, 0.43, 0.1), glyph: question, cut: false },
  paused: {
    body: disc(0.5, 0.5, 0.46),
    glyph: union(rect(0.33, 0.29, 0.44, 0.71), rect(0.56, 0.29, 0.67, 0.71)),
    cut: true,
  },
};

/**
 * Renders a state at `size` px. `template`: black + alpha (macOS); otherwise the state's colour with
 * the glyph in white.
 */
function render(shape, size, { color, template }) {
  const ss = size >= 256 ? 2 : 5;
  const buf = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let body = 0;
      let glyph = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const x = (px + (sx + 0.5) / ss) / size;
          const y = (py + (sy + 0.5) / ss) / size;
          const inBody = shape.body(x, y);
          const inGlyph = shape.glyph(x, y);
          if (inBody && !(shape.cut && inGlyph)) body++;
          if (inGlyph) glyph++;
        }
      }
      const n = ss * ss;
      const i = (py * size + px) * 4;
      if (template) {
        const a = shape.cut ? body / n : Math.min(1, (body + glyph) / n);
        buf[i + 3] = Math.round(a * 255);
      } else if (shape.cut) {
        // Coloured body, white glyph inside it.
        const b = body / n;
        const g = glyph / n;
        const a = Math.min(1, b + g);
        const mix = a > 0 ? b / a : 0;
        buf[i] = Math.round(color[0] * mix + 255 * (1 - mix));
        buf[i + 1] = Math.round(color[1] * mix + 255 * (1 - mix));
        buf[i + 2] = Math.round(color[2] * mix + 255 * (1 - mix));
        buf[i + 3] = Math.round(a * 255);
      } else {
        const a = Math.min(1, (body + glyph) / n);
        buf.set([...color, Math.round(a * 255)], i);
      }
    }
  }
  return buf;
}

// ---- PNG / ICO encoding ----
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
/** Encodes an RGBA buffer as a PNG. */
export function encodePng(rgba, width, height) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
/** Packs PNG images into an ICO file (PNG-compressed entries, Windows Vista and later). */
export function encodeIco(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  const dir = Buffer.alloc(16 * images.length);
  let offset = 6 + dir.length;
  images.forEach(({ size, png }, i) => {
    const e = i * 16;
    dir[e] = size >= 256 ? 0 : size;
    dir[e + 1] = size >= 256 ? 0 : size;
    dir.writeUInt16LE(1, e + 4); // planes
    dir.writeUInt16LE(32, e + 6); // bits per pixel
    dir.writeUInt32LE(png.length, e + 8);
    dir.writeUInt32LE(offset, e + 12);
    offset += png.length;
  });
  return Buffer.concat([header, dir, ...images.map((i) => i.png)]);
}

function write(rel, data) {
  const file = join(out, rel);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, data);
  return file;
}

/** Sizes per platform (the tray code and its test read the same numbers). */
const MAC_SIZES = [16, 32];
// 20 and 40 px are the notification area's at 125 % and 250 % display scaling.
const WIN_ICO_SIZES = [16, 20, 24, 32, 40, 48];
const LINUX_SIZES = [16, 22, 24, 32, 44, 48];
// The app's ICO: the shell's small icons at 100–250 % scaling (16–48), 64 and the 256 px jumbo one.
const APP_ICO_SIZES = [16, 20, 24, 32, 40, 48, 64, 256];
// The Linux app icon as a hicolor theme set (resources/icons/<n>x<n>.png): the deb installs each to
// /usr/share/icons/hicolor/<n>x<n>/apps/why500.png, where menus and docks look them up by size.
const HICOLOR_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];

const written = [];
for (const [state, { color }] of Object.entries(STATES)) {
  const shape = SHAPES[state];
  // macOS template images: 16 px at 1x, 32 px at @2x.
  MAC_SIZES.forEach((size, i) => {
    const name = `tray/mac/${state}Template${i === 0 ? '' : '@2x'}.png`;
    written.push(write(name, encodePng(render(shape, size, { template: true }), size, size)));
  });
  // Windows: one ICO holding every size the taskbar picks from.
  const ico = WIN_ICO_SIZES.map((size) => ({
    size,
    png: encodePng(render(shape, size, { color }), size, size),
  }));
  written.push(write(`tray/win/${state}.ico`, encodeIco(ico)));
  // Linux: 22 px (with @2x = 44) as the default, and the other common sizes.
  for (const size of LINUX_SIZES) {
    written.push(
      write(`tray/linux/${state}-${size}.png`, encodePng(render(shape, size, { color }), size, size)),
    );
  }
  written.push(write(`tray/linux/${state}.png`, encodePng(render(shape, 22, { color }), 22, 22)));
  written.push(write(`tray/linux/${state}@2x.png`, encodePng(render(shape, 44, { color }), 44, 44)));
}

// The app icon: a question mark in a ring on a rounded square.
const appShape = {
  body: roundedRect(0.06, 0.06, 0.94, 0.94, 0.2),
  glyph: union(ring(0.5, 0.5, 0.3, 0.07), (x, y) => question((x - 0.5) / 0.75 + 0.5, (y - 0.5) / 0.75 + 0.5)),
  cut: true,
};
const appColor = [36, 59, 83];
written.push(write('icon.png', encodePng(render(appShape, 1024, { color: appColor }), 1024, 1024)));
written.push(
  write(
    'icon.ico',
    encodeIco(
      APP_ICO_SIZES.map((size) => ({
        size,
        png: encodePng(render(appShape, size, { color: appColor }), size, size),
      })),
    ),
  ),
);

for (const size of HICOLOR_SIZES) {
  written.push(
    write(`icons/${size}x${size}.png`, encodePng(render(appShape, size, { color: appColor }), size, size)),
  );
}

// Optional contact sheet: every state at 16/22/32/48 px scaled up 8x, template on white, colour on dark and light.
if (sheetFile) {
  const scale = 8;
  const sizes = [16, 22, 32, 48];
  const cell = 48 * scale + 16;
  const rows = Object.keys(STATES).length;
  const cols = sizes.length * 3;
  const W = cols * cell;
  const H = rows * cell;
  const sheet = Buffer.alloc(W * H * 4, 255);
  Object.keys(STATES).forEach((state, r) => {
    sizes.forEach((size, si) => {
      for (const [k, variant] of [
        [0, { template: true, bg: [255, 255, 255] }],
        [1, { color: STATES[state].color, bg: [40, 40, 40] }],
        [2, { color: STATES[state].color, bg: [235, 235, 235] }],
      ]) {
        const img = render(SHAPES[state], size, variant);
        const ox = (si * 3 + k) * cell;
        const oy = r * cell;
        for (let y = 0; y < cell; y++)
          for (let x = 0; x < cell; x++) {
            const i = ((oy + y) * W + ox + x) * 4;
            const sx = Math.floor((x - 8) / scale);
            const sy = Math.floor((y - 8) / scale);
            let px = [...variant.bg];
            if (sx >= 0 && sy >= 0 && sx < size && sy < size) {
              const j = (sy * size + sx) * 4;
              const a = img[j + 3] / 255;
              px = px.map((c, ci) => Math.round(img[j + ci] * a + c * (1 - a)));
            }
            sheet.set([...px, 255], i);
          }
      }
    });
  });
  writeFileSync(sheetFile, encodePng(sheet, W, H));
}

console.log(`wrote ${written.length} icon files under resources/`);
