// Turns each present feature into one plain sentence with the numbers, and sorts those sentences
// into each outcome's "for" and "against" lists by the sign and size of the feature's weight.

import type { Outcome } from '../types/probe';
import type { DiagnosisOutcome } from '../types/diagnosis';
import type { Evidence } from '../types/evidence';
import { formatAt, formatDuration } from '../vocabulary/time';
import type { Facts, FeatureId } from './features';
import { localConclusion } from './local';
import { joinWords } from './join-words';
import { peersAnswerSentence, sharedVendorSentence } from './peer-words';
import { weight } from './model';
import { countOf, ORIGIN_FAULTS, recognitionsOf } from '../evidence/signals';
import type { Meaning, SeenRecognition } from '../types/recognition';

const CODE_NAMES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
  520: 'Cloudflare: unknown error',
  521: 'Cloudflare: web server is down',
  522: 'Cloudflare: connection timed out',
  523: 'Cloudflare: origin is unreachable',
  524: 'Cloudflare: a timeout occurred',
  525: 'Cloudflare: TLS handshake failed',
  526: 'Cloudflare: invalid TLS certificate',
  527: 'Cloudflare: railgun error',
};

/** "503 “Service Unavailable”". */
export function codeLabel(code: number): string {
  const name = CODE_NAMES[code];
  return name ? `${code} “${name}”` : String(code);
}

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

function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}

export { joinWords } from './join-words';

function codes(list: [number, number][]): string {
  return joinWords(list.slice(0, 3).map(([c, n]) => `${codeLabel(c)} ${times(n)}`));
}

/** The way an endpoint is named to a user: the site page, or “name”. */
export function endpointLabel(name: string): string {
  return name === 'site' ? 'the site page' : `“${name}”`;
}

/** Picks the verb form for one name or several. */
function verb(list: string[], one: string, many: string): string {
  return list.length === 1 ? one : many;
}

