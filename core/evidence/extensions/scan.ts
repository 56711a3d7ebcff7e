// The browser-extension scanner: finds the profiles, reads their extensions, and names the enabled
// ones whose permissions or content scripts reach the watched site. Bounded and never throws.

import { homedir } from 'node:os';
import type { ExtensionSuspect } from '../../../shared/types/evidence';
import { scanChromiumProfile } from './chromium';
import { scanFirefoxProfile } from './firefox';
import { findProfiles } from './locations';
import type { ReadBudget } from './read';

/** What to scan. */
export interface ScanOptions {
  /** Profile folders, or `auto` for the standard Chrome, Edge, Brave, Chromium and Firefox locations. */
  profiles: string[];
  /** The site the user sees failing. */
  siteUrl: string;
  /** Defaults to process.platform. */
  platform?: string;
  /** Defaults to os.homedir(). */
  homeDir?: string;
  /** Defaults to process.env (LOCALAPPDATA, APPDATA, XDG_CONFIG_HOME). */
  env?: Record<string, string | undefined>;
  /** Most files read in one scan (default 3000). */
  maxFiles?: number;
}

/** What the scan found. */
export interface ScanResult {
  scanned: boolean;
  profilesScanned: number;
  suspects: ExtensionSuspect[];
}

/** Scans the browser profiles for extensions that can touch the site. Never throws. */
export async function scanExtensions(options: ScanOptions): Promise<ScanResult> {
  let site: URL;
  try {
    site = new URL(options.siteUrl);
  } catch {
    return { scanned: false, profilesScanned: 0, suspects: [] };
  }
  const budget: ReadBudget = { filesLeft: options.maxFiles ?? 3000 };
  try {
    const profiles = await findProfiles(
      options.profiles,
      options.platform ?? process.platform,
      options.homeDir ?? homedir(),
      options.env ?? process.env,
      budget,
    );
    const suspects: ExtensionSuspect[] = [];
    let profilesScanned = 0;
    for (const p of profiles) {
      if (budget.filesLeft <= 0) break;
      profilesScanned++;
      try {
        suspects.push(
          ...(p.kind === 'chromium'
            ? await scanChromiumProfile(p.dir, p.browser, p.name, site, budget)
            : await scanFirefoxProfile(p.dir, p.name, site, budget)),
        );
      } catch {
        // An unreadable profile is skipped; the others still count.
      }
    }
    return { scanned: true, profilesScanned, suspects };
  } catch {
    return { scanned: false, profilesScanned: 0, suspects: [] };
  }
}
