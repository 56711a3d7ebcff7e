// Tests of where the data folder is (flag, WHY500_DATA_DIR, OS default).

import { describe, it, expect } from 'vitest';
import { defaultDataDir, resolveDataDir } from './data-dir';

describe('data folder', () => {
  it('follows each OS convention', () => {
    expect(defaultDataDir({}, 'linux', '/home/u')).toBe('/home/u/.local/share/why500');
    expect(defaultDataDir({ XDG_DATA_HOME: '/xdg' }, 'linux', '/home/u')).toBe('/xdg/why500');
    expect(defaultDataDir({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Application Support/why500');
    expect(defaultDataDir({ LOCALAPPDATA: 'C:\\L' }, 'win32', 'C:\\U')).toBe('C:\\L\\why500');
    expect(defaultDataDir({}, 'win32', 'C:\\Users\\u')).toBe('C:\\Users\\u\\AppData\\Local\\why500');
  });
  it('prefers --data-dir, then WHY500_DATA_DIR', () => {
    expect(resolveDataDir('/flag', { WHY500_DATA_DIR: '/env' })).toBe('/flag');
    expect(resolveDataDir(undefined, { WHY500_DATA_DIR: '/env' })).toBe('/env');
    expect(resolveDataDir('  ', { WHY500_DATA_DIR: '/env' })).toBe('/env');
    expect(resolveDataDir(undefined, { WHY500_DATA_DIR: ' ' }, 'linux', '/home/u')).toBe(
      '/home/u/.local/share/why500',
    );
  });
});
