// Sample report inputs for the report's tests (a diagnosis, a round, a status reading).

import { DIAGNOSIS_OUTCOMES, type Diagnosis } from '../../shared/types/diagnosis';
import type { Evidence } from '../../shared/types/evidence';
import type { ProbeResult } from '../../shared/types/probe';
import type { ReportInput } from '../report/types';
import { evidence } from '../../shared/testing/evidence';

/** A complete, empty-ish evidence object: ten quiet rounds, a token, an inactive status page. */
export function sampleEvidence(overrides: Partial<Evidence> = {}): Evidence {
  const base = evidence();
  return evidence({
    observedFrom: '2026-11-26T00:00:00.000Z',
    observedTo: '2026-11-26T00:05:00.000Z',
    rounds: 10,
    site: null,
    endpoints: [],
    controls: { attempts: 20, failures: 0, outcomes: { ok: 20 } },
    statusPage: { ...base.statusPage, configured: true, unavailableReason: 'inactive' },
    auth: { tokenConfigured: true },
    ...overrides,
  });
}

/** A diagnosis with overload leading. */
export function sampleDiagnosis(): Diagnosis {
  const rest = DIAGNOSIS_OUTCOMES.filter((c) => c !== 'overload' && c !== 'regional');
  return {
    target: 'Example',
    verdict: 'overload',
    confidence: 0.82,
    ranking: [
      {
        cause: 'overload',
        probability: 0.82,
        for: ['Error rate rose to 45% while latency tripled.'],
        against: ['No Retry-After was sent.'],
      },
      { cause: 'regional', probability: 0.1, for: ['No alternate path to compare with.'], against: [] },
      ...rest.map((cause) => ({ cause, probability: 0.08 / rest.length, for: [], against: [] })),
    ],
    nextStep: 'Set an alternate path to test whether this is regional.',
    nextAction: 'set-alternate-path',
    observedFrom: '2026-11-26T00:00:00.000Z',
    observedTo: '2026-11-26T00:05:00.000Z',
    evidence: sampleEvidence(),
  };
}

/** A probe result. */
export function sampleProbe(overrides: Partial<ProbeResult> = {}): ProbeResult {
  return {
    name: 'health',
    url: 'https://api.example.test/health',
    path: 'direct',
    auth: false,
    at: '2026-11-26T00:05:00.000Z',
    status: 503,
    outcome: 'http-5xx',
    timings: { dns: 0.42, connect: 1.3, tls: 4.56, firstByte: 150.2, total: 151.04 },
    headers: { server: 'cloudflare', 'cf-ray': '8a1b2c3d4e5f-FRA' },
    body: 'Service Unavailable',
    bodyBytes: 19,
    remoteAddress: '127.0.0.1',
    redirects: 0,
    finalUrl: 'https://api.example.test/health',
    ...overrides,
  };
}

/** A full report input. */
export function sampleInput(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    target: {
      name: 'Example',
      site: 'https://example.test/',
      endpoints: [{ name: 'health', url: 'https://api.example.test/health' }],
      statusPage: 'https://status.example.test',
      auth: { scheme: 'Token', tokenEnv: 'WHY500_EXAMPLE_TOKEN' },
    },
    status: {
      target: 'Example',
      state: 'outage',
      since: '2026-11-26T00:01:00.000Z',
      cause: 'overload',
      confidence: 0.82,
      lastRoundAt: '2026-11-26T00:05:00.000Z',
      diagnosis: null,
    },
    diagnosis: sampleDiagnosis(),
    lastRound: {
      target: 'Example',
      startedAt: '2026-11-26T00:05:00.000Z',
      finishedAt: '2026-11-26T00:05:00.200Z',
      probes: [
        sampleProbe(),
        sampleProbe({ name: 'site', url: 'https://example.test/', status: 200, outcome: 'ok' }),
      ],
      status: null,
    },
    statusReading: {
      snapshot: null,
      stale: false,
      unavailable: { reason: 'inactive', detail: '401', at: '2026-11-26T00:05:00.000Z' },
    },
    recentEvents: [
      {
        event: 'outage',
        target: 'Example',
        at: '2026-11-26T00:01:00.000Z',
        cause: 'overload',
        summary: 'Example is down. Likely cause: the servers are overloaded (82%).',
      },
    ],
    tried: ['Probed 2 endpoints every 30 s for 5 min', 'Checked the status page'],
    app: { name: 'why500', version: '0.1.0', os: 'Linux 6.1 (x64)', timeZone: 'Europe/Berlin' },
    generatedAt: '2026-11-26T00:06:00.000Z',
    ...overrides,
  };
}
