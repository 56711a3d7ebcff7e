#!/usr/bin/env node
// Entry point of the `why500` command (package.json "bin"). What needs no command — the help texts,
// the version, a missing or unknown command — is answered from dist/cli/dispatch.cjs, a small bundle
// of cli/dispatch.ts, so it costs little more than starting Node. CommonJS on purpose: an ES module
// entry would set up Node's ES module loader first, which is most of what the answer would cost.
// Everything else goes to bin/why500.mjs (the full CLI: the prebuilt bundle, or the TypeScript sources
// through tsx in a checkout where the bundle is missing or stale), as does a stale dispatch.cjs.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS file on purpose (see above) */

const { join } = require('node:path');
const { bundleIsFresh } = require('./bundle-fresh.cjs');

// Node ≥ 22.1 keeps compiled code between runs (absent on Node 20).
require('node:module').enableCompileCache?.();

const root = join(__dirname, '..');
const answer = bundleIsFresh(root, 'dispatch.cjs')
  ? require('../dist/cli/dispatch.cjs').answerWithoutCommand(process.argv.slice(2))
  : null;
if (answer === null) import('./why500.mjs');
else process.exitCode = answer;
