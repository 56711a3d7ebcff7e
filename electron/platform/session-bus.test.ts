// The session-bus adapter: both tools' answers are read, and a bus of our own (dbus-daemon, when
// installed) really answers "no owner" for the tray host's name.
import { execFileSync, spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseNameHasOwner, sessionBus } from './session-bus';

const hasDaemon = (() => {
  try {
    execFileSync('dbus-daemon', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('session bus', () => {
  it('reads dbus-send and gdbus answers, nothing else', () => {
    expect(parseNameHasOwner('method return time=1.2 sender=org.freedesktop.DBus\n   boolean true\n')).toBe(
      true,
    );
    expect(parseNameHasOwner('method return\n   boolean false\n')).toBe(false);
    expect(parseNameHasOwner('(true,)\n')).toBe(true);
    expect(parseNameHasOwner('(false,)')).toBe(false);
    expect(parseNameHasOwner('Error org.freedesktop.DBus.Error.ServiceUnknown')).toBeNull();
  });

  it.skipIf(!hasDaemon)('asks a private bus: no tray host there, the bus itself is there', async () => {
    const daemon = spawn('dbus-daemon', ['--session', '--nofork', '--print-address'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    try {
      const address = await new Promise<string>((resolve) =>
        daemon.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim())),
      );
      const saved = process.env.DBUS_SESSION_BUS_ADDRESS;
      process.env.DBUS_SESSION_BUS_ADDRESS = address;
      try {
        expect(await sessionBus.nameHasOwner('org.kde.StatusNotifierWatcher')).toBe(false);
        expect(await sessionBus.nameHasOwner('org.freedesktop.DBus')).toBe(true);
        expect(await sessionBus.nameHasOwner('bad name; rm')).toBeNull();
      } finally {
        if (saved === undefined) delete process.env.DBUS_SESSION_BUS_ADDRESS;
        else process.env.DBUS_SESSION_BUS_ADDRESS = saved;
      }
    } finally {
      daemon.kill();
    }
  });
});
