// Realistic window data for component tests, the e2e canned bridge and the benchmark: a Character.AI
// overload outage (with a status-page incident), a healthy day with an inactive status page, and settings.

import type {
  AppSnapshot,
  TargetView,
  TimelineData,
  TimelineRange,
  TimelineSample,
} from '../../../shared/ipc/contract';
import type { Diagnosis, DiagnosisOutcome, RankedOutcome } from '../../../shared/types/diagnosis';
import { defaultSettings } from '../../../shared/config/settings';
import { noSignals } from '../../../shared/evidence/signals';
import type { Evidence, EndpointEvidence } from '../../../shared/types/evidence';
import type { LocalCheckId, LocalCheckResult } from '../../../shared/types/local';
import type { MonitorEvent, Round } from '../../../shared/types/monitor';
import type { Outcome, ProbeResult } from '../../../shared/types/probe';
import type { AppSettings, TokenState } from '../../../shared/types/settings';
import type { StatusReading } from '../../../shared/types/status';
import type { UptimeSummary } from '../../../shared/types/uptime';

/** The fixed "now" every fixture is built around. */
export const FIXTURE_NOW = Date.parse('2026-11-25T14:30:00.000Z');

const iso = (msBeforeNow: number, now = FIXTURE_NOW) => new Date(now - msBeforeNow).toISOString();
const MIN = 60_000;
const HOUR = 60 * MIN;

function endpointEvidence(partial: Partial<EndpointEvidence> & { name: string }): EndpointEvidence {
  return {
    path: 'direct',
    auth: false,
    attempts: 20,
    failures: 0,
    outcomes: { ok: 20 },
    statuses: { '200': 20 },
    medianMs: 180,
    medianErrorMs: null,
    baselineMs: 170,
    pattern: 'none',
    signals: noSignals(),
    edge: 'FRA',
    ...partial,
  };
}

function evidence(now: number, overload: boolean): Evidence {
  return {
    target: 'Character.AI',
    observedFrom: iso(10 * MIN, now),
    observedTo: iso(0, now),
    rounds: 20,
    symptom: false,
    site: endpointEvidence({
      name: 'site',
      ...(overload
        ? {
            failures: 14,
            outcomes: { ok: 6, 'http-5xx': 14 },
            statuses: { '200': 6, '503': 11, '502': 3 },
            medianMs: 2400,
            medianErrorMs: 3100,
            pattern: 'intermittent',
            signals: { ...noSignals(), waitingRoom: true, retryAfter: true },
          }
        : {}),
    }),
    endpoints: [
      endpointEvidence({
        name: 'health',
        ...(overload ? { failures: 9, outcomes: { ok: 11, 'http-5xx': 9 }, pattern: 'intermittent' } : {}),
      }),
    ],
    alternate: [],
    alternateConfigured: false,
    controls: { attempts: 40, failures: 0, outcomes: { ok: 40 } },
    statusPage: {
      configured: true,
      available: overload,
      stale: false,
      unavailableReason: overload ? null : 'inactive',
      level: overload ? 'partial-outage' : null,
      openIncidents: overload ? 1 : 0,
      incidentImpact: overload ? 'major' : null,
      maintenanceInProgress: false,
      maintenanceUpcoming: overload,
      regionalComponentsDown: [],
      componentsDown: overload ? ['Chat'] : [],
    },
    fingerprint: {
      current: 'build-7f3a9c',
      previous: null,
      changedAt: null,
      source: 'build-id',
      secondsBeforeErrors: null,
    },
    auth: { tokenConfigured: false },
    extensions: { scanned: false, profilesScanned: 0, suspects: [] },
  };
}

