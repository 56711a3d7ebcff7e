// The sub-cause of `local-network`: which part of the user's own connection fails, read from the local
// checks in the evidence, with the sentence that shows it and the one thing to do, in plain words.

import { mergeSignals, recognitionsOf } from '../evidence/signals';
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
  /** The check that found it (null for `offline` and `filter`, which no single check shows). */
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

/**
 * True when the machine is online although no name can be looked up: a control site (reached by its
 * address) answered, or the "no content" address answered as it should.
 */
function somethingAnswered(e: Evidence): boolean {
  const c = e.controls;
  return (
    c.attempts > c.failures ||
    (e.local?.checks ?? []).some((x) => x.check === 'captive' && x.outcome === 'ok')
  );
}

/** The sub-cause a check's finding points at: no lookup works but something answered is DNS, not offline. */
function causeOf(check: LocalCheckResult, e: Evidence): LocalCause {
  const cause = FINDING_CAUSE[check.finding as LocalFinding];
  return cause === 'offline' && somethingAnswered(e) ? 'dns' : cause;
}

/** The step when DNS lookups fail everywhere while the internet answers. */
function dnsOnlyStep(check: LocalCheckResult): string {
  const host = fact(check, 'host') || 'any site';
  return `You are online, but no DNS server could look up ${host}: switch DNS to automatic or to your provider's, then restart the router`;
}

/** A web filter's block page answering on the usual route: the filter named by its page, and what to do. */
function filterConclusion(e: Evidence): LocalConclusion | null {
  const direct = [...(e.site ? [e.site] : []), ...e.endpoints];
  const seen = recognitionsOf(mergeSignals(...direct.map((ep) => ep.signals)), 'network-filter');
  const first = seen[0];
  if (!first) return null;
  const count = seen.filter((r) => r.vendor === first.vendor).reduce((n, r) => n + r.count, 0);
  const name = first.name.charAt(0).toUpperCase() + first.name.slice(1);
  return {
    cause: 'filter',
    sentence: `${name}'s block page answered instead of ${e.target}, ${count === 1 ? 'once' : `${count} times`}: a filter on your network or at your provider blocks it`,
    step: `Your network blocks ${e.target} (${first.name}): ask whoever runs this network to allow it, or use another network`,
    check: null,
  };
}

/** The local fault the checks (or a filter's block page) found, or null (nothing found). */
export function localConclusion(e: Evidence): LocalConclusion | null {
  const filter = filterConclusion(e);
  const local = e.local;
  if (!local) return filter;
  const faults = local.checks.filter((c) => c.outcome === 'fault' && c.finding !== null);
  faults.sort((a, b) => PRECEDENCE.indexOf(causeOf(a, e)) - PRECEDENCE.indexOf(causeOf(b, e)));
  const first = faults[0];
  if (filter && (!first || PRECEDENCE.indexOf('filter') < PRECEDENCE.indexOf(causeOf(first, e))))
    return filter;
  if (first?.finding) {
    const cause = causeOf(first, e);
    return {
      cause,
      sentence: first.detail,
      step: cause === 'dns' && first.finding === 'dns-both-fail' ? dnsOnlyStep(first) : stepFor(first),
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
