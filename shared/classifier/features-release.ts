// Features of the site's releases: its build fingerprint changed shortly before the errors, changed
// with no errors, changed unseen, or stayed the same; and errors with no release seen near them.

import type { Evidence } from '../types/evidence';
import { SHORTLY_BEFORE_SECONDS, type Facts } from './facts';
import { patterned, seen, type FeatureScan } from './feature-scan';

/** True when the site's build was the same since well before the first failure. */
function fingerprintStable(e: Evidence, f: Facts, shortlyBefore: boolean): boolean {
  const fp = e.fingerprint;
  if (fp.current === null || shortlyBefore || f.failures === 0) return false;
  const seenAt = fp.changedAt ?? fp.firstSeenAt ?? null;
  const firstFailure = e.firstFailureAt ?? null;
  if (seenAt === null || firstFailure === null) return false;
  return (Date.parse(firstFailure) - Date.parse(seenAt)) / 1000 > SHORTLY_BEFORE_SECONDS;
}

/** Adds the features that speak for or against a bad update. */
export function releaseFeatures(s: FeatureScan): void {
  const { e, f, on, anyFailure, isolated } = s;
  const changed = e.fingerprint.changedAt !== null;
  if (f.fingerprintShortlyBefore) on.add('fingerprint-changed-before-errors');
  else if (changed && e.fingerprint.changeBounded === true && !anyFailure) {
    on.add('fingerprint-changed-no-errors');
  }
  if (fingerprintStable(e, f, f.fingerprintShortlyBefore)) on.add('fingerprint-stable');
  // A change that was not seen happening (the app was not watching) dates nothing: it weighs nothing.
  if (changed && e.fingerprint.changeBounded !== true) on.add('fingerprint-changed-unseen');
  // The error pattern alone never makes a bad update: when the servers answer with errors and no
  // release was seen close to them, bad-update stays unlikely however the errors look. (Timeouts are
  // weighed against bad-update by transport-only already.)
  if (f.httpFailures > 0 && !isolated && !f.fingerprintShortlyBefore) on.add('no-release-seen');
  if (patterned(s) && seen(f, 'app-crash', 'error-in-200', 'not-found') && !f.fingerprintShortlyBefore)
    on.add('app-error-no-release');
}
