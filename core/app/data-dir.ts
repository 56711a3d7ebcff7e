// The one data folder (history, the remembered build fingerprints) the CLI and the desktop app share on
// every OS, so each reads what the other stored: `--data-dir`, else WHY500_DATA_DIR, else the OS's usual
// per-user data folder. The app keeps its settings and log in Electron's own folder; only the data is here.

import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

/** Environment variable overriding the data folder. */
export const DATA_DIR_ENV = 'WHY500_DATA_DIR';

/** The OS-appropriate per-user data folder for why500 (a pure function of platform, environment, home). */
export function defaultDataDir(
  env: Record<string, string | undefined> = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (platform === 'win32') {
    return win32.join(env.LOCALAPPDATA || env.APPDATA || win32.join(home, 'AppData', 'Local'), 'why500');
  }
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', 'why500');
  return posix.join(env.XDG_DATA_HOME || posix.join(home, '.local', 'share'), 'why500');
}

/** The data folder to use: the flag, the environment, or the default. */
export function resolveDataDir(
  flag: string | undefined,
  env: Record<string, string | undefined> = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (flag !== undefined && flag.trim() !== '') return flag;
  const fromEnv = env[DATA_DIR_ENV]?.trim();
  if (fromEnv) return fromEnv;
  return defaultDataDir(env, platform, home);
}
