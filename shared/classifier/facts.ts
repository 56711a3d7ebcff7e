// Reads an Evidence object into plain facts (counts, rates, names) about the window: what failed,
// how, on which path, with or without the token. The features are read from these facts.

import { mergeSignals } from '../evidence/signals';
import type { EndpointEvidence, Evidence, ResponseSignals } from '../types/evidence';
import { TRANSPORT_OUTCOMES } from '../types/probe';
import {
  deniedCount,
  errorCodes,
  httpFailures,
  isFast500,
  OVERLOAD_CODES,
  rate,
  reachableCount,
  repeatedlyFailing,
  sum,
  testable,
  tokenSplit,
  unexplainedOverloadAnswers,
} from './endpoint-facts';

/** A latency reading against the endpoint's own usual value. */
export interface LatencyFact {
  name: string;
  medianMs: number;
  baselineMs: number;
  ratio: number;
}

/** The facts the features and sentences are made from. */
export interface Facts {
  /** Direct probes of the service we could test (site and endpoints, minus token endpoints without a token). */
  direct: EndpointEvidence[];
  attempts: number;
  failures: number;
  /** Answers that came back normal. */
  reachable: number;
  /** Answers that were a bot check. */
  challenged: number;
  failingNames: string[];
  workingNames: string[];
  /** HTTP error codes seen on the direct path, with counts, most frequent first. */
  errorCodes: [number, number][];
  overloadCodes: [number, number][];
  /**
   * How many of those answers a recogniser did not explain as a proxy's own "origin unreachable / timed
   * out / failed" page: such a page's code is fixed by the proxy whatever the cause, so it is read once,
   * as the origin fault, not a second time as the service shedding load.
   */
  unexplainedOverloadAnswers: number;
  cloudflareCodes: [number, number][];
  transportFailures: number;
  dnsFailures: number;
  httpFailures: number;
  latency: LatencyFact | null;
  intermittentNames: string[];
  allFailingConsistent: boolean;
  /** Signals seen on any direct or alternate answer. */
  signals: ResponseSignals;
  controlRate: number | null;
  controlAttempts: number;
  controlFailures: number;
  authFailing: EndpointEvidence[];
  authWorking: EndpointEvidence[];
  anonymousWorking: EndpointEvidence[];
  anonymousFailing: EndpointEvidence[];
  /** Share of failed requests among the anonymous ones (site included), or null when none ran. */
  anonymousRate: number | null;
  fast500Names: string[];
  partialFailingNames: string[];
  deniedNames: string[];
  deniedOnAlternate: boolean;
  directRate: number | null;
  alternateRate: number | null;
  directEdges: string[];
  alternateEdges: string[];
  fingerprintShortlyBefore: boolean;
  /** Token endpoints whose token was refused (401/403) just as a tokenless request to them is. */
  tokenRejectedNames: string[];
  /** Token endpoints that fail with a server error only when the token is sent. */
  tokenOnlyErrorNames: string[];
  /** Token endpoints that fail with the same server error with and without the token. */
  sameErrorNames: string[];
  /** Failing endpoints that fail through the alternate path as well (at least half its requests there). */
  failingOnEveryPath: string[];
}

/** A fingerprint change this many seconds before the errors (or less) counts as "shortly before". */
export const SHORTLY_BEFORE_SECONDS = 30 * 60;

