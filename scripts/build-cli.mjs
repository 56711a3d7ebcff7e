// Bundles the `why500` command line (cli/main.ts and everything it loads on demand) into
// dist/cli/, so `bin/why500.mjs` starts without compiling TypeScript. npm packages stay external and
// load as published; each command stays a chunk of its own, loaded only when that command runs.
// Run by `npm install`/`npm ci` (the `prepare` script) and at the start of `npm test`.
// Also writes dist/cli/inputs.json, the project files the bundle was built from, so the bin can tell
// a stale bundle by looking at those files only (no walk over the source folders on every start).
import { build } from 'esbuild';
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'cli');

rmSync(outdir, { recursive: true, force: true });
const { metafile } = await build({
  entryPoints: { main: join(root, 'cli', 'main.ts') },
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
  metafile: true,
});
const inputs = Object.keys(metafile.inputs).filter((file) => !file.startsWith('node_modules/'));
writeFileSync(join(outdir, 'inputs.json'), `${JSON.stringify(inputs)}\n`);
console.log('build-cli: wrote dist/cli/main.mjs');
