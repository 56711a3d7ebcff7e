// Features of the user's own browser: the error they say they see, and the installed extensions
// that can read or change the site.

import type { FeatureScan } from './feature-scan';

/** Adds the symptom and extension features. */
export function browserFeatures({ e, f, on, anyFailure, isolated }: FeatureScan): void {
  if (e.symptom) {
    if ((!anyFailure || isolated) && f.reachable > 0) on.add('symptom-clean');
    else if (anyFailure) on.add('symptom-with-failures');
  } else {
    on.add('no-symptom');
  }
  if (e.extensions.suspects.length > 0) on.add('extension-suspects');
  else if (e.extensions.scanned && e.extensions.profilesScanned > 0) on.add('no-extension-suspects');
}
