// Reads an Evidence object into plain facts (counts, rates, names) and then into the named features
// the model weighs. Every feature is a yes/no fact about what was observed; explain.ts words it.

import { countOf, mergeSignals, ORIGIN_FAULTS, recognitionsOf } from '../evidence/signals';
import type { EndpointEvidence, Evidence, ResponseSignals } from '../types/evidence';
import type { Meaning } from '../types/recognition';
import { TRANSPORT_OUTCOMES } from '../types/probe';
import { hasLocalFault } from './local';

/** The named features the model knows. Each one is present or absent. */
export const FEATURE_IDS = [
  'no-failures',
  'failures-present',
  'isolated-failure',
  'overload-codes',
  'cloudflare-origin-error',
  'waiting-room',
  'latency-rise',
  'intermittent',
  'consistent',
  'retry-after',
  'status-incident',
  'status-operational',
  'status-maintenance',
  'status-maintenance-upcoming',
  'region-components-down',
  'maintenance-wording',
  'fingerprint-changed-before-errors',
  'fingerprint-changed-no-errors',
  'fingerprint-stable',
  'fingerprint-changed-unseen',
  'no-release-seen',
  'fast-500s',
  'plain-500',
  'partial-endpoints',
  'auth-fails-anon-ok',
  'auth-ok',
  'token-rejected',
  'token-only-server-error',
  'same-error-without-token',
  'no-token',
  'csrf',
  'direct-fails-alternate-ok',
  'both-paths-fail',
  'edge-differs',
  'no-alternate',
  'controls-fail',
  'controls-partial',
  'controls-ok',
  'local-fault',
  'transport-only',
  'dns-failures',
  'server-answered',
  'anon-denied',
  'denied-all-paths',
  'access-denied-body',
  'challenge',
  'symptom-clean',
  'symptom-with-failures',
  'no-symptom',
  'extension-suspects',
  'no-extension-suspects',
  'firewall-block',
  'firewall-one-path',
  'geo-block',
  'rate-limited',
  'origin-down',
  'origin-dead',
  'origin-fault-once',
  'token-refused-answer',
  'app-error-no-release',
  'overloaded-answer',
  'quota-answer',
  'network-filter',
  'gateway-timeout',
  'fails-on-every-path',
  'no-maintenance-signal',
  'peers-answer',
  'shared-vendor-failure',
] as const;

/** One named feature. */
export type FeatureId = (typeof FEATURE_IDS)[number];

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

/** True when the endpoint's answers say something (a token endpoint probed without a token says nothing). */
function testable(ep: EndpointEvidence): boolean {
  return !(ep.needsToken === true && !ep.auth);
}

function reachableCount(ep: EndpointEvidence): number {
  return (ep.outcomes.ok ?? 0) + (ep.outcomes['body-too-large'] ?? 0);
}

function sum(list: EndpointEvidence[], pick: (ep: EndpointEvidence) => number): number {
  return list.reduce((acc, ep) => acc + pick(ep), 0);
}

