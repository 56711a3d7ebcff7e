#!/usr/bin/env node
// Entry point of the `why500` command. Runs the prebuilt bundle (dist/cli, made by `npm install` /
// `npm ci` through the `prepare` script) so the command starts at once. In a checkout where the
// bundle is missing, or older than a file it was built from, it runs the TypeScript sources through tsx instead,
// so an edit is never hidden behind a stale bundle.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleIsFresh } from './bundle-fresh.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

let main;
if (bundleIsFresh(root)) {
  ({ main } = await import(pathToFileURL(join(root, 'dist', 'cli', 'main.mjs')).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
