// Tests of the browser-extension scan over Chromium-family and Firefox profiles.

import { describe, it, expect, afterEach } from 'vitest';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanExtensions } from './scan';
import { compareVersions } from './chromium';

const SITE = 'https://character.ai/';
const dirs: string[] = [];
function tempHome(): string {
  const d = mkdtempSync(join(tmpdir(), 'why500-ext-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function write(file: string, content: unknown): void {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
}

/** A Chromium-family extension folder with a manifest (and optional locale messages). */
function chromeExtension(
  profile: string,
  id: string,
  version: string,
  manifest: Record<string, unknown>,
  messages?: Record<string, { message: string }>,
): void {
  const dir = join(profile, 'Extensions', id, version);
  write(join(dir, 'manifest.json'), { manifest_version: 3, version, ...manifest });
  if (messages)
    write(join(dir, '_locales', String(manifest.default_locale ?? 'en'), 'messages.json'), messages);
}

describe('scanExtensions: Chromium-family profiles', () => {
  it('names extensions whose host permissions, permissions or content scripts reach the site', async () => {
    const profile = join(tempHome(), 'Default');
    chromeExtension(profile, 'aaaa', '1.0.0_0', { name: 'All Sites', host_permissions: ['<all_urls>'] });
    chromeExtension(profile, 'bbbb', '2.1', {
      name: 'MV2 Wildcard',
      manifest_version: 2,
      permissions: ['tabs', '*://*/*'],
    });
    chromeExtension(profile, 'cccc', '1', {
      name: 'C.AI helper',
      content_scripts: [{ matches: ['*://*.character.ai/*'], js: ['x.js'] }],
    });
    chromeExtension(profile, 'dddd', '1', {
      name: 'Other site',
      host_permissions: ['https://example.com/*'],
    });
    chromeExtension(profile, 'eeee', '1', { name: 'No hosts', permissions: ['storage', 'alarms'] });
    const result = await scanExtensions({ profiles: [profile], siteUrl: SITE });
    expect(result.scanned).toBe(true);
    expect(result.profilesScanned).toBe(1);
    expect(result.suspects.map((s) => [s.id, s.name, s.reach])).toEqual([
      ['aaaa', 'All Sites', '<all_urls>'],
      ['bbbb', 'MV2 Wildcard', '*://*/*'],
      ['cccc', 'C.AI helper', '*://*.character.ai/*'],
    ]);
    expect(result.suspects[0]).toMatchObject({ browser: 'Chromium', profile: 'Default' });
  });

  it('uses the newest version folder and resolves __MSG_ names from the default locale', async () => {
    const profile = join(tempHome(), 'Profile 1');
    chromeExtension(profile, 'ffff', '1.9.0_0', { name: 'Old', host_permissions: ['https://example.com/*'] });
    chromeExtension(
      profile,
      'ffff',
      '1.10.0_0',
      { name: '__MSG_appName__', default_locale: 'de', host_permissions: ['https://*/*'] },
      { AppName: { message: 'Dunkelmodus' } },
    );
    const result = await scanExtensions({ profiles: [profile], siteUrl: SITE });
    expect(result.suspects).toEqual([
      { browser: 'Chromium', profile: 'Profile 1', id: 'ffff', name: 'Dunkelmodus', reach: 'https://*/*' },
    ]);
  });

  it('skips extensions the profile marks as disabled', async () => {
    const profile = join(tempHome(), 'Default');
    chromeExtension(profile, 'on', '1', { name: 'On', host_permissions: ['<all_urls>'] });
    chromeExtension(profile, 'off', '1', { name: 'Off', host_permissions: ['<all_urls>'] });
    chromeExtension(profile, 'off2', '1', { name: 'Off too', host_permissions: ['<all_urls>'] });
    write(join(profile, 'Preferences'), {
      extensions: { settings: { off: { state: 0 }, off2: { disable_reasons: [1] }, on: { state: 1 } } },
    });
    const result = await scanExtensions({ profiles: [profile], siteUrl: SITE });
    expect(result.suspects.map((s) => s.id)).toEqual(['on']);
  });

  it('skips broken manifests and unreadable files without throwing', async () => {
    const profile = join(tempHome(), 'Default');
    write(join(profile, 'Extensions', 'broken', '1', 'manifest.json'), '{ not json');
    chromeExtension(profile, 'good', '1', { name: 'Good', host_permissions: ['*://character.ai/*'] });
    chromeExtension(profile, 'locked', '1', { name: 'Locked', host_permissions: ['<all_urls>'] });
    chmodSync(join(profile, 'Extensions', 'locked', '1', 'manifest.json'), 0o000);
    const result = await scanExtensions({ profiles: [profile], siteUrl: SITE });
    const ids = result.suspects.map((s) => s.id);
    expect(ids).toContain('good');
    expect(ids).not.toContain('broken');
  });

  it('caps the number of files read', async () => {
    const profile = join(tempHome(), 'Default');
    for (let i = 0; i < 20; i++)
      chromeExtension(profile, `x${String(i).padStart(2, '0')}`, '1', {
        name: `E${i}`,
        host_permissions: ['<all_urls>'],
      });
    const result = await scanExtensions({ profiles: [profile], siteUrl: SITE, maxFiles: 5 });
    expect(result.suspects.length).toBeLessThanOrEqual(5);
  });
});

describe('scanExtensions: Firefox profiles', () => {
  it('reads extensions.json: enabled user add-ons whose origins reach the site', async () => {
    const profile = join(tempHome(), 'abcd1234.default-release');
    write(join(profile, 'extensions.json'), {
      schemaVersion: 36,
      addons: [
        {
          id: 'ublock@example',
          type: 'extension',
          active: true,
          userDisabled: false,
          location: 'app-profile',
          defaultLocale: { name: 'uBlock Origin' },
          userPermissions: { permissions: ['storage'], origins: ['<all_urls>'] },
        },
        {
          id: 'off@example',
          type: 'extension',
          active: false,
          userDisabled: true,
          location: 'app-profile',
          defaultLocale: { name: 'Disabled one' },
          userPermissions: { permissions: [], origins: ['<all_urls>'] },
        },
        {
          id: 'optional@example',
          type: 'extension',
          active: true,
          location: 'app-profile',
          defaultLocale: { name: 'Asks later' },
          userPermissions: { permissions: [], origins: [] },
          optionalPermissions: { permissions: [], origins: ['*://*.character.ai/*'] },
        },
        {
          id: 'scripts@example',
          type: 'extension',
          active: true,
          location: 'app-profile',
          defaultLocale: { name: 'Scripted' },
          userPermissions: { permissions: [], origins: [] },
          contentScripts: [{ matches: ['https://character.ai/chat/*'] }],
        },
        {
          id: 'system@mozilla.org',
          type: 'extension',
          active: true,
          location: 'app-system-defaults',
          defaultLocale: { name: 'Built in' },
          userPermissions: { permissions: [], origins: ['<all_urls>'] },
        },
        { id: 'theme@example', type: 'theme', active: true, location: 'app-profile' },
      ],
    });
    const result = await scanExtensions({ profiles: [profile], siteUrl: SITE });
    expect(result.suspects.map((s) => [s.name, s.reach])).toEqual([
      ['uBlock Origin', '<all_urls>'],
      ['Asks later', '*://*.character.ai/*'],
      ['Scripted', 'https://character.ai/chat/*'],
    ]);
    expect(result.suspects[0]).toMatchObject({ browser: 'Firefox', profile: 'abcd1234.default-release' });
  });
});

describe('scanExtensions: auto locations', () => {
  function chromeUserData(root: string): void {
    chromeExtension(join(root, 'Default'), 'aaaa', '1', { name: 'Reader', host_permissions: ['<all_urls>'] });
    chromeExtension(join(root, 'Profile 2'), 'bbbb', '1', { name: 'Second', host_permissions: ['*://*/*'] });
    write(join(root, 'Local State'), {});
  }
  function firefoxRoot(root: string, profilesSub = ''): void {
    write(
      join(root, 'profiles.ini'),
      `[General]\nStartWithLastProfile=1\n\n[Profile0]\nName=default-release\nIsRelative=1\nPath=${profilesSub}x1.default-release\n`,
    );
    write(join(root, profilesSub, 'x1.default-release', 'extensions.json'), {
      addons: [
        {
          id: 'fx@example',
          type: 'extension',
          active: true,
          location: 'app-profile',
          defaultLocale: { name: 'Fox helper' },
          userPermissions: { origins: ['http://*/*', 'https://*/*'] },
        },
      ],
    });
  }

  it('finds every profile on Linux (~/.config, ~/.mozilla/firefox)', async () => {
    const home = tempHome();
    chromeUserData(join(home, '.config', 'google-chrome'));
    chromeExtension(join(home, '.config', 'BraveSoftware', 'Brave-Browser', 'Default'), 'cccc', '1', {
      name: 'Brave one',
      host_permissions: ['<all_urls>'],
    });
    firefoxRoot(join(home, '.mozilla', 'firefox'));
    const r = await scanExtensions({
      profiles: ['auto'],
      siteUrl: SITE,
      platform: 'linux',
      homeDir: home,
      env: {},
    });
    expect(r.profilesScanned).toBe(4);
    expect(r.suspects.map((s) => `${s.browser}/${s.profile}/${s.name}`).sort()).toEqual([
      'Brave/Default/Brave one',
      'Chrome/Default/Reader',
      'Chrome/Profile 2/Second',
      'Firefox/x1.default-release/Fox helper',
    ]);
  });

  it('finds profiles on macOS under Library/Application Support', async () => {
    const home = tempHome();
    const support = join(home, 'Library', 'Application Support');
    chromeUserData(join(support, 'Microsoft Edge'));
    firefoxRoot(join(support, 'Firefox'), 'Profiles/');
    const r = await scanExtensions({
      profiles: ['auto'],
      siteUrl: SITE,
      platform: 'darwin',
      homeDir: home,
      env: {},
    });
    expect(r.suspects.map((s) => `${s.browser}/${s.name}`).sort()).toEqual([
      'Edge/Reader',
      'Edge/Second',
      'Firefox/Fox helper',
    ]);
  });

  it('finds profiles on Windows under LOCALAPPDATA and APPDATA', async () => {
    const home = tempHome();
    const local = join(home, 'AppData', 'Local');
    const roaming = join(home, 'AppData', 'Roaming');
    chromeUserData(join(local, 'Google', 'Chrome', 'User Data'));
    firefoxRoot(join(roaming, 'Mozilla', 'Firefox'), 'Profiles/');
    const r = await scanExtensions({
      profiles: ['auto'],
      siteUrl: SITE,
      platform: 'win32',
      homeDir: home,
      env: { LOCALAPPDATA: local, APPDATA: roaming },
    });
    expect(r.profilesScanned).toBe(3);
    expect(r.suspects.map((s) => s.browser).sort()).toEqual(['Chrome', 'Chrome', 'Firefox']);
  });

  it('scans nothing, calmly, when there are no browsers or the site URL is bad', async () => {
    const home = tempHome();
    expect(
      await scanExtensions({ profiles: ['auto'], siteUrl: SITE, platform: 'linux', homeDir: home, env: {} }),
    ).toEqual({
      scanned: true,
      profilesScanned: 0,
      suspects: [],
    });
    expect(await scanExtensions({ profiles: [join(home, 'missing')], siteUrl: SITE })).toMatchObject({
      suspects: [],
    });
    expect(await scanExtensions({ profiles: ['auto'], siteUrl: 'not a url' })).toEqual({
      scanned: false,
      profilesScanned: 0,
      suspects: [],
    });
  });
});

describe('compareVersions', () => {
  it('orders version folders numerically', () => {
    expect(['1.10.0_0', '1.9.0_0', '1.2'].sort(compareVersions)).toEqual(['1.2', '1.9.0_0', '1.10.0_0']);
  });
});
