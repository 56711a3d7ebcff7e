// The causes a diagnosis could not test, and how to let it: no token → the account was never tried, no
// alternate path → a regional fault cannot be told apart, no extension scan → extensions were not looked
// at. Every surface lists them (CLI, JSON, report, window) so nothing untested passes for fine.

import type { Cause } from '../types/diagnosis';
import type { Evidence } from '../types/evidence';
import { VERDICT_WORDS } from './words';

/** One cause the diagnosis could not test. */
export interface UncheckedCause {
  cause: Cause;
  /** Why not, a few words after "not checked — ": "no token". */
  why: string;
  /** How to let it be checked, one sentence. */
  enable: string;
}

/** What of the evidence says which tests ran. */
export type CheckedParts = Pick<
  Evidence,
  'auth' | 'alternateConfigured' | 'extensions' | 'endpoints' | 'anonymous'
>;

/** The causes this evidence could not test, in the order of the seven causes. */
export function uncheckedCauses(e: CheckedParts): UncheckedCause[] {
  const out: UncheckedCause[] = [];
  // Diagnoses stored by older versions may lack these parts: nothing can be said of them then.
  if (!e.auth || !e.extensions) return out;
  if (!e.auth.tokenConfigured) {
    out.push(
      tokenEndpoint(e)
        ? {
            cause: 'account',
            why: 'no token',
            enable:
              'give your token: in the app under Settings → Token, for the command line in the variable the config names in "tokenEnv" (WHY500_TOKEN by default).',
          }
        : {
            cause: 'account',
            why: 'no endpoint that needs your login',
            enable: 'add one with "auth": true to the target in the config, and your token.',
          },
    );
  }
  if (!e.alternateConfigured) {
    out.push({
      cause: 'regional',
      why: 'no alternate path',
      enable: 'set "alternatePath" (a proxy in another region or network) in the config or in Settings.',
    });
  }
  if (!e.extensions.scanned) {
    out.push({
      cause: 'extensions',
      why: 'no extension scan',
      enable:
        'run "why500 diagnose --symptom", or "I\'m seeing an error now" in the app, while the error shows.',
    });
  } else if (e.extensions.profilesScanned === 0) {
    out.push({
      cause: 'extensions',
      why: 'no browser profile found',
      enable: 'name your browser\'s profile folder in "browserProfiles" in the config.',
    });
  }
  return out;
}

/** Whether the target has an endpoint that takes the token (without one, a token would test nothing). */
function tokenEndpoint(e: CheckedParts): boolean {
  return (
    (e.anonymous?.length ?? 0) > 0 || (e.endpoints ?? []).some((ep) => ep.auth || ep.needsToken === true)
  );
}

/** "Account or session: not checked — no token. To check it, give your token: …" */
export function uncheckedLine(u: UncheckedCause): string {
  return `${VERDICT_WORDS[u.cause].title}: not checked — ${u.why}. To check it, ${u.enable}`;
}
