#!/usr/bin/env node
// The full `why500` command line, run by bin/why500.cjs (the package's bin) for every command, and
// directly by tests and scripts (`node bin/why500.mjs …`). Runs the prebuilt bundle (dist/cli, made by
// `npm install` / `npm ci` through the `prepare` script) so the command starts at once. In a checkout
// where the bundle is missing, or older than a file it was built from, it runs the TypeScript sources
// through tsx instead, so an edit is never hidden behind a stale bundle.
import module from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleIsFresh } from './bundle-fresh.cjs';

// Node ≥ 22.1 keeps compiled code between runs (absent on Node 20).
module.enableCompileCache?.();

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

let main;
if (bundleIsFresh(root, 'main.mjs')) {
  ({ main } = await import(pathToFileURL(join(root, 'dist', 'cli', 'main.mjs')).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
