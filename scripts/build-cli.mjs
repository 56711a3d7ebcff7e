// Bundles the `why500` command line into dist/cli/, so the bin starts without compiling TypeScript:
// - main.mjs (ES module): cli/main.ts and everything it loads on demand; npm packages stay external and
//   load as published; each command stays a chunk of its own, loaded only when that command runs.
// - dispatch.cjs (CommonJS, one file): cli/dispatch.ts alone, which answers help, version and usage
//   mistakes, so bin/why500.cjs can answer those without setting up the ES module loader.
// Run by `npm install`/`npm ci` (the `prepare` script) and at the start of `npm test`.
// Also writes dist/cli/inputs.json, the project files each part was built from, so the bin can tell a
// stale part by looking at those files only (no walk over the source folders on every start).
import { build } from 'esbuild';
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'cli');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
  metafile: true,
};

/** The project files (not npm packages) a build read. */
const projectFiles = ({ metafile }) =>
  Object.keys(metafile.inputs).filter((file) => !file.startsWith('node_modules/'));

rmSync(outdir, { recursive: true, force: true });
const main = await build({
  ...common,
  entryPoints: { main: join(root, 'cli', 'main.ts') },
  outdir,
  outExtension: { '.js': '.mjs' },
  splitting: true,
  format: 'esm',
});
const dispatch = await build({
  ...common,
  entryPoints: [join(root, 'cli', 'dispatch.ts')],
  outfile: join(outdir, 'dispatch.cjs'),
  format: 'cjs',
  // core/app/app-info.ts finds package.json from import.meta.url, which CommonJS does not have.
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': 'importMetaUrl' },
});
const inputs = { 'main.mjs': projectFiles(main), 'dispatch.cjs': projectFiles(dispatch) };
writeFileSync(join(outdir, 'inputs.json'), `${JSON.stringify(inputs)}\n`);
console.log('build-cli: wrote dist/cli/main.mjs and dist/cli/dispatch.cjs');
