// The folder the desktop app keeps its history and build fingerprints in: the same one the CLI uses
// (core/app/data-dir), so the app shows what `why500 watch` stored and `why500 history` reads what the
// app stored. Settings and the log stay in Electron's own per-app folder (userData).

import { homedir } from 'node:os';
import { resolveDataDir } from '../../core/app/data-dir';

/** The app's data folder: WHY500_DATA_DIR when set, else the CLI's default for this OS. */
export function appDataDir(
  env: Record<string, string | undefined> = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  return resolveDataDir(undefined, env, platform, home);
}