const OVERLOAD_RANKING: RankedOutcome[] = [
  {
    cause: 'overload',
    probability: 0.82,
    for: [
      'The site answered 503 and 502 to 14 of 20 checks, slowly (3.1 s median) — servers under load answer late.',
      'A waiting-room page and a Retry-After header were sent.',
      'The status page reports a major incident: "Elevated error rates".',
    ],
    against: ['Some checks still succeeded, so the service is not completely down.'],
  },
  {
    cause: 'regional',
    probability: 0.06,
    for: ['Errors came from one edge location (FRA).'],
    against: ['No regional component is down on the status page.', 'No alternate path is set up to compare.'],
  },
  {
    cause: 'bad-update',
    probability: 0.04,
    for: [],
    against: ['The site build has not changed during the window.', 'Errors were slow, not fast.'],
  },
  {
    cause: 'maintenance',
    probability: 0.03,
    for: ['A maintenance is scheduled for later today.'],
    against: ['No maintenance is in progress and no error page mentions maintenance.'],
  },
  {
    cause: 'account',
    probability: 0.02,
    for: [],
    against: ['Anonymous checks fail too, so it is not only your account.'],
  },
  {
    cause: 'permissions',
    probability: 0.01,
    for: [],
    against: ['No access-denied answers were seen.'],
  },
  {
    cause: 'extensions',
    probability: 0.01,
    for: [],
    against: ['Our checks run without any browser and still fail.'],
  },
  {
    cause: 'local-network',
    probability: 0.005,
    for: [],
    against: ['Both control sites answered every time.'],
  },
  { cause: 'healthy', probability: 0.005, for: [], against: ['14 of 20 checks of the site failed.'] },
];

const HEALTHY_RANKING: RankedOutcome[] = (
  [
    'healthy',
    'overload',
    'account',
    'extensions',
    'bad-update',
    'regional',
    'maintenance',
    'permissions',
    'local-network',
  ] as DiagnosisOutcome[]
).map((cause, i) => ({
  cause,
  probability: i === 0 ? 0.92 : 0.01,
  for: i === 0 ? ['All 20 checks of the site and its health endpoint answered normally.'] : [],
  against: i === 0 ? [] : ['Every check answered normally.'],
}));

/** The overload diagnosis of Character.AI. */
export function overloadDiagnosis(now = FIXTURE_NOW): Diagnosis {
  return {
    target: 'Character.AI',
    verdict: 'overload',
    confidence: 0.82,
    ranking: OVERLOAD_RANKING,
    nextStep: 'Diagnose again in a few minutes to see whether the load is easing.',
    nextAction: 'diagnose-again',
    observedFrom: iso(10 * MIN, now),
    observedTo: iso(0, now),
    evidence: evidence(now, true),
  };
}

/** A healthy diagnosis. */
export function healthyDiagnosis(now = FIXTURE_NOW): Diagnosis {
  return {
    target: 'Character.AI',
    verdict: 'healthy',
    confidence: 0.92,
    ranking: HEALTHY_RANKING,
    nextStep: 'Nothing to do; if you see an error anyway, run a diagnosis while it is on screen.',
    nextAction: 'none',
    observedFrom: iso(10 * MIN, now),
    observedTo: iso(0, now),
    evidence: evidence(now, false),
  };
}

/** A local-network diagnosis whose checks found a Wi-Fi sign-in page (issue 11). */
export function localNetworkDiagnosis(now = FIXTURE_NOW): Diagnosis {
  const at = iso(0, now);
  const check = (id: LocalCheckId, detail: string, ms: number) =>
    ({ check: id, at, ms, outcome: 'ok', finding: null, detail, requests: 1 }) as LocalCheckResult;
  const captive: LocalCheckResult = {
    ...check(
      'captive',
      'A sign-in page is intercepting: the “no content” address www.google.com sent you to login.hotel.example (302) instead of answering 204',
      41,
    ),
    outcome: 'fault',
    finding: 'captive-redirect',
  };
  const checks = [
    check('dns', 'Your DNS server and 1.1.1.1 (DNS over HTTPS) both found character.ai', 60),
    {
      ...check('families', 'Only IPv4 addresses are offered for character.ai', 3),
      outcome: 'skipped' as const,
    },
    captive,
    {
      ...check('proxy', 'No proxy is set for character.ai: requests go direct', 1),
      outcome: 'skipped' as const,
    },
    {
      ...check('interception', 'The service (character.ai) is not reached over HTTPS', 1),
      outcome: 'skipped' as const,
    },
    check('clock', "Your clock agrees with the servers' (within 1 s)", 1),
  ];
  const step = 'Your Wi-Fi wants you to sign in: open any web page to see its sign-in screen';
  return {
    ...overloadDiagnosis(now),
    verdict: 'local-network',
    confidence: 0.95,
    ranking: OVERLOAD_RANKING.map((r, i) => ({
      ...r,
      cause: i === 0 ? 'local-network' : r.cause === 'local-network' ? 'overload' : r.cause,
      probability: i === 0 ? 0.95 : r.probability,
      for: i === 0 ? [captive.detail] : r.for,
    })),
    nextStep: step,
    nextAction: 'check-connection',
    localCause: 'captive-portal',
    evidence: {
      ...evidence(now, true),
      local: { reason: 'a "no content" address answered with content', checks, requests: 4 },
    },
  };
}

