// The sentences for the network path and region: the usual route against the alternate one, the
// control sites, local faults, no answer, DNS, refusals, bot checks, firewalls, location blocks, filters.

import type { Outcome } from '../types/probe';
import type { Facts } from './facts';
import { joinWords } from './join-words';
import { localConclusion } from './local';
import { namedOr, recognised } from './recognition-words';
import { names, pct } from './sentence-words';
import type { SentenceTable } from './sentence-words';

/** The kinds of transport failure seen, named as what they are: "DNS failures and timeouts". */
function transportKinds(f: Facts): string {
  const count = (outcomes: readonly Outcome[]): number =>
    f.direct.reduce((n, ep) => n + outcomes.reduce((m, o) => m + (ep.outcomes[o] ?? 0), 0), 0);
  const kinds: [number, string][] = [
    [count(['dns']), 'the address could not be looked up (DNS)'],
    [count(['tls-cert', 'tls-handshake']), 'certificate or secure-connection failures'],
    [count(['timeout-connect', 'timeout-headers', 'timeout-body', 'timeout-deadline']), 'timeouts'],
    [count(['refused', 'reset', 'unreachable']), 'broken connections'],
    [count(['proxy', 'error']), 'other network errors'],
  ];
  return joinWords(kinds.filter(([n]) => n > 0).map(([, words]) => words)) || 'network errors';
}

/**
 * How often a lookup failed, counted as what it is: "in 1 check", "in 2 checks over 1 round" (two
 * endpoints failing in one round is not "twice" over time).
 */
function lookups(n: number, rounds: number): string {
  if (n <= 1) return 'in 1 check';
  return `in ${n} checks over ${rounds} round${rounds === 1 ? '' : 's'}`;
}

/** The sentences of the network-path features (features-network.ts). */
export const NETWORK_SENTENCES = {
  'direct-fails-alternate-ok': (f) =>
    f.alternateRate === 0
      ? `Through your usual route ${pct(f.directRate ?? 0)} of requests failed, but every request through the alternate path worked`
      : `Through your usual route ${pct(f.directRate ?? 0)} of requests failed, but through the alternate path only ${pct(f.alternateRate ?? 0)} did`,
  'both-paths-fail': (f) =>
    `Requests failed through the alternate path too (${pct(f.alternateRate ?? 0)}), so the route is not what breaks`,
  'edge-differs': (f) =>
    `Your usual route reaches Cloudflare's ${joinWords(f.directEdges)} data centre, the alternate path reaches ${joinWords(f.alternateEdges)}`,
  'no-alternate': () => 'No alternate path is set, so a fault in one region could not be tested',
  'controls-fail': (f) =>
    `Other sites fail too (${f.controlFailures} of ${f.controlAttempts} checks of unrelated sites failed)`,
  'controls-partial': (f) =>
    `Some checks of unrelated sites failed too (${f.controlFailures} of ${f.controlAttempts})`,
  'controls-ok': () => 'Other sites load fine, so your connection works',
  'local-fault': (_f, e) => localConclusion(e)?.sentence ?? 'A check of your own connection found a fault',
  'transport-only': (f) => `No answer came back at all (${transportKinds(f)}) rather than an error page`,
  'dns-failures': (f, e) =>
    `The service's address could not be looked up (DNS) ${lookups(f.dnsFailures, e.rounds)}`,
  'server-answered': () =>
    "The service's servers did answer, with error codes, so your connection reaches them",
  'anon-denied': (f) =>
    `Public addresses that need no login were refused (401/403) on ${names(f.deniedNames)}`,
  'denied-all-paths': () => 'The same addresses were refused through the alternate path as well',
  'access-denied-body': (f) =>
    namedOr(
      f,
      ['access-denied'],
      'The reply says access is denied (an “AccessDenied” or “permission denied” message)',
    ),
  challenge: (f) =>
    `${namedOr(f, ['bot-check'], 'The home page showed a bot check (“Just a moment…”)').replace(/, (?:once|twice|\d+ times)$/, '')}: it hides the page from this app but is not an outage and not a permission fault`,
  'firewall-block': (f) => recognised(f, 'firewall-block', 'ip-ban'),
  'firewall-one-path': (f) => `${recognised(f, 'firewall-block', 'ip-ban')}, but only on your usual route`,
  // Say which: refused on the usual route only (the route or region), or on every path (your location).
  'geo-block': (f, e) =>
    f.directRate !== null && f.alternateRate !== null && f.alternateRate <= 0.2
      ? `${recognised(f, 'geo-block')}, but only on your usual route: the alternate path works, so it is about the route or region the requests come from`
      : e.alternateConfigured
        ? `${recognised(f, 'geo-block')}, on every path tried: the service does not serve the location you connect from`
        : `${recognised(f, 'geo-block')}: the service does not serve the location you connect from (no alternate path was set to compare)`,
  'network-filter': (f) =>
    `${recognised(f, 'network-filter')}: a filter on your network or at your provider blocks the service`,
} satisfies SentenceTable;
