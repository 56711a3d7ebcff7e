// The site's build fingerprint as one window of rounds sees it: a change found inside the window, a
// remembered change confirmed (or not) by the window, and how long before the errors it came.

import type { FingerprintEvidence } from '../../shared/types/evidence';
import {
  type extractFingerprint,
  isBoundedChange,
  secondsBeforeErrors,
  sightingsNeeded,
} from './fingerprint';

/** One answer of the site in the window: when, and the build fingerprint it carried (if any). */
export interface SiteSighting {
  at: string;
  fp: ReturnType<typeof extractFingerprint>;
}

/**
 * Finds a fingerprint change inside the window from the site probes (time-ordered). Like the
 * tracker, an ETag or Last-Modified must be seen twice in a row before a change from it counts.
 */
export function windowFingerprint(sightings: SiteSighting[]): FingerprintEvidence | null {
  let current: ReturnType<typeof extractFingerprint> = null;
  let seen = 0;
  let firstSeenAt: string | null = null;
  let lastSeenAt: string | null = null;
  let previous: string | null = null;
  let previousLastSeenAt: string | null = null;
  let changedAt: string | null = null;
  for (const { at, fp } of sightings) {
    if (!fp) continue;
    if (current && fp.value === current.value) {
      seen++;
      lastSeenAt = at;
      continue;
    }
    if (current && seen >= sightingsNeeded(current.source)) {
      previous = current.value;
      previousLastSeenAt = lastSeenAt;
      changedAt = at;
    }
    current = fp;
    seen = 1;
    firstSeenAt = at;
    lastSeenAt = at;
  }
  if (!current) return null;
  return {
    current: current.value,
    previous,
    changedAt,
    source: current.source,
    secondsBeforeErrors: null,
    firstSeenAt,
    lastSeenAt,
    previousLastSeenAt,
    // Two sightings in a row of this window: the change was seen happening unless the rounds were far apart.
    changeBounded: isBoundedChange(previousLastSeenAt, changedAt),
  };
}

/**
 * The remembered fingerprint as this window may use it: a remembered change counts only when this
 * window saw the site's current build itself (with no answer from the site, nothing is claimed).
 */
export function confirmedByWindow(
  remembered: FingerprintEvidence,
  sightings: SiteSighting[],
): FingerprintEvidence {
  const seenNow = sightings.some(({ fp }) => fp?.value === remembered.current);
  return seenNow || remembered.changedAt === null ? remembered : { ...remembered, changeBounded: false };
}

/**
 * Seconds from a build change to the first failure after it; null when nothing failed after it, or
 * when the service was already failing often before it (then the errors did not start with the change).
 */
export function errorsAfterChange(
  changedAt: string,
  trail: { at: string; failed: boolean }[],
): number | null {
  const change = Date.parse(changedAt);
  if (Number.isNaN(change)) return null;
  const before = trail.filter((x) => Date.parse(x.at) < change - 60_000);
  const failedBefore = before.filter((x) => x.failed).length;
  if (failedBefore >= 2 && failedBefore / before.length >= 0.3) return null;
  const first = trail.find((x) => x.failed && Date.parse(x.at) >= change - 60_000);
  return first ? secondsBeforeErrors(changedAt, first.at) : null;
}
