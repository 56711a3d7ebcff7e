// The sub-cause of `local-network`: which part of the user's own connection fails, read from the local
// checks in the evidence, with the sentence that shows it and the one thing to do, in plain words.

import type { Evidence } from '../types/evidence';
import { LOCAL_CAUSES, type LocalCause, type LocalCheckResult, type LocalFinding } from '../types/local';
import { skewWords } from '../local/words';

/** A named local fault: the sub-cause, what shows it, and what to do. */
export interface LocalConclusion {
  cause: LocalCause;
  /** What was observed, one sentence (the finding check's own detail). */
  sentence: string;
  /** What to do, one sentence. */
  step: string;
  /** The check that found it (null for `offline`, which no single check shows). */
  check: LocalCheckResult | null;
}

/** Which sub-cause each finding points at. */
const FINDING_CAUSE: Record<LocalFinding, LocalCause> = {
  'captive-redirect': 'captive-portal',
  'captive-page': 'captive-portal',
  'proxy-auth': 'proxy',
  'proxy-refuses': 'proxy',
  'proxy-only': 'proxy',
  'untrusted-issuer': 'interception',
  'issuer-differs': 'interception',
  'clock-off': 'clock',
  'dns-system-fails': 'dns',
  'dns-bogus-answer': 'dns',
  'ipv6-broken': 'ipv6',
  'dns-both-fail': 'offline',
};

/** Order of precedence when several checks find a fault: the one that explains the others first. */
const PRECEDENCE: readonly LocalCause[] = LOCAL_CAUSES;

function fact(check: LocalCheckResult, key: string): string {
  const v = check.facts?.[key];
  return v === null || v === undefined ? '' : String(v);
}

/** The step for a finding, in plain words. */
export function stepFor(check: LocalCheckResult): string {
  const host = fact(check, 'host') || 'the service';
  const proxy = fact(check, 'proxy') || 'your proxy';
  switch (check.finding) {
    case 'captive-redirect':
    case 'captive-page':
      return 'Your Wi-Fi wants you to sign in: open any web page to see its sign-in screen';
    case 'proxy-auth':
      return `Your proxy ${proxy} asks for a password: enter it in your proxy settings, or turn the proxy off`;
    case 'proxy-refuses':
      return `Your proxy ${proxy} refuses connections: fix or turn off the proxy in your network settings`;
    case 'proxy-only':
      return `Only your proxy ${proxy} fails: turn it off in your network settings or ask whoever runs it`;
    case 'untrusted-issuer':
    case 'issuer-differs':
      return 'Something re-signs your secure connections: turn off "HTTPS scanning" in your antivirus, or ask your IT department';
    case 'clock-off': {
      const skew = Number(fact(check, 'skewSeconds'));
      return `Your computer's clock is ${skewWords(skew)}: set the time automatically`;
    }
    case 'dns-system-fails':
      return `Your DNS server cannot find ${host}; switch DNS to automatic or to your provider's`;
    case 'dns-bogus-answer':
      return `Your DNS server blocks or redirects ${host}; switch DNS to automatic or to your provider's, or turn off the filter you use`;
    case 'ipv6-broken':
      return 'IPv6 is broken on this network: restart the router, or turn IPv6 off in your network settings';
    case 'dns-both-fail':
    case null:
      return OFFLINE_STEP;
  }
}

const OFFLINE_STEP = 'You seem to be offline: check Wi-Fi or the cable, then restart the router';

/** The local fault the checks found, or null (no checks ran, or they found nothing). */
export function localConclusion(e: Evidence): LocalConclusion | null {
  const local = e.local;
  if (!local) return null;
  const faults = local.checks.filter((c) => c.outcome === 'fault' && c.finding !== null);
  faults.sort(
    (a, b) =>
      PRECEDENCE.indexOf(FINDING_CAUSE[a.finding as LocalFinding]) -
      PRECEDENCE.indexOf(FINDING_CAUSE[b.finding as LocalFinding]),
  );
  const first = faults[0];
  if (first?.finding) {
    return {
      cause: FINDING_CAUSE[first.finding],
      sentence: first.detail,
      step: stepFor(first),
      check: first,
    };
  }
  const c = e.controls;
  if (c.attempts > 0 && c.failures === c.attempts) {
    return {
      cause: 'offline',
      sentence: `Nothing answers: every check of unrelated sites failed (${c.failures} of ${c.attempts}) and no check found a narrower cause`,
      step: OFFLINE_STEP,
      check: null,
    };
  }
  return null;
}

/** True when the local checks name a fault of the user's own connection (offline included). */
export function hasLocalFault(e: Evidence): boolean {
  return localConclusion(e) !== null;
}