/** Summarises the evidence into the facts the features are read from. */
export function readFacts(e: Evidence): Facts {
  const direct = [...(e.site ? [e.site] : []), ...e.endpoints].filter(testable);
  const alternate = e.alternate.filter(testable);
  const failing = direct.filter((ep) => ep.failures > 0);
  const working = direct.filter((ep) => ep.failures === 0 && reachableCount(ep) > 0);

  const codes = new Map<number, number>();
  for (const ep of direct) for (const [c, n] of errorCodes(ep)) codes.set(c, (codes.get(c) ?? 0) + n);
  const sorted = [...codes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);

  let transport = 0;
  let dns = 0;
  let http = 0;
  for (const ep of direct) {
    for (const o of TRANSPORT_OUTCOMES) transport += ep.outcomes[o] ?? 0;
    dns += ep.outcomes.dns ?? 0;
    http += (ep.outcomes['http-4xx'] ?? 0) + (ep.outcomes['http-5xx'] ?? 0);
  }

  let latency: LatencyFact | null = null;
  for (const ep of direct) {
    if (ep.medianMs === null || ep.baselineMs === null || ep.baselineMs <= 0) continue;
    const ratio = ep.medianMs / ep.baselineMs;
    if (!latency || ratio > latency.ratio) {
      latency = { name: ep.name, medianMs: ep.medianMs, baselineMs: ep.baselineMs, ratio };
    }
  }

  const anonymous = direct.filter((ep) => !ep.auth);
  const authProbes = e.endpoints.filter((ep) => ep.auth);
  const anonymousWorking = anonymous.filter((ep) => ep.failures === 0 && reachableCount(ep) > 0);
  const anonymousFailing = anonymous.filter((ep) => ep.failures > 0);

  // Compare the two paths only over the names probed on both.
  const altNames = new Set(alternate.map((ep) => ep.name));
  const compared = direct.filter((ep) => altNames.has(ep.name));
  const comparedAlt = alternate.filter((ep) => compared.some((d) => d.name === ep.name));

  const edges = (list: EndpointEvidence[]): string[] =>
    [...new Set(list.map((ep) => ep.edge).filter((x): x is string => !!x))].sort();

  const fp = e.fingerprint;
  const failuresTotal = sum(direct, (ep) => ep.failures);
  const split = tokenSplit(e);
  return {
    direct,
    attempts: sum(direct, (ep) => ep.attempts),
    failures: failuresTotal,
    reachable: sum(direct, reachableCount),
    challenged: sum(direct, (ep) => ep.outcomes.challenge ?? 0),
    failingNames: failing.map((ep) => ep.name),
    workingNames: working.map((ep) => ep.name),
    errorCodes: sorted,
    overloadCodes: sorted.filter(([c]) => OVERLOAD_CODES.has(c)),
    unexplainedOverloadAnswers: sum(direct, unexplainedOverloadAnswers),
    cloudflareCodes: sorted.filter(([c]) => c >= 520 && c <= 527),
    transportFailures: transport,
    dnsFailures: dns,
    httpFailures: http,
    latency,
    intermittentNames: failing.filter((ep) => ep.pattern === 'intermittent').map((ep) => ep.name),
    allFailingConsistent:
      failing.length > 0 && failing.every((ep) => ep.pattern === 'consistent' && ep.failures >= 2),
    signals: mergeSignals(...[...direct, ...alternate].map((ep) => ep.signals)),
    controlAttempts: e.controls.attempts,
    controlFailures: e.controls.failures,
    controlRate: rate(e.controls.failures, e.controls.attempts),
    // An auth endpoint "fails" when at least half its requests get an HTTP error (401, 403, 5xx…);
    // one stray timeout, or timeouts of a whole host, are not an account fault.
    // An endpoint that fails the same way without the token is not failing because of the token.
    authFailing: authProbes.filter(
      (ep) => ep.attempts > 0 && httpFailures(ep) / ep.attempts >= 0.5 && !split.same.includes(ep.name),
    ),
    anonymousRate: rate(
      sum(anonymous, (ep) => ep.failures),
      sum(anonymous, (ep) => ep.attempts),
    ),
    authWorking: authProbes.filter((ep) => ep.failures === 0 && reachableCount(ep) > 0),
    anonymousWorking,
    anonymousFailing,
    fast500Names: failing.filter((ep) => repeatedlyFailing(ep) && isFast500(ep)).map((ep) => ep.name),
    partialFailingNames:
      anonymousWorking.length > 0 ? anonymousFailing.filter(repeatedlyFailing).map((ep) => ep.name) : [],
    deniedNames: anonymous.filter((ep) => deniedCount(ep) > 0).map((ep) => ep.name),
    deniedOnAlternate: alternate.some((ep) => !ep.auth && deniedCount(ep) > 0),
    directRate: rate(
      sum(compared, (ep) => ep.failures),
      sum(compared, (ep) => ep.attempts),
    ),
    alternateRate: rate(
      sum(comparedAlt, (ep) => ep.failures),
      sum(comparedAlt, (ep) => ep.attempts),
    ),
    directEdges: edges(direct),
    alternateEdges: edges(alternate),
    fingerprintShortlyBefore:
      fp.changedAt !== null &&
      fp.changeBounded === true &&
      fp.secondsBeforeErrors !== null &&
      fp.secondsBeforeErrors >= -60 &&
      fp.secondsBeforeErrors <= SHORTLY_BEFORE_SECONDS &&
      failuresTotal > 0,
    tokenRejectedNames: split.rejected,
    tokenOnlyErrorNames: split.tokenOnly,
    sameErrorNames: split.same,
    failingOnEveryPath: failing
      .filter((ep) => {
        const alt = alternate.find((a) => a.name === ep.name);
        return alt !== undefined && alt.attempts > 0 && alt.failures / alt.attempts >= 0.5;
      })
      .map((ep) => ep.name),
  };
}
