// Reads one Firefox profile's `extensions.json`: enabled add-ons of type extension (Firefox's own
// system add-ons left out), their names, and whether their origins or content scripts reach the site.

import { join } from 'node:path';
import type { ExtensionSuspect } from '../../../shared/types/evidence';
import { firstReaching } from './match-pattern';
import { asArray, asRecord, readJson, type ReadBudget } from './read';

/** Install locations that hold Firefox's own built-in add-ons, never a user's. */
const BUILT_IN_LOCATION = /^app-(?:builtin|system)/;

/** The suspects of one Firefox profile folder. */
export async function scanFirefoxProfile(
  profileDir: string,
  profileName: string,
  site: URL,
  budget: ReadBudget,
): Promise<ExtensionSuspect[]> {
  const data = asRecord(await readJson(join(profileDir, 'extensions.json'), budget, 32 * 1024 * 1024));
  const suspects: ExtensionSuspect[] = [];
  for (const item of asArray(data.addons).slice(0, 1000)) {
    const addon = asRecord(item);
    const id = typeof addon.id === 'string' ? addon.id : null;
    if (!id) continue;
    if (addon.type !== undefined && addon.type !== 'extension') continue;
    if (typeof addon.location === 'string' && BUILT_IN_LOCATION.test(addon.location)) continue;
    const enabled =
      addon.active === false ? false : addon.userDisabled !== true && addon.appDisabled !== true;
    if (!enabled) continue;
    const user = asRecord(addon.userPermissions);
    const optional = asRecord(addon.optionalPermissions);
    const scripts = [...asArray(addon.contentScripts), ...asArray(addon.content_scripts)].flatMap((cs) =>
      asArray(asRecord(cs).matches),
    );
    const patterns = [
      ...asArray(user.origins),
      ...asArray(user.permissions),
      ...scripts,
      ...asArray(optional.origins),
    ];
    const reach = firstReaching(patterns, site);
    if (!reach) continue;
    const locale = asRecord(addon.defaultLocale);
    const name =
      typeof locale.name === 'string' ? locale.name : typeof addon.name === 'string' ? addon.name : id;
    suspects.push({ browser: 'Firefox', profile: profileName, id, name, reach });
  }
  return suspects;
}
