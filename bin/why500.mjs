#!/usr/bin/env node
// Entry point of the `why500` command. Runs the prebuilt bundle (dist/cli, made by `npm install` /
// `npm ci` through the `prepare` script) so the command starts at once. In a checkout where the
// bundle is missing, or older than a source file, it runs the TypeScript sources through tsx instead,
// so an edit is never hidden behind a stale bundle.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist', 'cli', 'main.mjs');

/** Newest modification time (ms) of the .ts files under the folders the CLI is built from. */
function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(join(dir, entry.name));
      } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
        newest = Math.max(newest, statSync(join(dir, entry.name)).mtimeMs);
      }
    }
  };
  for (const dir of ['cli', 'core', 'shared', 'simulator']) {
    if (existsSync(join(root, dir))) walk(join(root, dir));
  }
  return newest;
}

let main;
if (existsSync(bundle) && statSync(bundle).mtimeMs >= newestSource()) {
  ({ main } = await import(pathToFileURL(bundle).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