/**
 * The overload diagnosis as "Diagnose now" gives it: the six local checks ran (the service failed) and
 * found nothing at fault; most had nothing to test.
 */
export function overloadWithLocalChecks(now = FIXTURE_NOW): Diagnosis {
  const at = iso(0, now);
  const check = (id: LocalCheckId, outcome: LocalCheckResult['outcome'], detail: string, ms: number) =>
    ({ check: id, at, ms, outcome, finding: null, detail, requests: 1 }) as LocalCheckResult;
  const checks = [
    check('dns', 'ok', 'Your DNS server and 1.1.1.1 (DNS over HTTPS) both found character.ai', 58),
    check('families', 'skipped', 'Only IPv4 addresses are offered for character.ai', 2),
    check('captive', 'ok', 'The “no content” address www.google.com answered 204 as it should', 37),
    check('proxy', 'skipped', 'No proxy is set for character.ai: requests go direct', 1),
    check('interception', 'skipped', 'The certificate was not compared: no other HTTPS site answered', 1),
    check('clock', 'skipped', 'No server sent its time', 1),
  ];
  const base = overloadDiagnosis(now);
  return {
    ...base,
    evidence: { ...base.evidence, local: { reason: 'the service failed', checks, requests: 3 } },
  };
}

/** A status reading with an open incident, one component down and an upcoming maintenance. */
export function incidentStatus(now = FIXTURE_NOW): StatusReading {
  return {
    stale: false,
    unavailable: null,
    snapshot: {
      provider: 'atlassian',
      pageUrl: 'https://status.character.ai',
      pageName: 'Character.AI',
      level: 'partial-outage',
      description: 'Partial System Outage',
      components: [
        { name: 'Website', status: 'degraded' },
        { name: 'Chat', status: 'partial-outage' },
        { name: 'API', status: 'operational' },
      ],
      incidents: [
        {
          name: 'Elevated error rates',
          stage: 'investigating',
          impact: 'major',
          startedAt: iso(25 * MIN, now),
          updatedAt: iso(8 * MIN, now),
          message: 'We are seeing elevated error rates on chat and are investigating.',
          components: ['Chat', 'Website'],
        },
      ],
      maintenanceInProgress: [],
      maintenanceUpcoming: [
        {
          name: 'Database upgrade',
          stage: 'scheduled',
          scheduledFor: iso(-6 * HOUR, now),
          scheduledUntil: iso(-8 * HOUR, now),
          components: ['Chat'],
        },
      ],
      fetchedAt: iso(1 * MIN, now),
      updatedAt: iso(8 * MIN, now),
    },
  };
}

/** The real-world case: the status page answers "Your page is inactive". */
export function inactiveStatus(now = FIXTURE_NOW): StatusReading {
  return {
    snapshot: null,
    stale: false,
    unavailable: {
      reason: 'inactive',
      detail: '401 "Your page is inactive. Please include an API key to access this resource."',
      at: iso(1 * MIN, now),
    },
  };
}

function probe(
  name: string,
  url: string,
  at: string,
  status: number | null,
  outcome: Outcome,
  totalMs: number,
  extra: Partial<ProbeResult> = {},
): ProbeResult {
  const dns = 8;
  const connect = 22;
  const tls = url.startsWith('https') ? 31 : null;
  const firstByte = status === null ? null : Math.max(1, totalMs - dns - connect - (tls ?? 0) - 12);
  return {
    name,
    url,
    path: 'direct',
    auth: false,
    at,
    status,
    outcome,
    timings: { dns, connect, tls, firstByte, total: totalMs },
    headers: { server: 'cloudflare', 'cf-ray': '8e2f1c0a9b7d4e21-FRA' },
    body: '',
    bodyBytes: 0,
    remoteAddress: '104.18.20.112',
    redirects: 0,
    finalUrl: url,
    ...extra,
  };
}

