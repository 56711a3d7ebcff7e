// Small readings of one endpoint's answers (its error codes, denials, fast 500s, overload answers,
// the token twin test) that the window's facts are summed from.

import { countOf, ORIGIN_FAULTS } from '../evidence/signals';
import type { EndpointEvidence, Evidence } from '../types/evidence';

/** True when the endpoint's answers say something (a token endpoint probed without a token says nothing). */
export function testable(ep: EndpointEvidence): boolean {
  return !(ep.needsToken === true && !ep.auth);
}

/** Answers that came back readable: normal, or too large to read whole. */
export function reachableCount(ep: EndpointEvidence): number {
  return (ep.outcomes.ok ?? 0) + (ep.outcomes['body-too-large'] ?? 0);
}

/** The sum of one count over a list of endpoints. */
export function sum(list: EndpointEvidence[], pick: (ep: EndpointEvidence) => number): number {
  return list.reduce((acc, ep) => acc + pick(ep), 0);
}

/** Error codes (≥ 400) an endpoint answered, not counting the bot checks. */
export function errorCodes(ep: EndpointEvidence): Map<number, number> {
  const out = new Map<number, number>();
  for (const [code, count] of Object.entries(ep.statuses)) {
    const n = Number(code);
    if (n >= 400 && count > 0) out.set(n, count);
  }
  const challenged = ep.outcomes.challenge ?? 0;
  if (challenged > 0) {
    for (const code of [403, 503, 429]) {
      const left = (out.get(code) ?? 0) - challenged;
      if (out.has(code)) {
        if (left > 0) out.set(code, left);
        else out.delete(code);
        break;
      }
    }
  }
  return out;
}

/** Refusals a recogniser read as something other than a denial (a rate limit, a bot check, a bad token…). */
function otherRefusals(ep: EndpointEvidence): number {
  return countOf(
    ep.signals,
    'rate-limited',
    'queue',
    'bot-check',
    'token-rejected',
    'geo-block',
    'quota',
    'network-filter',
  );
}

/** Refusals (401/403, or a recognised denial) that no recogniser read as something else. */
export function deniedCount(ep: EndpointEvidence): number {
  if (ep.signals.csrf) return 0;
  const codes = errorCodes(ep);
  const refused = Math.max(0, (codes.get(401) ?? 0) + (codes.get(403) ?? 0) - otherRefusals(ep));
  // A denial can come with another status (Azure's 409 PublicAccessNotPermitted).
  const recognised = countOf(ep.signals, 'access-denied', 'firewall-block', 'ip-ban');
  return Math.max(refused, recognised);
}

/** True when the endpoint's 500s come back about as fast as its normal answers (or within 500 ms). */
export function isFast500(ep: EndpointEvidence): boolean {
  if (!errorCodes(ep).has(500) || ep.medianErrorMs === null) return false;
  const limit = ep.baselineMs !== null ? ep.baselineMs * 1.5 + 50 : 500;
  return ep.medianErrorMs <= limit;
}

/** Failed every time since the errors began, and more than once (one failure shows no pattern). */
export function repeatedlyFailing(ep: EndpointEvidence): boolean {
  return ep.pattern === 'consistent' && ep.failures >= 2;
}

/** Answers that were an HTTP error (4xx or 5xx). */
export function httpFailures(ep: EndpointEvidence): number {
  return (ep.outcomes['http-4xx'] ?? 0) + (ep.outcomes['http-5xx'] ?? 0);
}

/** The most frequent error code (≥ 400) of an endpoint, when it is at least half its answers. */
function mainErrorCode(ep: EndpointEvidence): number | null {
  const codes = [...errorCodes(ep).entries()].sort((a, b) => b[1] - a[1]);
  const top = codes[0];
  return top && ep.attempts > 0 && top[1] / ep.attempts >= 0.5 ? top[0] : null;
}

/** What the same token endpoint did with and without the token. */
export function tokenSplit(e: Evidence): { rejected: string[]; tokenOnly: string[]; same: string[] } {
  const out = { rejected: [] as string[], tokenOnly: [] as string[], same: [] as string[] };
  for (const twin of e.anonymous ?? []) {
    const withToken = e.endpoints.find((ep) => ep.name === twin.name && ep.auth);
    if (!withToken) continue;
    const mine = mainErrorCode(withToken);
    const theirs = mainErrorCode(twin);
    const refusedAnon = theirs === 401 || theirs === 403;
    if ((mine === 401 || mine === 403) && refusedAnon) out.rejected.push(twin.name);
    else if (mine !== null && mine >= 500 && refusedAnon) out.tokenOnly.push(twin.name);
    else if (mine !== null && mine >= 500 && mine === theirs) out.same.push(twin.name);
  }
  return out;
}

/** The codes a service (or the proxy in front of it) answers with when it sheds load. */
export const OVERLOAD_CODES = new Set([429, 502, 503, 504]);

/**
 * An endpoint's 429/502/503/504 answers less those recognised as a proxy's origin-fault page, and less
 * those whose body says the cause is elsewhere (this account's quota, a location refusal, a network filter).
 */
export function unexplainedOverloadAnswers(ep: EndpointEvidence): number {
  let overload = 0;
  for (const [c, n] of errorCodes(ep)) if (OVERLOAD_CODES.has(c)) overload += n;
  const explained = countOf(ep.signals, ...ORIGIN_FAULTS, 'quota', 'geo-block', 'network-filter');
  return Math.max(0, overload - explained);
}

/** failures / attempts, or null when nothing was attempted. */
export function rate(failures: number, attempts: number): number | null {
  return attempts > 0 ? failures / attempts : null;
}