function names(list: string[]): string {
  return joinWords(list.map(endpointLabel));
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

function ms(x: number): string {
  return `${Math.round(x)} ms`;
}

function ratioWords(ratio: number): string {
  if (ratio >= 2.8 && ratio < 3.3) return 'about three times';
  if (ratio >= 1.8 && ratio < 2.3) return 'about twice';
  return `${ratio.toFixed(1)} times`;
}

const SOURCE_WORDS: Record<string, string> = {
  'version-header': 'version header',
  'asset-hash': 'script and style file names',
  'build-id': 'build id',
  etag: 'page tag (ETag)',
  'last-modified': 'last-modified date',
};

const LEVEL_WORDS: Record<string, string> = {
  degraded: 'degraded performance',
  'partial-outage': 'a partial outage',
  'major-outage': 'a major outage',
  maintenance: 'maintenance',
  operational: 'all systems working',
};

/** " (error 1020)" for a numeric vendor code, " (PublicAccessNotPermitted)" for a named one, or "". */
function codeNote(code: string | undefined): string {
  if (!code) return '';
  return /^\d+$/.test(code) ? ` (error ${code})` : ` (${code})`;
}

/** What a recognised answer means, as a plain clause after the vendor's name. */
const MEANING_WORDS: Record<Meaning, (r: SeenRecognition) => string> = {
  'firewall-block': () => "'s firewall refused the request",
  'ip-ban': () => ' has banned the address the requests come from',
  'geo-block': () => ' blocks requests from this country or region',
  'rate-limited': () => ' limited the rate of requests',
  'bot-check': () => ' showed a bot check',
  queue: () => ' put the visit in a waiting-room queue',
  maintenance: (r) => ` reports the ${r.layer === 'platform' ? 'app' : 'site'} is offline for maintenance`,
  'access-denied': (r) =>
    r.code === 'PublicAccessNotPermitted' ? ' refused public access' : ' refused access to the resource',
  'origin-unreachable': () => ' could not reach the servers behind it',
  'origin-timeout': () => ' gave up waiting for the servers behind it',
  'origin-error': () => ' got a broken answer from the servers behind it',
  'origin-tls': () => ' could not make a secure connection to the servers behind it',
  'app-crash': (r) =>
    r.layer === 'platform' ? ' reports the app crashed' : "'s error page says the application failed",
  'token-rejected': () => ' rejected the token',
  csrf: () => " rejected the request's CSRF check, a sign of a broken login session",
  'error-in-200': () => ' answered “200 OK” with an error inside',
  'not-found': () => ' answered that the address does not exist',
  overloaded: () => ' says it is over capacity',
  quota: () => " refused the request because this account's quota, credit or own rate limit is used up",
  'network-filter': () => "'s block page answered instead of the service",
};

/** "Cloudflare's firewall refused the request (error 1020), 6 times" for one recognition. */
export function recognitionSentence(r: SeenRecognition): string {
  return `${r.name}${MEANING_WORDS[r.meaning](r)}${codeNote(r.code)}, ${times(r.count)}`;
}

/** The sentences of the recognitions with these meanings (at most two), joined; '' when there are none. */
function recognised(f: Facts, ...meanings: Meaning[]): string {
  return joinWords(
    recognitionsOf(f.signals, ...meanings)
      .slice(0, 2)
      .map(recognitionSentence),
  );
}

/** The recognised sentence when a vendor was named, else the fallback. */
function namedOr(f: Facts, meanings: Meaning[], fallback: string): string {
  const named = recognitionsOf(f.signals, ...meanings).filter((r) => r.vendor !== 'generic');
  return named.length > 0 ? joinWords(named.slice(0, 2).map(recognitionSentence)) : fallback;
}

/** " (error pages made by Cloudflare)" when a named vendor made the failing answers, else "". */
function pagesBy(f: Facts): string {
  const vendors = [
    ...new Set(
      f.signals.recognitions
        .filter((r) => r.vendor !== 'generic' && r.meaning !== 'bot-check')
        .map((r) => r.name),
    ),
  ];
  return vendors.length > 0 ? ` (error pages made by ${joinWords(vendors.slice(0, 2))})` : '';
}

/** The plain sentence for one present feature, starting with a capital letter. */
export function describe(id: FeatureId, f: Facts, e: Evidence): string {
  const text = sentence(id, f, e);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function sentence(id: FeatureId, f: Facts, e: Evidence): string {
  const sp = e.statusPage;
  switch (id) {
    case 'no-failures':
      return f.challenged > 0
        ? `All ${f.reachable} requests to ${e.target} succeeded (not counting ${f.challenged} bot check${f.challenged > 1 ? 's' : ''})`
        : `All ${f.reachable} requests to ${e.target} succeeded`;
    case 'failures-present':
      return `${f.failures} of ${f.attempts} requests to ${e.target} failed (${pct(f.failures / Math.max(1, f.attempts))}), on ${names(f.failingNames)}`;
    case 'isolated-failure':
      return `Only 1 of ${f.attempts} requests failed (on ${names(f.failingNames)}); a single miss is normal noise`;
    case 'overload-codes':
      return `The service answered ${codes(f.overloadCodes)}${pagesBy(f)}`;
    case 'cloudflare-origin-error':
      return f.cloudflareCodes.length > 0
        ? `Cloudflare, which sits in front of the service, could not get a proper answer from its servers (${codes(f.cloudflareCodes)})`
        : 'Cloudflare, which sits in front of the service, could not get a proper answer from its servers';
    case 'waiting-room':
      return `${namedOr(f, ['queue'], 'A waiting room queued the visit')} — sites switch that on when too many people arrive at once`;
    case 'latency-rise': {
      const l = f.latency;
      if (!l) return 'Responses are much slower than usual';
      return `Responses from ${endpointLabel(l.name)} took ${ms(l.medianMs)}, ${ratioWords(l.ratio)} this service's usual ${ms(l.baselineMs)}`;
    }
    case 'intermittent':
      return `Requests to ${names(f.intermittentNames)} fail on and off rather than every time`;
    case 'consistent':
      return `Every request to ${names(f.failingNames)} failed the same way once the errors began`;
    case 'retry-after':
      return 'The service told browsers to come back later (it sent a Retry-After header)';
    case 'status-incident': {
      const what =
        sp.openIncidents > 0 && sp.incidentName
          ? `an open incident: “${sp.incidentName}”`
          : sp.openIncidents > 0
            ? `${sp.openIncidents} open incident${sp.openIncidents > 1 ? 's' : ''}`
            : (LEVEL_WORDS[sp.level ?? ''] ?? 'a problem');
      return `The status page reports ${what}${sp.stale ? ' (last reading, may be out of date)' : ''}`;
    }
    case 'status-operational':
      return `The status page says all systems are working${sp.stale ? ' (last reading, may be out of date)' : ''}`;
    case 'status-maintenance': {
      const until = formatAt(sp.maintenanceUntil, e.observedTo);
      const name = sp.maintenanceName ? `: “${sp.maintenanceName}”` : '';
      return `The status page reports maintenance in progress${name}${until ? `, planned to end at ${until}` : ''}`;
    }
    case 'status-maintenance-upcoming': {
      const at = formatAt(sp.upcomingAt, e.observedTo);
      return `The status page only lists maintenance planned for later${at ? ` (from ${at})` : ''}; none is running now`;
    }
    case 'region-components-down':
      return `The status page shows trouble in one region only: ${joinWords(sp.regionalComponentsDown.slice(0, 4))}`;
    case 'maintenance-wording':
      return namedOr(f, ['maintenance'], 'The error page itself says the service is down for maintenance');
    case 'fingerprint-changed-before-errors': {
      const src = SOURCE_WORDS[e.fingerprint.source ?? ''] ?? 'build fingerprint';
      const secs = e.fingerprint.secondsBeforeErrors ?? 0;
      return secs <= 0
        ? `The site was updated (its ${src} changed) just as the errors began`
        : `The site was updated ${formatDuration(secs * 1000)} before the errors began (its ${src} changed)`;
    }
    case 'fingerprint-changed-no-errors': {
      const at = formatAt(e.fingerprint.changedAt, e.observedTo);
      return `The site was updated${at ? ` at ${at}` : ''} and has worked since`;
    }
    case 'fingerprint-stable':
      return "The site's version has not changed since well before the errors began";
    case 'fingerprint-changed-unseen': {
      const src = SOURCE_WORDS[e.fingerprint.source ?? ''] ?? 'build fingerprint';
      const since = formatAt(e.fingerprint.previousLastSeenAt, e.observedTo);
      return since
        ? `The site's ${src} changed some time since ${since}, when this app last saw the old one; when is unknown, so it counts for nothing`
        : `The site's ${src} changed at a time this app did not see; it counts for nothing`;
    }
    case 'no-release-seen':
      return 'No new release of the site was seen close to when the errors began; the errors alone do not show a bad update';
    case 'fast-500s': {
      const ep = f.direct.find((x) => x.name === f.fast500Names[0]);
      const speed = ep?.medianErrorMs != null ? ` within ${ms(ep.medianErrorMs)}` : '';
      return `${names(f.fast500Names)} ${verb(f.fast500Names, 'fails', 'fail')}${speed} with 500 “Internal Server Error”, every time`;
    }
    case 'plain-500': {
      const n = f.errorCodes.find(([c]) => c === 500)?.[1] ?? 0;
      return `The service answered 500 “Internal Server Error” ${times(n)}`;
    }
    case 'partial-endpoints': {
      const working = f.workingNames.filter((n) => !f.partialFailingNames.includes(n));
      return `${names(f.partialFailingNames)} ${verb(f.partialFailingNames, 'fails', 'fail')} every time while ${names(working)} ${verb(working, 'works', 'work')}`;
    }
    case 'auth-fails-anon-ok': {
      const list: [number, number][] = [];
      for (const ep of f.authFailing) {
        for (const [c, n] of Object.entries(ep.statuses)) if (Number(c) >= 400) list.push([Number(c), n]);
      }
      const shown = list.length > 0 ? ` (${codes(list)})` : '';
      return `Requests made with your token fail${shown} while the service answers requests without it normally`;
    }
    case 'auth-ok':
      return 'Requests made with your token work normally';
    case 'token-rejected':
      return `${names(f.tokenRejectedNames)} refused your token just as it refuses a request sent with no token at all: the token itself is not accepted`;
    case 'token-only-server-error':
      return `${names(f.tokenOnlyErrorNames)} answers a request without the token normally (it asks for a login) but fails with a server error when your token is sent`;
    case 'same-error-without-token':
      return `${names(f.sameErrorNames)} fails with the same server error with and without your token, so the token is not what breaks it`;
    case 'no-token':
      return 'No token is set, so your account could not be tested — adding one would let this app check it';
    case 'csrf':
      return namedOr(
        f,
        ['csrf'],
        'The service rejected a request with a “CSRF verification failed” page, a sign of a broken login session',
      );
    case 'direct-fails-alternate-ok':
      return f.alternateRate === 0
        ? `Through your usual route ${pct(f.directRate ?? 0)} of requests failed, but every request through the alternate path worked`
        : `Through your usual route ${pct(f.directRate ?? 0)} of requests failed, but through the alternate path only ${pct(f.alternateRate ?? 0)} did`;
    case 'both-paths-fail':
      return `Requests failed through the alternate path too (${pct(f.alternateRate ?? 0)}), so the route is not what breaks`;
    case 'edge-differs':
      return `Your usual route reaches Cloudflare's ${joinWords(f.directEdges)} data centre, the alternate path reaches ${joinWords(f.alternateEdges)}`;
    case 'no-alternate':
      return 'No alternate path is set, so a fault in one region could not be tested';
    case 'controls-fail':
      return `Other sites fail too (${f.controlFailures} of ${f.controlAttempts} checks of unrelated sites failed)`;
    case 'controls-partial':
      return `Some checks of unrelated sites failed too (${f.controlFailures} of ${f.controlAttempts})`;
    case 'controls-ok':
      return 'Other sites load fine, so your connection works';
    case 'local-fault':
      return localConclusion(e)?.sentence ?? 'A check of your own connection found a fault';
    case 'transport-only':
      return `No answer came back at all (${transportKinds(f)}) rather than an error page`;
    case 'dns-failures':
      return `The service's address could not be looked up (DNS) ${lookups(f.dnsFailures, e.rounds)}`;
    case 'server-answered':
      return "The service's servers did answer, with error codes, so your connection reaches them";
    case 'peers-answer':
      return peersAnswerSentence(e);
    case 'shared-vendor-failure':
      return sharedVendorSentence(e);
    case 'anon-denied':
      return `Public addresses that need no login were refused (401/403) on ${names(f.deniedNames)}`;
    case 'denied-all-paths':
      return 'The same addresses were refused through the alternate path as well';
    case 'access-denied-body':
      return namedOr(
        f,
        ['access-denied'],
        'The reply says access is denied (an “AccessDenied” or “permission denied” message)',
      );
    case 'challenge':
      return `${namedOr(f, ['bot-check'], 'The home page showed a bot check (“Just a moment…”)').replace(/, (?:once|twice|\d+ times)$/, '')}: it hides the page from this app but is not an outage and not a permission fault`;
    case 'symptom-clean':
      return 'You see an error right now, yet every request this app made succeeded';
    case 'symptom-with-failures':
      return 'You see an error and this app sees failures too, so the trouble is not only in your browser';
    case 'no-symptom':
      return 'You have not said you see an error in your browser';
    case 'extension-suspects': {
      const list = e.extensions.suspects.slice(0, 5).map((s) => s.name);
      const more = e.extensions.suspects.length > 5 ? ` and ${e.extensions.suspects.length - 5} more` : '';
      const n = e.extensions.suspects.length;
      return `${n} installed browser extension${n > 1 ? 's' : ''} can read or change this site: ${list.join(', ')}${more}`;
    }
    case 'firewall-block':
      return recognised(f, 'firewall-block', 'ip-ban');
    case 'firewall-one-path':
      return `${recognised(f, 'firewall-block', 'ip-ban')}, but only on your usual route`;
    case 'geo-block':
      // Say which: refused on the usual route only (the route or region), or on every path (your location).
      return f.directRate !== null && f.alternateRate !== null && f.alternateRate <= 0.2
        ? `${recognised(f, 'geo-block')}, but only on your usual route: the alternate path works, so it is about the route or region the requests come from`
        : e.alternateConfigured
          ? `${recognised(f, 'geo-block')}, on every path tried: the service does not serve the location you connect from`
          : `${recognised(f, 'geo-block')}: the service does not serve the location you connect from (no alternate path was set to compare)`;
    case 'rate-limited':
      return recognised(f, 'rate-limited');
    case 'origin-down':
      return recognised(f, ...ORIGIN_FAULTS);
    case 'origin-fault-once':
      return `${recognised(f, ...ORIGIN_FAULTS)}; asked once, so whether the servers behind it are busy or down is open`;
    case 'origin-dead':
      return `${recognised(f, ...ORIGIN_FAULTS)}, every time: the servers behind it are down, not just busy`;
    case 'token-refused-answer':
      return recognised(f, 'token-rejected');
    case 'overloaded-answer':
      return recognised(f, 'overloaded');
    case 'quota-answer':
      return recognised(f, 'quota');
    case 'network-filter':
      return `${recognised(f, 'network-filter')}: a filter on your network or at your provider blocks the service`;
    case 'gateway-timeout':
      return `A gateway gave up waiting ${times(countOf(f.signals, 'origin-timeout'))}: the servers behind it are too slow to answer, or down`;
    case 'fails-on-every-path':
      return `${names(f.failingOnEveryPath)} ${verb(f.failingOnEveryPath, 'fails', 'fail')} through the alternate path too while ${names(f.workingNames)} ${verb(f.workingNames, 'works', 'work')}: that part of the service is broken, not a region`;
    case 'no-maintenance-signal':
      return 'No sign of maintenance: no maintenance page, no status-page item and no Retry-After';
    case 'app-error-no-release':
      return `${recognised(f, 'app-crash', 'error-in-200', 'not-found')}; no new version of the site was seen before it`;
    case 'no-extension-suspects':
      return `None of the extensions in ${e.extensions.profilesScanned} browser profile${e.extensions.profilesScanned > 1 ? 's' : ''} can touch this site`;
  }
}

/** Below this weight (natural log) a feature is not worth a line in an outcome's lists. */
const MIN_WEIGHT = 0.05;
/**
 * Features that weigh nothing but are still written, last in one outcome's "against" list, because
 * they answer the obvious question ("the build changed — so was it an update?").
 */
const NOTES: Partial<Record<FeatureId, DiagnosisOutcome>> = { 'fingerprint-changed-unseen': 'bad-update' };

/** At most this many sentences per list. */
const MAX_LINES = 6;

/**
 * The "for" and "against" sentences of one outcome, strongest first. `sentences` may hold the
 * sentences already made for this evidence (classify makes each one once for all nine outcomes).
 */
export function explainOutcome(
  outcome: DiagnosisOutcome,
  features: readonly FeatureId[],
  f: Facts,
  e: Evidence,
  sentences: Map<FeatureId, string> = new Map(),
): { for: string[]; against: string[] } {
  const text = (id: FeatureId): string => {
    let s = sentences.get(id);
    if (s === undefined) {
      s = describe(id, f, e);
      sentences.set(id, s);
    }
    return s;
  };
  const pro: [number, string][] = [];
  const con: [number, string][] = [];
  for (const id of features) {
    const w = weight(id, outcome);
    if (w > MIN_WEIGHT) pro.push([w, text(id)]);
    else if (w < -MIN_WEIGHT) con.push([-w, text(id)]);
  }
  const top = (list: [number, string][]): string[] =>
    list
      .sort((a, b) => b[0] - a[0])
      .slice(0, MAX_LINES)
      .map(([, s]) => s);
  const against = top(con);
  for (const id of features) {
    if (NOTES[id] === outcome) against.push(text(id));
  }
  return { for: top(pro), against };
}
