// Bundles the `why500` command line (cli/main.ts and everything it loads on demand) into
// dist/cli/, so `bin/why500.mjs` starts without compiling TypeScript. npm packages stay external and
// load as published; each command stays a chunk of its own, loaded only when that command runs.
// Run by `npm install`/`npm ci` (the `prepare` script) and at the start of `npm test`.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'cli');

rmSync(outdir, { recursive: true, force: true });
await build({
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
});
console.log('build-cli: wrote dist/cli/main.mjs');
