// Reads an Evidence object into the named features the model weighs: the facts first (facts.ts), then
// each family of features in turn (features-*.ts). Every feature is a yes/no fact about what was
// observed; explain.ts words it.

import type { Evidence } from '../types/evidence';
import type { Facts } from './facts';
import { FEATURE_IDS, type FeatureId } from './feature-ids';
import type { FeatureScan } from './feature-scan';
import { accountFeatures } from './features-account';
import { browserFeatures } from './features-browser';
import { failureShapeFeatures } from './features-failures';
import { networkFeatures } from './features-network';
import { originFeatures } from './features-origin';
import { peerFeatures } from './features-peers';
import { releaseFeatures } from './features-release';
import { maintenanceSignalFeatures, statusPageFeatures } from './features-status';
import { hasLocalFault } from './local';

export { FEATURE_IDS, type FeatureId } from './feature-ids';
export { readFacts, SHORTLY_BEFORE_SECONDS, type Facts, type LatencyFact } from './facts';

/** The features present in this evidence, in the order of FEATURE_IDS. */
export function detectFeatures(e: Evidence, f: Facts): FeatureId[] {
  const scan: FeatureScan = {
    e,
    f,
    on: new Set<FeatureId>(),
    anyFailure: f.failures > 0,
    isolated: f.failures === 1 && f.attempts >= 6,
    localFault: hasLocalFault(e),
  };
  // Some families read what an earlier one found: the path comparison and the controls (network)
  // before origin and peers; the status page, the failure shape and origin before the maintenance sign.
  failureShapeFeatures(scan);
  statusPageFeatures(scan);
  releaseFeatures(scan);
  accountFeatures(scan);
  networkFeatures(scan);
  originFeatures(scan);
  maintenanceSignalFeatures(scan);
  peerFeatures(scan);
  browserFeatures(scan);
  return FEATURE_IDS.filter((id) => scan.on.has(id));
}

/** True when there is too little to judge: no round ran, or no probe of the service got a readable answer or a failure. */
export function isThin(e: Evidence, f: Facts): boolean {
  return e.rounds === 0 || f.reachable + f.failures === 0;
}
