// How to start the why500 command line as the user can type it right now: `why500` when that command on
// the PATH is this very checkout's, else `node <this checkout>/bin/why500.cjs` (never `npx`, which outside
// the checkout would fetch whatever package holds that name from the registry).

import { existsSync, realpathSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** This checkout's entry script (package.json "bin"). */
export const BIN_PATH = fileURLToPath(new URL('../bin/why500.cjs', import.meta.url));

/** The words that start this checkout's why500 command, as printed in a "Try:" line. */
export function why500Command(
  env: Record<string, string | undefined>,
  platform: NodeJS.Platform = process.platform,
): string {
  const names = platform === 'win32' ? ['why500.cmd', 'why500.exe', 'why500'] : ['why500'];
  const own = safeRealpath(BIN_PATH);
  for (const dir of (env['PATH'] ?? '').split(delimiter)) {
    if (!dir) continue;
    for (const name of names) {
      const candidate = join(dir, name);
      if (!existsSync(candidate)) continue;
      // The first why500 on the PATH is the one the shell runs: use it only if it is this checkout's.
      return safeRealpath(candidate) === own || platform === 'win32' ? 'why500' : quoted(BIN_PATH);
    }
  }
  return quoted(BIN_PATH);
}

function quoted(binPath: string): string {
  return /^[\w./:\\-]+$/.test(binPath) ? `node ${binPath}` : `node "${binPath}"`;
}

function safeRealpath(path: string): string | null {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
}