/** The last round of the overload scenario. */
export function overloadRound(now = FIXTURE_NOW): Round {
  const at = iso(20_000, now);
  return {
    target: 'Character.AI',
    startedAt: at,
    finishedAt: iso(16_000, now),
    status: incidentStatus(now),
    probes: [
      probe('site', 'https://character.ai/', at, 503, 'http-5xx', 3140, {
        headers: {
          server: 'cloudflare',
          'cf-ray': '8e2f1c0a9b7d4e21-FRA',
          'retry-after': '30',
          'content-type': 'text/html; charset=UTF-8',
        },
        body: '<!DOCTYPE html><html><head><title>Waiting Room powered by Cloudflare</title></head><body><h1>You are now in line.</h1><p>Thanks for your patience. We are experiencing high traffic at the moment.</p></body></html>',
        bodyBytes: 2211,
        error: 'HTTP 503 Service Unavailable',
      }),
      probe('health', 'https://neo.character.ai/health', at, 200, 'ok', 212, {
        headers: {
          server: 'cloudflare',
          'cf-ray': '8e2f1c0b1c2d4e21-FRA',
          'content-type': 'application/json',
        },
        body: '{"redis":"UP"}',
        bodyBytes: 14,
      }),
      probe('www.google.com', 'https://www.google.com/generate_204', at, 204, 'ok', 96, {
        path: 'control',
        headers: {},
        remoteAddress: '142.250.185.68',
      }),
      probe('www.cloudflare.com', 'https://www.cloudflare.com/cdn-cgi/trace', at, 200, 'ok', 88, {
        path: 'control',
        headers: { server: 'cloudflare' },
      }),
    ],
  };
}

/** The last round of a healthy target. */
export function healthyRound(now = FIXTURE_NOW): Round {
  const at = iso(15_000, now);
  return {
    target: 'Character.AI',
    startedAt: at,
    finishedAt: iso(14_000, now),
    status: inactiveStatus(now),
    probes: [
      probe('site', 'https://character.ai/', at, 200, 'ok', 240),
      probe('health', 'https://neo.character.ai/health', at, 200, 'ok', 180, { body: '{"redis":"UP"}' }),
      probe('www.google.com', 'https://www.google.com/generate_204', at, 204, 'ok', 96, { path: 'control' }),
    ],
  };
}

function targetView(
  state: 'outage' | 'healthy' | 'local-network',
  diagnosis: Diagnosis,
  round: Round,
  status: StatusReading,
  now: number,
): TargetView {
  return {
    status: {
      target: 'Character.AI',
      state,
      since: state === 'outage' ? iso(22 * MIN, now) : iso(3 * HOUR, now),
      cause: diagnosis.verdict,
      confidence: diagnosis.confidence,
      lastRoundAt: round.finishedAt,
      diagnosis,
    },
    statusPage: status,
    lastRound: round,
    siteUrl: 'https://character.ai/',
    statusPageUrl: 'https://status.character.ai',
  };
}

/** A window snapshot while a Wi-Fi sign-in page intercepts every request (issue 11). */
export function localNetworkSnapshot(now = FIXTURE_NOW): AppSnapshot {
  return {
    ...outageSnapshot(now),
    overall: 'local-network',
    targets: [
      targetView('local-network', localNetworkDiagnosis(now), overloadRound(now), incidentStatus(now), now),
    ],
  };
}

/** A window snapshot during an overload outage. */
export function outageSnapshot(now = FIXTURE_NOW): AppSnapshot {
  return {
    overall: 'outage',
    paused: null,
    snoozedUntil: null,
    trayMissing: null,
    loginItem: null,
    offerLoginItem: false,
    outsideApplications: false,
    targets: [targetView('outage', overloadDiagnosis(now), overloadRound(now), incidentStatus(now), now)],
    notice: null,
    appVersion: '0.1.0',
    platform: 'linux',
  };
}

/** A window snapshot while all is well (and the status page is inactive). */
export function healthySnapshot(now = FIXTURE_NOW): AppSnapshot {
  return {
    overall: 'healthy',
    paused: null,
    snoozedUntil: null,
    trayMissing: null,
    loginItem: null,
    offerLoginItem: false,
    outsideApplications: false,
    targets: [targetView('healthy', healthyDiagnosis(now), healthyRound(now), inactiveStatus(now), now)],
    notice: null,
    appVersion: '0.1.0',
    platform: 'linux',
  };
}

const RANGE_MS: Record<TimelineRange, number> = { hour: HOUR, day: 24 * HOUR, week: 7 * 24 * HOUR };

