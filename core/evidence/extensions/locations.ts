// Where browsers keep their profiles on Windows, macOS and Linux, and how a folder given by the user
// is recognised: a Chromium-family profile, a Chromium user-data folder holding profiles, a Firefox
// profile, or a Firefox root with profiles.ini.

import { basename, isAbsolute, join } from 'node:path';
import { exists, readText, subdirs, type ReadBudget } from './read';

/** One profile folder to scan. */
export interface ProfileDir {
  kind: 'chromium' | 'firefox';
  browser: string;
  /** Shown to the user: the folder's own name ("Default", "Profile 1", "abcd.default-release"). */
  name: string;
  dir: string;
}

/** A folder that may hold profiles. */
interface Root {
  kind: 'chromium-root' | 'firefox-root';
  browser: string;
  dir: string;
}

/** The standard profile roots for a platform. */
export function standardRoots(
  platform: string,
  homeDir: string,
  env: Record<string, string | undefined>,
): Root[] {
  const chromium = (dir: string, browser: string): Root => ({ kind: 'chromium-root', browser, dir });
  const firefox = (dir: string): Root => ({ kind: 'firefox-root', browser: 'Firefox', dir });
  if (platform === 'win32') {
    const local = env.LOCALAPPDATA ?? join(homeDir, 'AppData', 'Local');
    const roaming = env.APPDATA ?? join(homeDir, 'AppData', 'Roaming');
    return [
      chromium(join(local, 'Google', 'Chrome', 'User Data'), 'Chrome'),
      chromium(join(local, 'Microsoft', 'Edge', 'User Data'), 'Edge'),
      chromium(join(local, 'BraveSoftware', 'Brave-Browser', 'User Data'), 'Brave'),
      chromium(join(local, 'Chromium', 'User Data'), 'Chromium'),
      firefox(join(roaming, 'Mozilla', 'Firefox')),
    ];
  }
  if (platform === 'darwin') {
    const support = join(homeDir, 'Library', 'Application Support');
    return [
      chromium(join(support, 'Google', 'Chrome'), 'Chrome'),
      chromium(join(support, 'Microsoft Edge'), 'Edge'),
      chromium(join(support, 'BraveSoftware', 'Brave-Browser'), 'Brave'),
      chromium(join(support, 'Chromium'), 'Chromium'),
      firefox(join(support, 'Firefox')),
    ];
  }
  const config = env.XDG_CONFIG_HOME ?? join(homeDir, '.config');
  return [
    chromium(join(config, 'google-chrome'), 'Chrome'),
    chromium(join(config, 'microsoft-edge'), 'Edge'),
    chromium(join(config, 'BraveSoftware', 'Brave-Browser'), 'Brave'),
    chromium(join(config, 'chromium'), 'Chromium'),
    chromium(join(homeDir, 'snap', 'chromium', 'common', 'chromium'), 'Chromium'),
    firefox(join(homeDir, '.mozilla', 'firefox')),
    firefox(join(homeDir, 'snap', 'firefox', 'common', '.mozilla', 'firefox')),
  ];
}

/** Guesses the browser from a folder path the user gave. */
function browserFromPath(path: string, kind: 'chromium' | 'firefox'): string {
  if (kind === 'firefox') return 'Firefox';
  if (/edge/i.test(path)) return 'Edge';
  if (/brave/i.test(path)) return 'Brave';
  if (/chrome/i.test(path)) return 'Chrome';
  return 'Chromium';
}

/** Profile folders listed in a Firefox profiles.ini. */
function profilesIniPaths(text: string, root: string): string[] {
  const out: string[] = [];
  for (const section of text.split(/^\[/m)) {
    const path = /^Path=(.+)$/m.exec(section)?.[1]?.trim();
    if (!path) continue;
    const relative = /^IsRelative=(\d)/m.exec(section)?.[1] !== '0';
    out.push(relative && !isAbsolute(path) ? join(root, ...path.split(/[\\/]/)) : path);
  }
  return out;
}

/** Every profile under a root. */
async function expandRoot(root: Root, budget: ReadBudget): Promise<ProfileDir[]> {
  if (root.kind === 'chromium-root') {
    const out: ProfileDir[] = [];
    for (const sub of await subdirs(root.dir, 200)) {
      if (sub === 'System Profile' || sub === 'Guest Profile') continue;
      const dir = join(root.dir, sub);
      if (await exists(join(dir, 'Extensions')))
        out.push({ kind: 'chromium', browser: root.browser, name: sub, dir });
    }
    return out;
  }
  const candidates = new Set<string>();
  const ini = await readText(join(root.dir, 'profiles.ini'), budget);
  if (ini) for (const p of profilesIniPaths(ini, root.dir)) candidates.add(p);
  for (const base of [root.dir, join(root.dir, 'Profiles')]) {
    for (const sub of await subdirs(base, 200)) candidates.add(join(base, sub));
  }
  const out: ProfileDir[] = [];
  for (const dir of [...candidates].sort()) {
    if (await exists(join(dir, 'extensions.json'))) {
      out.push({ kind: 'firefox', browser: 'Firefox', name: basename(dir), dir });
    }
  }
  return out;
}

/** The profile folders to scan for a `browserProfiles` list (folders and/or `auto`), without duplicates. */
export async function findProfiles(
  entries: string[],
  platform: string,
  homeDir: string,
  env: Record<string, string | undefined>,
  budget: ReadBudget,
): Promise<ProfileDir[]> {
  const out: ProfileDir[] = [];
  for (const entry of entries) {
    if (entry === 'auto') {
      for (const root of standardRoots(platform, homeDir, env)) out.push(...(await expandRoot(root, budget)));
      continue;
    }
    if (await exists(join(entry, 'Extensions'))) {
      out.push({
        kind: 'chromium',
        browser: browserFromPath(entry, 'chromium'),
        name: basename(entry),
        dir: entry,
      });
    } else if (await exists(join(entry, 'extensions.json'))) {
      out.push({ kind: 'firefox', browser: 'Firefox', name: basename(entry), dir: entry });
    } else if (await exists(join(entry, 'profiles.ini'))) {
      out.push(...(await expandRoot({ kind: 'firefox-root', browser: 'Firefox', dir: entry }, budget)));
    } else {
      out.push(
        ...(await expandRoot(
          { kind: 'chromium-root', browser: browserFromPath(entry, 'chromium'), dir: entry },
          budget,
        )),
      );
    }
  }
  const seen = new Set<string>();
  return out.filter((p) => (seen.has(p.dir) ? false : (seen.add(p.dir), true)));
}
