// Launch at login on Linux, where Electron has no login-item API: an XDG autostart entry
// (`$XDG_CONFIG_HOME/autostart/why500.desktop`), written or removed when the setting changes. An
// entry of that name the user made with the desktop's tools (GNOME Tweaks, KDE's settings) is never
// overwritten or deleted: only ours carries the autostart mark. Also that mark, which every login item
// puts on the command line, so a start at login stays quietly in the tray.

import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The argument the login item and the autostart entry start the app with. */
export const AUTOSTART_ARG = '--autostart';

/** True when a command line carries the autostart mark (the app was started at login). */
export function hasAutostartArg(argv: readonly string[]): boolean {
  return argv.includes(AUTOSTART_ARG);
}

/** Where and what to start. */
export interface AutostartOptions {
  /** The user's home folder. */
  home: string;
  /** The environment (XDG_CONFIG_HOME; APPIMAGE, the path of a running AppImage). */
  env: Record<string, string | undefined>;
  /** The running executable (used when not an AppImage). */
  execPath: string;
}

/** The autostart file's path. */
export function autostartFile(options: Pick<AutostartOptions, 'home' | 'env'>): string {
  const configHome = options.env.XDG_CONFIG_HOME || join(options.home, '.config');
  return join(configHome, 'autostart', 'why500.desktop');
}

/** Quotes a path for a desktop entry's Exec key (spec: double quotes, escape `"`, `` ` ``, `$`, `\`). */
function quoteExec(path: string): string {
  return `"${path.replace(/[\\"`$]/g, (c) => `\\${c}`)}"`;
}

/** The desktop entry that starts the app (an AppImage moves with its file, so prefer that path). */
export function autostartEntry(options: AutostartOptions): string {
  const exec = options.env.APPIMAGE || options.execPath;
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=why500',
    'Comment=Tells you why a web service answers Internal Server Error',
    // Without the executable (uninstalled, AppImage deleted) the desktop skips the entry quietly.
    `TryExec=${exec}`,
    `Exec=${quoteExec(exec)} ${AUTOSTART_ARG}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** What {@link setLinuxAutostart} did. */
export type AutostartChange = 'written' | 'removed' | 'none' | 'kept-users-entry';

/** True when the entry is one the app wrote (its Exec carries the autostart mark). */
function isOurs(text: string): boolean {
  const exec = /^Exec=(.*)$/m.exec(text)?.[1] ?? '';
  return hasAutostartArg(exec.split(' '));
}

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** Writes or removes the app's autostart entry; an entry of the same name the user made stays as it is. */
export function setLinuxAutostart(enabled: boolean, options: AutostartOptions): AutostartChange {
  const file = autostartFile(options);
  const existing = readText(file);
  if (existing !== null && !isOurs(existing)) return 'kept-users-entry';
  if (!enabled) {
    if (existing === null) return 'none';
    rmSync(file, { force: true });
    return 'removed';
  }
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, autostartEntry(options), { mode: 0o644 });
  return 'written';
}

/** Whether an autostart entry named why500.desktop is there (ours, or one the user made with the same name). */
export function linuxAutostartStatus(
  options: Pick<AutostartOptions, 'home' | 'env'>,
): 'enabled' | 'not-registered' {
  return existsSync(autostartFile(options)) ? 'enabled' : 'not-registered';
}
