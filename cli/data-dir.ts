// Where the CLI keeps its history and the remembered build fingerprint: `--data-dir`, else
// WHY500_DATA_DIR, else the OS's usual per-user data folder.

import { homedir } from 'node:os';
import { join } from 'node:path';

/** Environment variable overriding the data folder. */
export const DATA_DIR_ENV = 'WHY500_DATA_DIR';

/** The OS-appropriate per-user data folder for why500. */
export function defaultDataDir(
  env: Record<string, string | undefined> = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (platform === 'win32') {
    return join(env.LOCALAPPDATA || env.APPDATA || join(home, 'AppData', 'Local'), 'why500');
  }
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'why500');
  return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), 'why500');
}

/** The data folder to use: the flag, the environment, or the default. */
export function resolveDataDir(
  flag: string | undefined,
  env: Record<string, string | undefined> = process.env,
): string {
  if (flag !== undefined && flag.trim() !== '') return flag;
  if (env[DATA_DIR_ENV]) return env[DATA_DIR_ENV];
  return defaultDataDir(env);
}
