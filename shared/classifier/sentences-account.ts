// The sentences for the user's account: the token works, fails, is refused, breaks only with the
// token, is not set; CSRF refusals, used-up quotas, rate limits.

import { namedOr, recognised } from './recognition-words';
import { codes, names } from './sentence-words';
import type { SentenceTable } from './sentence-words';

/** The sentences of the account features (features-account.ts). */
export const ACCOUNT_SENTENCES = {
  'auth-fails-anon-ok': (f) => {
    const list: [number, number][] = [];
    for (const ep of f.authFailing) {
      for (const [c, n] of Object.entries(ep.statuses)) if (Number(c) >= 400) list.push([Number(c), n]);
    }
    const shown = list.length > 0 ? ` (${codes(list)})` : '';
    return `Requests made with your token fail${shown} while the service answers requests without it normally`;
  },
  'auth-ok': () => 'Requests made with your token work normally',
  'token-rejected': (f) =>
    `${names(f.tokenRejectedNames)} refused your token just as it refuses a request sent with no token at all: the token itself is not accepted`,
  'token-only-server-error': (f) =>
    `${names(f.tokenOnlyErrorNames)} answers a request without the token normally (it asks for a login) but fails with a server error when your token is sent`,
  'same-error-without-token': (f) =>
    `${names(f.sameErrorNames)} fails with the same server error with and without your token, so the token is not what breaks it`,
  'no-token': () =>
    'No token is set, so your account could not be tested — adding one would let this app check it',
  csrf: (f) =>
    namedOr(
      f,
      ['csrf'],
      'The service rejected a request with a “CSRF verification failed” page, a sign of a broken login session',
    ),
  'token-refused-answer': (f) => recognised(f, 'token-rejected'),
  'quota-answer': (f) => recognised(f, 'quota'),
  'rate-limited': (f) => recognised(f, 'rate-limited'),
} satisfies SentenceTable;
