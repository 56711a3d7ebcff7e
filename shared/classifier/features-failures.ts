// Features of the failures' shape: none, a lone miss, on and off or every time, slower than usual,
// fast 500s, some endpoints failing while others work.

import type { FeatureScan } from './feature-scan';

/** Adds the features that describe how and where requests failed. */
export function failureShapeFeatures({ f, on, anyFailure, isolated, localFault }: FeatureScan): void {
  if (!anyFailure && f.reachable > 0 && !localFault) on.add('no-failures');
  if (isolated) on.add('isolated-failure');
  else if (anyFailure) on.add('failures-present');
  if (f.latency && f.latency.ratio >= 2 && f.latency.medianMs - f.latency.baselineMs >= 100) {
    on.add('latency-rise');
  }
  if (isolated) {
    // no failure shape to read from a single failure
  } else if (f.intermittentNames.length > 0) on.add('intermittent');
  else if (f.allFailingConsistent) on.add('consistent');
  if (f.fast500Names.length > 0) on.add('fast-500s');
  if (f.errorCodes.some(([c]) => c === 500)) on.add('plain-500');
  if (f.partialFailingNames.length > 0) on.add('partial-endpoints');
}
