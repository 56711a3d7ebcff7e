// Writes fake browser profiles for the extensions scenarios: a Chromium-family profile folder with
// `Extensions/<id>/<version>_0/manifest.json` (and Preferences marking them enabled), or a Firefox
// profile folder with `extensions.json`. Returns the folders for `browserProfiles`.

import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FakeExtension, ProfileSpec } from './types';

/** A Chromium extension id (32 letters a–p) derived from a name, the way Chromium maps key hashes. */
export function chromiumId(seed: string): string {
  const digest = createHash('sha256').update(seed).digest('hex').slice(0, 32);
  return [...digest].map((c) => String.fromCharCode('a'.charCodeAt(0) + parseInt(c, 16))).join('');
}

function chromiumManifest(ext: FakeExtension): Record<string, unknown> {
  const manifest: Record<string, unknown> = {
    manifest_version: 3,
    name: ext.name,
    version: ext.version,
    description: `${ext.name} (simulated extension)`,
    permissions: ext.permissions ?? ['storage'],
  };
  if (ext.hostPermissions) manifest.host_permissions = ext.hostPermissions;
  if (ext.contentScripts)
    manifest.content_scripts = [
      { matches: ext.contentScripts, js: ['content.js'], run_at: 'document_start' },
    ];
  return manifest;
}

function writeChromium(dir: string, extensions: FakeExtension[]): void {
  const settings: Record<string, unknown> = {};
  for (const ext of extensions) {
    const id = ext.id || chromiumId(ext.name);
    const folder = join(dir, 'Extensions', id, `${ext.version}_0`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'manifest.json'), JSON.stringify(chromiumManifest(ext), null, 2));
    writeFileSync(join(folder, 'content.js'), '// simulated content script\n');
    settings[id] = { state: 1, location: 1, path: `${id}/${ext.version}_0`, from_webstore: true };
  }
  writeFileSync(join(dir, 'Preferences'), JSON.stringify({ extensions: { settings } }));
}

function writeFirefox(dir: string, extensions: FakeExtension[]): void {
  mkdirSync(dir, { recursive: true });
  const addons = extensions.map((ext) => ({
    id: ext.id,
    syncGUID: `{${createHash('md5').update(ext.id).digest('hex')}}`,
    version: ext.version,
    type: 'extension',
    manifestVersion: 2,
    defaultLocale: { name: ext.name, description: `${ext.name} (simulated extension)`, creator: 'why500' },
    visible: true,
    active: true,
    userDisabled: false,
    appDisabled: false,
    installDate: Date.now() - 30 * 24 * 3600_000,
    updateDate: Date.now() - 7 * 24 * 3600_000,
    path: join(dir, 'extensions', `${ext.id}.xpi`),
    location: 'app-profile',
    userPermissions: {
      permissions: ext.permissions ?? ['storage'],
      origins: [...(ext.hostPermissions ?? []), ...(ext.contentScripts ?? [])],
    },
    optionalPermissions: { permissions: [], origins: [] },
  }));
  writeFileSync(join(dir, 'extensions.json'), JSON.stringify({ schemaVersion: 36, addons }));
}

/** Writes each profile under `root`; returns the profile folders in order. */
export function writeProfiles(root: string, profiles: ProfileSpec[]): string[] {
  return profiles.map((profile, i) => {
    const dir =
      profile.browser === 'chromium'
        ? join(root, `chromium-${i}`, 'Default')
        : join(root, `firefox-${i}`, `sim${i}.default-release`);
    mkdirSync(dir, { recursive: true });
    if (profile.browser === 'chromium') writeChromium(dir, profile.extensions);
    else writeFirefox(dir, profile.extensions);
    return dir;
  });
}
