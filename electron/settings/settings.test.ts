import {
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  lstatSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../shared/config/settings';
import { Settings, SETTINGS_FILE_MODE, corruptFileName } from './settings';
import type { KeyValueStore } from './store';

let dir: string;
const now = () => new Date('2026-11-26T00:22:16.123Z');
const realFs = { exists: existsSync, rename: renameSync };

function open(cwd = dir): Settings {
  return Settings.open({
    // The options the app opens electron-store with (electron/main.ts).
    open: () =>
      new Conf({
        cwd,
        configName: 'settings',
        projectName: 'why500-test',
        configFileMode: SETTINGS_FILE_MODE,
      }) satisfies KeyValueStore,
    filePath: join(cwd, 'settings.json'),
    fs: realFs,
    now,
  });
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'why500-settings-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('settings', () => {
  it.skipIf(process.platform === 'win32')('writes settings.json readable by the user only (0600)', () => {
    const s = open();
    s.save(defaultSettings());
    expect(statSync(join(dir, 'settings.json')).mode & 0o777).toBe(0o600);
  });

  it('a fresh install gets the defaults, written to the file, and no notice', () => {
    const s = open();
    expect(s.get()).toEqual(defaultSettings());
    expect(s.notice).toBeNull();
    expect(s.firstRun).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')).settings).toEqual(defaultSettings());
    const again = open();
    expect(again.get()).toEqual(defaultSettings());
    expect(again.firstRun).toBe(false);
  });

  it('saves valid settings and reports field problems for invalid ones', () => {
    const s = open();
    const next = { ...defaultSettings(), intervalSeconds: 60, launchAtLogin: true };
    expect(s.save(next)).toEqual({ ok: true });
    expect(open().get().intervalSeconds).toBe(60);
    const bad = s.save({
      ...next,
      notifications: { ...next.notifications, quietHours: { start: '25:00', end: '07:00' } },
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0]!.path).toBe('notifications.quietHours.start');
    // Paths are written the way the settings form names its fields, so main's problems show inline.
    const site = s.save({ ...next, targets: [{ name: 'X', site: 'ftp://x' }] });
    expect(site).toEqual({
      ok: false,
      problems: [
        { path: 'targets[0].site', message: 'expected an http(s) URL of the site page, found "ftp://x"' },
      ],
    });
    expect(s.get().intervalSeconds).toBe(60);
    // Two targets of one name (ignoring case) would mix their statuses and tokens.
    const twice = s.save({
      ...next,
      targets: [...next.targets, { name: 'character.ai', site: 'https://other.example/' }],
    });
    expect(twice).toEqual({
      ok: false,
      problems: [
        { path: 'targets[1].name', message: 'expected a unique name, "character.ai" is used twice' },
      ],
    });
    expect(open().get().targets).toHaveLength(1);
  });

  it('a corrupt (unparsable) file is kept aside, defaults load and the user is told once', () => {
    writeFileSync(join(dir, 'settings.json'), '{"settings": {"targets": [ oops');
    const s = open();
    const aside = join(dir, 'settings.corrupt-20261126T002216Z.json');
    expect(s.get()).toEqual(defaultSettings());
    expect(existsSync(aside)).toBe(true);
    expect(readFileSync(aside, 'utf8')).toBe('{"settings": {"targets": [ oops');
    expect(s.notice).toContain('was damaged');
    expect(s.notice).toContain(aside);
    expect(s.firstRun).toBe(false); // a reset is not a first start: the notification says what happened
    // The next start finds a good file: no notice again.
    expect(open().notice).toBeNull();
    expect(readdirSync(dir).sort()).toEqual(['settings.corrupt-20261126T002216Z.json', 'settings.json']);
  });

  it.skipIf(process.platform === 'win32')(
    'a settings.json that is a symlink (to /dev/zero or a file elsewhere) is set aside, not followed',
    () => {
      const victim = join(dir, 'elsewhere.json');
      writeFileSync(victim, JSON.stringify({ settings: { ...defaultSettings(), intervalSeconds: 77 } }));
      for (const target of ['/dev/zero', victim]) {
        rmSync(join(dir, 'settings.json'), { force: true });
        symlinkSync(target, join(dir, 'settings.json'));
        const s = open();
        expect(s.get()).toEqual(defaultSettings());
        expect(s.notice).toMatch(/symbolic link/);
        expect(lstatSync(join(dir, 'settings.json')).isFile()).toBe(true);
        rmSync(join(dir, 'settings.corrupt-20261126T002216Z.json'));
      }
      expect(JSON.parse(readFileSync(victim, 'utf8')).settings.intervalSeconds).toBe(77);
    },
  );

  it('settings saved with a tokenEnv outside WHY500_ still load, without that variable', () => {
    const target = {
      ...defaultSettings().targets[0]!,
      auth: { scheme: 'Token', tokenEnv: 'AWS_SECRET_ACCESS_KEY' },
    };
    writeFileSync(
      join(dir, 'settings.json'),
      JSON.stringify({ settings: { ...defaultSettings(), targets: [target] } }),
    );
    const s = open();
    expect(s.notice).toBeNull();
    expect(s.get().targets[0]!.auth).toEqual({ scheme: 'Token' });
  });

  it('settings that do not match the schema are kept aside too; stored tokens carry over with their origins', () => {
    const origins = { 'Character.AI': ['https://plus.character.ai'] };
    writeFileSync(
      join(dir, 'settings.json'),
      JSON.stringify({
        settings: { targets: 'nope' },
        tokens: { 'Character.AI': 'ZW5jcnlwdGVk' },
        tokenOrigins: origins,
      }),
    );
    const s = open();
    expect(s.get()).toEqual(defaultSettings());
    expect(s.notice).toContain('did not match the settings format (targets)');
    expect(s.store.get('tokens')).toEqual({ 'Character.AI': 'ZW5jcnlwdGVk' });
    expect(s.store.get('tokenOrigins')).toEqual(origins);
  });

  it('when the file can neither be read nor moved aside, defaults run from memory and the user is told', () => {
    const s = Settings.open({
      open: () => {
        throw new Error('EACCES: permission denied');
      },
      filePath: join(dir, 'settings.json'),
      fs: {
        exists: () => true,
        rename: () => {
          throw new Error('EACCES: permission denied, rename');
        },
      },
      now,
    });
    expect(s.get()).toEqual(defaultSettings());
    expect(s.notice).toMatch(/could not be used.*could not be moved aside.*will not be saved/);
    expect(s.save(defaultSettings())).toEqual({ ok: true });
  });

  it('names the aside file after the settings file and the time', () => {
    expect(corruptFileName('/x/settings.json', now())).toBe(
      join('/x', 'settings.corrupt-20261126T002216Z.json'),
    );
  });
});
