// Asks the D-Bus session bus whether a name has an owner, with `dbus-send` (or `gdbus` where that is
// missing). Used on Linux to learn whether a tray host (org.kde.StatusNotifierWatcher) is running.

import { execFile } from 'node:child_process';
import type { SessionBusPort } from './ports';

/** How long one question may take: the bus answers in milliseconds, a hung one must not stall start. */
const ASK_TIMEOUT_MS = 2_000;

function run(command: string, args: string[]): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(command, args, { timeout: ASK_TIMEOUT_MS, maxBuffer: 64 * 1024 }, (error, stdout) =>
      resolve(error ? null : String(stdout)),
    );
  });
}

/**
 * Reads the answer of `org.freedesktop.DBus.NameHasOwner` as either tool prints it
 * (`dbus-send --print-reply`: "boolean true"; `gdbus call`: "(true,)"); null for anything else.
 */
export function parseNameHasOwner(output: string): boolean | null {
  const answer = /\bboolean (true|false)\b|^\((true|false),\)\s*$/m.exec(output.trim());
  if (!answer) return null;
  return (answer[1] ?? answer[2]) === 'true';
}

/** The session bus as the tools on PATH reach it (`DBUS_SESSION_BUS_ADDRESS` from the environment). */
export const sessionBus: SessionBusPort = {
  async nameHasOwner(name) {
    if (!/^[A-Za-z_][\w.-]*$/.test(name)) return null;
    const viaDbusSend = await run('dbus-send', [
      '--session',
      '--print-reply',
      '--dest=org.freedesktop.DBus',
      '/org/freedesktop/DBus',
      'org.freedesktop.DBus.NameHasOwner',
      `string:${name}`,
    ]);
    if (viaDbusSend !== null) return parseNameHasOwner(viaDbusSend);
    const viaGdbus = await run('gdbus', [
      'call',
      '--session',
      '--dest',
      'org.freedesktop.DBus',
      '--object-path',
      '/org/freedesktop/DBus',
      '--method',
      'org.freedesktop.DBus.NameHasOwner',
      name,
    ]);
    return viaGdbus === null ? null : parseNameHasOwner(viaGdbus);
  },
};
