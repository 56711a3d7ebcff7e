// The extension scan as the app runs it: over the configured browser profiles, for the target's site.

import type { ResolvedTarget } from '../../shared/types/config';
import type { Evidence } from '../../shared/types/evidence';
import { scanExtensions } from '../evidence';

/** The result of a scan, as the evidence holds it. */
export type ExtensionScan = Evidence['extensions'];

/** Scans `profiles` (folders or "auto") for extensions that can reach the target's site. Never throws. */
export async function scanForSuspects(
  target: ResolvedTarget,
  profiles: string[],
  env?: Record<string, string | undefined>,
): Promise<ExtensionScan> {
  const result = await scanExtensions({ profiles, siteUrl: target.site, ...(env ? { env } : {}) });
  return { scanned: result.scanned, profilesScanned: result.profilesScanned, suspects: result.suspects };
}
