// Bundles the Electron main process (ESM, dist/electron/main.js — package.json "main") and the
// sandboxed preload (one CommonJS file, dist/electron/preload.cjs, only `electron` left external).
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'electron');

// Main: our TypeScript is bundled; npm packages stay external (electron-builder packs the
// production dependencies) so they load exactly as published.
await build({
  entryPoints: [join(root, 'electron', 'main.ts')],
  outfile: join(outdir, 'main.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});

// Preload: a sandboxed preload can only require('electron') (and a few polyfills), so everything
// else is bundled into one CommonJS file.
await build({
  entryPoints: [join(root, 'electron', 'preload.ts')],
  outfile: join(outdir, 'preload.cjs'),
  bundle: true,
  platform: 'browser',
  format: 'cjs',
  target: 'chrome130',
  external: ['electron'],
  logLevel: 'warning',
});

// Guard: the preload must not require anything but electron.
const preload = readFileSync(join(outdir, 'preload.cjs'), 'utf8');
const requires = [...preload.matchAll(/\brequire\(["']([^"']+)["']\)/g)].map((m) => m[1]);
const foreign = requires.filter((r) => r !== 'electron');
if (foreign.length > 0) {
  console.error(`build-electron: the preload requires ${foreign.join(', ')}; only "electron" is allowed`);
  process.exit(1);
}
console.log('build-electron: wrote dist/electron/main.js and dist/electron/preload.cjs');
