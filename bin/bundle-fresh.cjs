// Whether a part of the prebuilt CLI bundle (dist/cli) may run: it exists and none of the files it was
// built from changed or vanished since. scripts/build-cli.mjs lists those files per part in
// dist/cli/inputs.json, so this looks at them only, with no walk over the source folders on every start.
// CommonJS, so the bin can use it before (or without) loading any ES module.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS file on purpose (see above) */

const { readFileSync, statSync } = require('node:fs');
const { join } = require('node:path');

/**
 * True when `root`/dist/cli/`part` exists and is newer than every file inputs.json lists for it.
 * Editing a file the part does not include cannot make it stale until an included file imports it,
 * and then that file has changed.
 */
exports.bundleIsFresh = function bundleIsFresh(root, part = 'main.mjs') {
  try {
    const builtAt = statSync(join(root, 'dist', 'cli', part)).mtimeMs;
    const inputs = JSON.parse(readFileSync(join(root, 'dist', 'cli', 'inputs.json'), 'utf8'))[part];
    return Array.isArray(inputs) && inputs.every((file) => statSync(join(root, file)).mtimeMs <= builtAt);
  } catch {
    return false;
  }
};
