// What every feature reader is handed: the evidence, its facts, the set of features found so far and
// the few judgements several families share (any failure, a lone failure, a local fault).

import { recognitionsOf } from '../evidence/signals';
import type { Evidence } from '../types/evidence';
import type { Meaning } from '../types/recognition';
import type { Facts } from './facts';
import type { FeatureId } from './feature-ids';

/** One pass over the evidence: readers add the features they find to `on`. */
export interface FeatureScan {
  e: Evidence;
  f: Facts;
  /** The features found so far (some readers look at what an earlier one found). */
  on: Set<FeatureId>;
  /** Some direct request failed. */
  anyFailure: boolean;
  /**
   * One lone failure among many successes: noise, not a pattern. It gets its own feature, and neither
   * its shape nor its status code is read as evidence for a cause.
   */
  isolated: boolean;
  /**
   * A local fault the checks found (a sign-in page answering for every site, a lying resolver…): answers
   * that looked fine may not be the service's, and working controls do not clear the connection.
   */
  localFault: boolean;
}

/** True when a recogniser named one of these meanings in the answers. */
export function seen(f: Facts, ...meanings: Meaning[]): boolean {
  return recognitionsOf(f.signals, ...meanings).length > 0;
}

/** True when the failures have a pattern to read: some failed, and not just one lone miss. */
export function patterned(s: FeatureScan): boolean {
  return s.anyFailure && !s.isolated;
}
