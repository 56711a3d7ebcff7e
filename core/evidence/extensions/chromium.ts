// Reads one Chromium-family profile (Chrome, Edge, Brave, Chromium): every extension under
// `Extensions/<id>/<version>/manifest.json` (newest version), its real name, whether it is enabled
// (from the profile's Preferences), and whether its permissions or content scripts reach the site.

import { join } from 'node:path';
import type { ExtensionSuspect } from '../../../shared/types/evidence';
import { firstReaching } from './match-pattern';
import { asArray, asRecord, readJson, subdirs, type ReadBudget } from './read';

/** Compares Chrome version folder names like `1.2.3_0` numerically. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[._-]/).map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split(/[._-]/).map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.localeCompare(b);
}

/** Resolves `__MSG_key__` from `_locales/<locale>/messages.json` (keys are case-insensitive). */
async function resolveName(
  dir: string,
  manifest: Record<string, unknown>,
  budget: ReadBudget,
): Promise<string | null> {
  const raw = typeof manifest.name === 'string' ? manifest.name : null;
  const m = raw ? /^__MSG_(.+)__$/.exec(raw) : null;
  if (!raw || !m?.[1]) return raw;
  const key = m[1].toLowerCase();
  const locales = [
    typeof manifest.default_locale === 'string' ? manifest.default_locale : null,
    'en',
    'en_US',
  ];
  for (const locale of locales) {
    if (!locale) continue;
    const messages = asRecord(await readJson(join(dir, '_locales', locale, 'messages.json'), budget));
    for (const [k, v] of Object.entries(messages)) {
      const message = asRecord(v).message;
      if (k.toLowerCase() === key && typeof message === 'string') return message;
    }
  }
  return null;
}

/** Extension ids the profile's Preferences mark as disabled. */
async function disabledIds(profileDir: string, budget: ReadBudget): Promise<Set<string>> {
  const out = new Set<string>();
  for (const file of ['Preferences', 'Secure Preferences']) {
    const prefs = asRecord(await readJson(join(profileDir, file), budget, 32 * 1024 * 1024));
    const settings = asRecord(asRecord(prefs.extensions).settings);
    for (const [id, value] of Object.entries(settings)) {
      const s = asRecord(value);
      const reasons = s.disable_reasons;
      const disabledByReason = Array.isArray(reasons)
        ? reasons.length > 0
        : typeof reasons === 'number' && reasons !== 0;
      if (s.state === 0 || disabledByReason) out.add(id);
    }
  }
  return out;
}

/** The patterns an extension's manifest asks for: host permissions, permissions, content script matches. */
export function manifestPatterns(manifest: Record<string, unknown>): unknown[] {
  const scripts = asArray(manifest.content_scripts).flatMap((cs) => asArray(asRecord(cs).matches));
  return [...asArray(manifest.host_permissions), ...asArray(manifest.permissions), ...scripts];
}

/** The suspects of one Chromium-family profile folder. */
export async function scanChromiumProfile(
  profileDir: string,
  browser: string,
  profileName: string,
  site: URL,
  budget: ReadBudget,
): Promise<ExtensionSuspect[]> {
  const suspects: ExtensionSuspect[] = [];
  const disabled = await disabledIds(profileDir, budget);
  const root = join(profileDir, 'Extensions');
  for (const id of await subdirs(root)) {
    if (budget.filesLeft <= 0) break;
    if (id === 'Temp' || disabled.has(id)) continue;
    const versions = (await subdirs(join(root, id))).sort(compareVersions);
    const newest = versions[versions.length - 1];
    if (!newest) continue;
    const dir = join(root, id, newest);
    const manifest = asRecord(await readJson(join(dir, 'manifest.json'), budget));
    if (Object.keys(manifest).length === 0) continue;
    const reach = firstReaching(manifestPatterns(manifest), site);
    if (!reach) continue;
    const name = (await resolveName(dir, manifest, budget)) ?? id;
    suspects.push({ browser, profile: profileName, id, name, reach });
  }
  return suspects;
}