/** Error codes (≥ 400) an endpoint answered, not counting the bot checks. */
function errorCodes(ep: EndpointEvidence): Map<number, number> {
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

function deniedCount(ep: EndpointEvidence): number {
  if (ep.signals.csrf) return 0;
  const codes = errorCodes(ep);
  const refused = Math.max(0, (codes.get(401) ?? 0) + (codes.get(403) ?? 0) - otherRefusals(ep));
  // A denial can come with another status (Azure's 409 PublicAccessNotPermitted).
  const recognised = countOf(ep.signals, 'access-denied', 'firewall-block', 'ip-ban');
  return Math.max(refused, recognised);
}

function isFast500(ep: EndpointEvidence): boolean {
  if (!errorCodes(ep).has(500) || ep.medianErrorMs === null) return false;
  const limit = ep.baselineMs !== null ? ep.baselineMs * 1.5 + 50 : 500;
  return ep.medianErrorMs <= limit;
}

/** Failed every time since the errors began, and more than once (one failure shows no pattern). */
function repeatedlyFailing(ep: EndpointEvidence): boolean {
  return ep.pattern === 'consistent' && ep.failures >= 2;
}

function httpFailures(ep: EndpointEvidence): number {
  return (ep.outcomes['http-4xx'] ?? 0) + (ep.outcomes['http-5xx'] ?? 0);
}

/** The most frequent error code (≥ 400) of an endpoint, when it is at least half its answers. */
function mainErrorCode(ep: EndpointEvidence): number | null {
  const codes = [...errorCodes(ep).entries()].sort((a, b) => b[1] - a[1]);
  const top = codes[0];
  return top && ep.attempts > 0 && top[1] / ep.attempts >= 0.5 ? top[0] : null;
}

/** What the same token endpoint did with and without the token. */
function tokenSplit(e: Evidence): { rejected: string[]; tokenOnly: string[]; same: string[] } {
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
const OVERLOAD_CODES = new Set([429, 502, 503, 504]);

/**
 * An endpoint's 429/502/503/504 answers less those recognised as a proxy's origin-fault page, and less
 * those whose body says the cause is elsewhere (this account's quota, a location refusal, a network filter).
 */
function unexplainedOverloadAnswers(ep: EndpointEvidence): number {
  let overload = 0;
  for (const [c, n] of errorCodes(ep)) if (OVERLOAD_CODES.has(c)) overload += n;
  const explained = countOf(ep.signals, ...ORIGIN_FAULTS, 'quota', 'geo-block', 'network-filter');
  return Math.max(0, overload - explained);
}

function rate(failures: number, attempts: number): number | null {
  return attempts > 0 ? failures / attempts : null;
}

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

function fingerprintStable(e: Evidence, f: Facts, shortlyBefore: boolean): boolean {
  const fp = e.fingerprint;
  if (fp.current === null || shortlyBefore || f.failures === 0) return false;
  const seen = fp.changedAt ?? fp.firstSeenAt ?? null;
  const firstFailure = e.firstFailureAt ?? null;
  if (seen === null || firstFailure === null) return false;
  return (Date.parse(firstFailure) - Date.parse(seen)) / 1000 > SHORTLY_BEFORE_SECONDS;
}

/** The features present in this evidence, in the order of FEATURE_IDS. */
export function detectFeatures(e: Evidence, f: Facts): FeatureId[] {
  const on = new Set<FeatureId>();
  const sp = e.statusPage;
  const anyFailure = f.failures > 0;

  // One lone failure among many successes is noise, not a pattern: it gets its own feature, and
  // neither its shape nor its status code is read as evidence for a cause.
  const isolated = f.failures === 1 && f.attempts >= 6;
  // A local fault the checks found (a sign-in page answering for every site, a lying resolver…) means
  // answers that looked fine may not be the service's, and working controls do not clear the connection.
  const localFault = hasLocalFault(e);
  if (!anyFailure && f.reachable > 0 && !localFault) on.add('no-failures');
  if (isolated) on.add('isolated-failure');
  else if (anyFailure) on.add('failures-present');
  if (!isolated && f.unexplainedOverloadAnswers > 0) on.add('overload-codes');
  if (!isolated && (f.cloudflareCodes.length > 0 || f.signals.cloudflareOriginError)) {
    on.add('cloudflare-origin-error');
  }
  if (f.signals.waitingRoom) on.add('waiting-room');
  if (f.latency && f.latency.ratio >= 2 && f.latency.medianMs - f.latency.baselineMs >= 100) {
    on.add('latency-rise');
  }
  if (isolated) {
    // no failure shape to read from a single failure
  } else if (f.intermittentNames.length > 0) on.add('intermittent');
  else if (f.allFailingConsistent) on.add('consistent');
  if (f.signals.retryAfter && anyFailure) on.add('retry-after');
  if (f.signals.maintenanceWording) on.add('maintenance-wording');

  if (sp.available) {
    // A level that rests only on stale items (or an old page) is shown, not weighed.
    const level = sp.levelStale === true ? null : sp.level;
    const troubled =
      (sp.openIncidents > 0 && sp.incidentImpact !== 'maintenance') ||
      level === 'degraded' ||
      level === 'partial-outage' ||
      level === 'major-outage';
    const regionalOnly =
      sp.regionalComponentsDown.length > 0 && sp.componentsDown.length === sp.regionalComponentsDown.length;
    if (troubled && !regionalOnly) on.add('status-incident');
    if (sp.maintenanceInProgress || level === 'maintenance') on.add('status-maintenance');
    else if (sp.maintenanceUpcoming) on.add('status-maintenance-upcoming');
    if (!troubled && level === 'operational' && !sp.maintenanceInProgress) on.add('status-operational');
    if (sp.regionalComponentsDown.length > 0) on.add('region-components-down');
  }

  const changed = e.fingerprint.changedAt !== null;
  if (f.fingerprintShortlyBefore) on.add('fingerprint-changed-before-errors');
  else if (changed && e.fingerprint.changeBounded === true && !anyFailure) {
    on.add('fingerprint-changed-no-errors');
  }
  if (fingerprintStable(e, f, f.fingerprintShortlyBefore)) on.add('fingerprint-stable');
  // A change that was not seen happening (the app was not watching) dates nothing: it weighs nothing.
  if (changed && e.fingerprint.changeBounded !== true) on.add('fingerprint-changed-unseen');
  // The error pattern alone never makes a bad update: when the servers answer with errors and no
  // release was seen close to them, bad-update stays unlikely however the errors look. (Timeouts are
  // weighed against bad-update by transport-only already.)
  if (f.httpFailures > 0 && !isolated && !f.fingerprintShortlyBefore) on.add('no-release-seen');
  if (f.fast500Names.length > 0) on.add('fast-500s');
  if (f.errorCodes.some(([c]) => c === 500)) on.add('plain-500');
  if (f.partialFailingNames.length > 0) on.add('partial-endpoints');

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

  if (e.alternateConfigured && f.directRate !== null && f.alternateRate !== null) {
    if (f.directRate >= 0.5 && f.alternateRate <= 0.2) on.add('direct-fails-alternate-ok');
    else if (f.directRate >= 0.5 && f.alternateRate >= 0.5) on.add('both-paths-fail');
    if (
      anyFailure &&
      f.directEdges.length > 0 &&
      f.alternateEdges.length > 0 &&
      !f.directEdges.some((x) => f.alternateEdges.includes(x))
    ) {
      on.add('edge-differs');
    }
  } else if (!e.alternateConfigured && anyFailure) {
    on.add('no-alternate');
  }

  if (f.controlRate !== null) {
    if (f.controlRate >= 0.5) on.add('controls-fail');
    else if (f.controlRate > 0) on.add('controls-partial');
    else if (!localFault) on.add('controls-ok');
  }
  if (localFault) on.add('local-fault');
  if (anyFailure && !isolated && f.transportFailures === f.failures) on.add('transport-only');
  if (f.dnsFailures > 0) on.add('dns-failures');
  if (f.httpFailures > 0) on.add('server-answered');

  if (f.deniedNames.length > 0) {
    on.add('anon-denied');
    if (e.alternateConfigured && f.deniedOnAlternate) on.add('denied-all-paths');
  }
  if (f.signals.accessDenied) on.add('access-denied-body');
  if (f.challenged > 0 || f.signals.challenge) on.add('challenge');

  // What the recognisers named in the failing answers.
  if (anyFailure && !isolated) {
    const seen = (...meanings: Meaning[]) => recognitionsOf(f.signals, ...meanings).length > 0;
    // Blocked on the usual route only (read above, with the alternate path): where the request comes from.
    if (seen('firewall-block', 'ip-ban'))
      on.add(on.has('direct-fails-alternate-ok') ? 'firewall-one-path' : 'firewall-block');
    if (seen('geo-block')) on.add('geo-block');
    if (seen('rate-limited')) on.add('rate-limited');
    // Now and then, or with answers that vary: the servers behind it are overwhelmed. The very same
    // answer every time: they are down, for a reason the answer does not tell (a crash, a broken
    // release, a switched-off backend).
    if (seen(...ORIGIN_FAULTS)) {
      const sameEveryTime =
        f.allFailingConsistent && f.errorCodes.length === 1 && f.signals.recognitions.length === 1;
      // One answer from each failing endpoint (held back by Retry-After, or a single look) cannot
      // show whether the fault comes and goes or is there every time: load and a dead backend stay open.
      const answeredOnce = f.failingNames.length > 0 && f.direct.every((ep) => ep.failures <= 1);
      on.add(sameEveryTime ? 'origin-dead' : answeredOnce ? 'origin-fault-once' : 'origin-down');
    }
    if (seen('token-rejected')) on.add('token-refused-answer');
    if (seen('app-crash', 'error-in-200', 'not-found') && !f.fingerprintShortlyBefore)
      on.add('app-error-no-release');
    // The service's own words: over capacity, or this account's quota or credit used up.
    if (seen('overloaded')) on.add('overloaded-answer');
    if (seen('quota')) on.add('quota-answer');
    if (seen('network-filter')) on.add('network-filter');
    // A gateway that gave up waiting: the servers behind it are slow or down, whatever the pattern.
    // (On the usual route only, the route is the question: the path comparison speaks to that.)
    if (seen('origin-timeout') && !on.has('direct-fails-alternate-ok')) on.add('gateway-timeout');
    // Some endpoints fail on every path while others work: that part of the service, not a region.
    if (f.failingOnEveryPath.length > 0 && f.workingNames.length > 0) on.add('fails-on-every-path');
    // Maintenance needs a sign of it (the status page, the page's own words, a Retry-After): an open
    // incident, or a proxy reporting the servers behind it down, with none of those is not maintenance.
    const maintenanceSign =
      on.has('status-maintenance') || f.signals.maintenanceWording || f.signals.retryAfter;
    const incidentEveryTime = on.has('status-incident') && on.has('consistent');
    // (Asked once each, nothing is judged: see origin-fault-once.)
    if (!maintenanceSign && !on.has('origin-fault-once') && (incidentEveryTime || seen(...ORIGIN_FAULTS)))
      on.add('no-maintenance-signal');
  }

  // The other watched services at the same time: controls for this one, or fellow victims of one vendor.
  if (e.peers && anyFailure && !isolated) {
    const vendor = e.peers.sharedVendor;
    if (vendor && (vendor.unrelatedAnswering.length > 0 || on.has('controls-ok')))
      on.add('shared-vendor-failure');
    else if (e.peers.answering.length > 0) on.add('peers-answer');
  }

  if (e.symptom) {
    if ((!anyFailure || isolated) && f.reachable > 0) on.add('symptom-clean');
    else if (anyFailure) on.add('symptom-with-failures');
  } else {
    on.add('no-symptom');
  }
  if (e.extensions.suspects.length > 0) on.add('extension-suspects');
  else if (e.extensions.scanned && e.extensions.profilesScanned > 0) on.add('no-extension-suspects');

  return FEATURE_IDS.filter((id) => on.has(id));
}

/** True when there is too little to judge: no round ran, or no probe of the service got a readable answer or a failure. */
export function isThin(e: Evidence, f: Facts): boolean {
  return e.rounds === 0 || f.reachable + f.failures === 0;
}
