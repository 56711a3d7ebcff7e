// Features of the user's account: the token works or fails while tokenless requests work, the token
// is refused, a server error only with the token, no token set, a CSRF refusal, a used-up quota.

import { patterned, seen, type FeatureScan } from './feature-scan';

/** Adds the features that speak for or against a fault of this account or its token. */
export function accountFeatures(s: FeatureScan): void {
  const { e, f, on } = s;
  if (e.auth.tokenConfigured) {
    if (
      f.authFailing.length > 0 &&
      f.anonymousWorking.length > 0 &&
      f.anonymousRate !== null &&
      f.anonymousRate <= 0.1
    ) {
      on.add('auth-fails-anon-ok');
    } else if (f.authWorking.length > 0 && f.authFailing.length === 0) on.add('auth-ok');
    // The same endpoint with and without the token: the cleanest account test there is.
    if (f.tokenRejectedNames.length > 0) on.add('token-rejected');
    if (f.tokenOnlyErrorNames.length > 0) on.add('token-only-server-error');
    if (f.sameErrorNames.length > 0) on.add('same-error-without-token');
  } else {
    on.add('no-token');
  }
  if (f.signals.csrf) on.add('csrf');
  if (!patterned(s)) return;
  if (seen(f, 'rate-limited')) on.add('rate-limited');
  if (seen(f, 'token-rejected')) on.add('token-refused-answer');
  // The service's own words: this account's quota or credit used up.
  if (seen(f, 'quota')) on.add('quota-answer');
}