/** A deterministic timeline: calm latency, then an overload over the last 22 minutes. */
export function overloadTimeline(range: TimelineRange, now = FIXTURE_NOW): TimelineData {
  const span = RANGE_MS[range];
  const step = range === 'hour' ? 30_000 : range === 'day' ? 5 * MIN : 30 * MIN;
  const samples: TimelineSample[] = [];
  let seed = 7;
  const rnd = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  for (let t = now - span + step; t <= now; t += step) {
    const inOutage = now - t < 22 * MIN;
    const failed = inOutage && rnd() < 0.7;
    const timedOut = failed && rnd() < 0.15;
    const firstByte = inOutage ? 1800 + rnd() * 1500 : 120 + rnd() * 80;
    const timings = {
      dns: 4 + Math.round(rnd() * 6),
      connect: 18 + Math.round(rnd() * 10),
      tls: 28 + Math.round(rnd() * 10),
      firstByte: timedOut ? null : Math.round(firstByte),
      total: timedOut ? 10_000 : Math.round(firstByte + 70),
    };
    samples.push({
      at: new Date(t).toISOString(),
      name: 'site',
      path: 'direct',
      outcome: timedOut ? 'timeout-headers' : failed ? 'http-5xx' : 'ok',
      status: timedOut ? null : failed ? 503 : 200,
      timings,
    });
  }
  const events: MonitorEvent[] = [
    {
      event: 'outage',
      target: 'Character.AI',
      at: iso(22 * MIN, now),
      cause: 'overload',
      confidence: 0.82,
      summary: 'Character.AI is down, most likely because of overload (82%).',
    },
  ];
  return {
    target: 'Character.AI',
    range,
    from: iso(span, now),
    to: iso(0, now),
    samples,
    events,
    deploys: [{ at: iso(40 * MIN, now), fingerprint: 'build-7f3a9c' }],
    bands: [
      { state: 'degraded', from: iso(26 * MIN, now), to: iso(22 * MIN, now) },
      { state: 'outage', from: iso(22 * MIN, now), to: null, cause: 'overload' },
    ],
    uptime: overloadUptime(now),
  };
}

/**
 * Uptime while the overload lasts: watched all of the last day and 5 of the last 7 days (the app was
 * closed for two), never before; the last 40 rounds end in the outage's failures.
 */
export function overloadUptime(now = FIXTURE_NOW): UptimeSummary {
  const DAY = 24 * HOUR;
  return {
    target: 'Character.AI',
    at: iso(0, now),
    windows: [
      { label: '24 h', spanMs: DAY, watchedMs: DAY, failingMs: 16 * MIN, rounds: 1_452, failedRounds: 24 },
      {
        label: '7 d',
        spanMs: 7 * DAY,
        watchedMs: 5 * DAY,
        failingMs: 16 * MIN,
        rounds: 7_210,
        failedRounds: 24,
      },
      {
        label: '30 d',
        spanMs: 30 * DAY,
        watchedMs: 5 * DAY,
        failingMs: 16 * MIN,
        rounds: 7_210,
        failedRounds: 24,
      },
    ],
    heartbeat: Array.from({ length: 40 }, (_, i) => ({
      at: iso((40 - i) * MIN, now),
      probes: 3,
      failed: i >= 22 && i % 3 !== 0 ? 2 : 0,
    })),
    keptMs: 7 * DAY,
  };
}

/** Settings with the default Character.AI target and quiet hours. */
export function settingsFixture(): AppSettings {
  const settings = defaultSettings();
  settings.notifications.quietHours = { start: '22:00', end: '07:00' };
  return settings;
}

/** Token state: none stored, Linux without a keyring, the public key accepted in Settings. */
export function tokenStateFixture(set = false): TokenState {
  return { set: { 'Character.AI': set }, weakEncryption: true, available: true, plainTextOptIn: 'settings' };
}

/** A sample support report in Markdown (what core/report renders). */
export function reportFixture(format: 'markdown' | 'json'): string {
  if (format === 'json')
    return JSON.stringify(
      { target: 'Character.AI', verdict: 'overload', confidence: 0.82, token: '[redacted]' },
      null,
      2,
    );
  return [
    '# why500 support report — Character.AI',
    '',
    '- Window: 14:20–14:30 (Europe/Berlin)',
    '- OS: linux, why500 0.1.0',
    '',
    '## Verdict',
    'Overload (82%).',
    '',
    '## Observed',
    '- site: 503 ×11, 502 ×3, 200 ×6 (median 3.1 s)',
  ].join('\n');
}
