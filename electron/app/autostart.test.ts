// Tests of the Linux autostart entry: written where XDG says, quoted, and removed again.

import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AUTOSTART_ARG,
  autostartEntry,
  autostartFile,
  hasAutostartArg,
  setLinuxAutostart,
} from './autostart';

const dirs: string[] = [];
function tempHome(): string {
  const dir = mkdtempSync(join(tmpdir(), 'why500-autostart-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('Linux launch at login', () => {
  it('writes ~/.config/autostart/why500.desktop when enabled and removes it when disabled', () => {
    const home = tempHome();
    const options = { home, env: {}, execPath: '/opt/why500/why500' };
    setLinuxAutostart(true, options);
    const file = join(home, '.config', 'autostart', 'why500.desktop');
    expect(readFileSync(file, 'utf8')).toContain('Exec="/opt/why500/why500" --autostart\n');
    setLinuxAutostart(false, options);
    expect(existsSync(file)).toBe(false);
    setLinuxAutostart(false, options); // removing twice is fine
  });

  it('honours XDG_CONFIG_HOME and prefers the AppImage path', () => {
    const home = tempHome();
    const env = { XDG_CONFIG_HOME: join(home, 'cfg'), APPIMAGE: '/home/me/Apps/why500.AppImage' };
    expect(autostartFile({ home, env })).toBe(join(home, 'cfg', 'autostart', 'why500.desktop'));
    expect(autostartEntry({ home, env, execPath: '/tmp/.mount_x/why500' })).toContain(
      'Exec="/home/me/Apps/why500.AppImage" --autostart',
    );
  });

  it('quotes paths with spaces and special characters', () => {
    const entry = autostartEntry({ home: '/h', env: {}, execPath: '/opt/my "apps"/why$500' });
    expect(entry).toContain('Exec="/opt/my \\"apps\\"/why\\$500" --autostart');
  });

  it('marks the command line so a start at login is told apart from a start by hand', () => {
    const exec = /^Exec=(.*)$/m.exec(autostartEntry({ home: '/h', env: {}, execPath: '/opt/why500/why500' }));
    const argv = exec![1]!.split(' ');
    expect(hasAutostartArg(argv)).toBe(true);
    expect(argv.at(-1)).toBe(AUTOSTART_ARG);
    expect(hasAutostartArg(['/opt/why500/why500'])).toBe(false);
    expect(hasAutostartArg(['/opt/why500/why500', '--autostartx'])).toBe(false);
  });
});

describe("Linux autostart: the user's own entry", () => {
  it('carries TryExec, so a removed app leaves no failing entry behind', () => {
    const entry = autostartEntry({ home: '/h', env: {}, execPath: '/opt/why500/why500' });
    expect(entry).toContain('TryExec=/opt/why500/why500\n');
  });

  it('is never overwritten or deleted; ours is', () => {
    const home = tempHome();
    const options = { home, env: {}, execPath: '/opt/why500/why500' };
    const file = autostartFile(options);
    mkdirSync(join(file, '..'), { recursive: true });
    // What GNOME Tweaks writes: a copy of the app's own desktop entry.
    const users = '[Desktop Entry]\nType=Application\nName=why500\nExec=why500 %U\n';
    writeFileSync(file, users);
    expect(setLinuxAutostart(false, options)).toBe('kept-users-entry');
    expect(setLinuxAutostart(true, options)).toBe('kept-users-entry');
    expect(readFileSync(file, 'utf8')).toBe(users);
    rmSync(file);
    expect(setLinuxAutostart(false, options)).toBe('none');
    expect(setLinuxAutostart(true, options)).toBe('written');
    expect(setLinuxAutostart(false, options)).toBe('removed');
    expect(existsSync(file)).toBe(false);
  });
});
