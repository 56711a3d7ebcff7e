// The app and the CLI keep their history in one folder on every OS (before, the app used Electron's
// userData — ~/.config/why500 on Linux, %APPDATA%\why500 on Windows — and the CLI another folder).
import { describe, expect, it } from 'vitest';
import { resolveDataDir } from '../../core/app/data-dir';
import { appDataDir } from './data-dir';

const HOMES: Record<string, string> = { linux: '/home/u', darwin: '/Users/u', win32: 'C:\\Users\\u' };
const ENVS: Record<string, string | undefined>[] = [
  {},
  { XDG_DATA_HOME: '/data', XDG_CONFIG_HOME: '/config' },
  { LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local', APPDATA: 'C:\\Users\\u\\AppData\\Roaming' },
  { WHY500_DATA_DIR: '/shared/why500', LOCALAPPDATA: 'C:\\L' },
];

describe('appDataDir', () => {
  for (const platform of ['linux', 'darwin', 'win32'] as const) {
    it(`is the CLI's data folder on ${platform}`, () => {
      for (const env of ENVS) {
        // The CLI without --data-dir, as `why500 watch` runs.
        expect(appDataDir(env, platform, HOMES[platform]!)).toBe(
          resolveDataDir(undefined, env, platform, HOMES[platform]!),
        );
      }
    });
  }

  it('is not Electron’s settings folder on Linux and Windows', () => {
    expect(appDataDir({}, 'linux', '/home/u')).toBe('/home/u/.local/share/why500');
    expect(
      appDataDir(
        { APPDATA: 'C:\\Users\\u\\AppData\\Roaming', LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' },
        'win32',
        'C:\\Users\\u',
      ),
    ).toBe('C:\\Users\\u\\AppData\\Local\\why500');
    expect(appDataDir({ WHY500_DATA_DIR: '/demo' }, 'linux', '/home/u')).toBe('/demo');
  });
});
