// Features of the other watched services at the same time: controls for this one (they answer), or
// fellow victims of one shared vendor.

import { patterned, type FeatureScan } from './feature-scan';

/** Adds 'shared-vendor-failure' or 'peers-answer'. Reads 'controls-ok' (networkFeatures), so it runs after that. */
export function peerFeatures(s: FeatureScan): void {
  const { e, on } = s;
  if (!e.peers || !patterned(s)) return;
  const vendor = e.peers.sharedVendor;
  if (vendor && (vendor.unrelatedAnswering.length > 0 || on.has('controls-ok')))
    on.add('shared-vendor-failure');
  else if (e.peers.answering.length > 0) on.add('peers-answer');
}
