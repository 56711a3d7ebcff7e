// Whether the prebuilt CLI bundle (dist/cli) may run: it exists and none of the files it was built
// from changed or vanished since. scripts/build-cli.mjs lists those files in dist/cli/inputs.json, so
// this looks at them only, with no walk over the source folders on every start.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * True when `root`/dist/cli/main.mjs exists and is newer than every file named in
 * dist/cli/inputs.json. Editing a file the bundle does not include cannot make it stale until an
 * included file imports it, and then that file has changed.
 */
export function bundleIsFresh(root) {
  try {
    const builtAt = statSync(join(root, 'dist', 'cli', 'main.mjs')).mtimeMs;
    const inputs = JSON.parse(readFileSync(join(root, 'dist', 'cli', 'inputs.json'), 'utf8'));
    return Array.isArray(inputs) && inputs.every((file) => statSync(join(root, file)).mtimeMs <= builtAt);
  } catch {
    return false;
  }
}
