import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { TRAY_STATES, trayDirFor, trayIconFiles, trayIconPath } from './icons';

const trayDir = join(import.meta.dirname, '..', '..', 'resources', 'tray');

/** Width/height of a PNG from its IHDR chunk. */
function pngSize(buf: Buffer): [number, number] {
  expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(buf.toString('ascii', 12, 16)).toBe('IHDR');
  return [buf.readUInt32BE(16), buf.readUInt32BE(20)];
}

/** Sizes listed in an ICO directory, each checked against the PNG it points to. */
function icoSizes(buf: Buffer): number[] {
  expect(buf.readUInt16LE(2)).toBe(1);
  const count = buf.readUInt16LE(4);
  const sizes: number[] = [];
  for (let i = 0; i < count; i++) {
    const e = 6 + i * 16;
    const size = buf[e] === 0 ? 256 : buf[e]!;
    const length = buf.readUInt32LE(e + 8);
    const offset = buf.readUInt32LE(e + 12);
    expect(pngSize(buf.subarray(offset, offset + length))).toEqual([size, size]);
    sizes.push(size);
  }
  return sizes;
}

/** RGBA pixels of a PNG written by scripts/make-icons.mjs (one IDAT, filter 0 on every row). */
function decodeRgba(buf: Buffer): Buffer {
  const [w, h] = pngSize(buf);
  let at = 8;
  const idat: Buffer[] = [];
  while (at < buf.length) {
    const len = buf.readUInt32BE(at);
    if (buf.toString('ascii', at + 4, at + 8) === 'IDAT') idat.push(buf.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const out = Buffer.alloc(w * h * 4);
  for (let y = 0; y < h; y++) {
    expect(raw[y * (w * 4 + 1)]).toBe(0);
    raw.copy(out, y * w * 4, y * (w * 4 + 1) + 1, (y + 1) * (w * 4 + 1));
  }
  return out;
}

describe('tray icons', () => {
  it('exist at every size the config names', () => {
    const files = trayIconFiles(trayDir);
    expect(files.length).toBe(TRAY_STATES.length * 11);
    for (const file of files) {
      expect(existsSync(file.path), file.path).toBe(true);
      const buf = readFileSync(file.path);
      if (file.path.endsWith('.ico')) expect(icoSizes(buf)).toEqual(file.sizes);
      else expect(pngSize(buf)).toEqual([file.sizes[0], file.sizes[0]]);
    }
  });

  it('macOS template images are black with alpha only', () => {
    for (const state of TRAY_STATES) {
      const buf = readFileSync(trayIconPath(trayDir, state, 'darwin'));
      expect(buf[25]).toBe(6); // colour type RGBA
      const pixels = decodeRgba(buf);
      let opaque = 0;
      for (let i = 0; i < pixels.length; i += 4) {
        expect(pixels[i]! | pixels[i + 1]! | pixels[i + 2]!).toBe(0);
        if (pixels[i + 3]! > 0) opaque++;
      }
      expect(opaque).toBeGreaterThan(40);
    }
  });

  it('states differ in shape, not colour alone', () => {
    // Compare the alpha masks of the template images: every pair of states must differ.
    const masks = TRAY_STATES.map((s) => readFileSync(trayIconPath(trayDir, s, 'darwin')).toString('base64'));
    expect(new Set(masks).size).toBe(TRAY_STATES.length);
  });

  it('picks the file per OS', () => {
    expect(trayIconPath('/r', 'outage', 'darwin')).toBe(join('/r', 'mac', 'outageTemplate.png'));
    expect(trayIconPath('/r', 'outage', 'win32')).toBe(join('/r', 'win', 'outage.ico'));
    expect(trayIconPath('/r', 'paused', 'linux')).toBe(join('/r', 'linux', 'paused.png'));
  });

  it('ships the app icons named in electron-builder.yml', () => {
    const resources = join(trayDir, '..');
    expect(pngSize(readFileSync(join(resources, 'icon.png')))).toEqual([1024, 1024]);
    expect(icoSizes(readFileSync(join(resources, 'icon.ico')))).toContain(256);
  });
});

describe('tray icon folder', () => {
  it('on Windows, a packaged app loads its icons from the unpacked folder beside the archive', () => {
    expect(trayDirFor('/Apps/why500/resources/app.asar', 'win32')).toBe(
      join('/Apps/why500/resources/app.asar.unpacked', 'resources', 'tray'),
    );
    // Elsewhere, and in development runs, from the app's own folder (images load from the archive).
    expect(trayDirFor('/Apps/why500/resources/app.asar', 'linux')).toBe(
      join('/Apps/why500/resources/app.asar', 'resources', 'tray'),
    );
    expect(trayDirFor('/src/why500', 'win32')).toBe(join('/src/why500', 'resources', 'tray'));
  });
});
