// Builders of rounds for tests and benchmarks: compact descriptions in, full Round objects out.

import type { Diagnosis, Verdict } from '../../shared/types/diagnosis';
import type { Round } from '../../shared/types/monitor';
import type { Outcome, ProbePath, ProbeResult } from '../../shared/types/probe';

/** One probe in a compact form. */
export interface ProbeSpec {
  name: string;
  path?: ProbePath;
  outcome?: Outcome;
  status?: number | null;
  total?: number;
}

/** A ProbeResult from a compact description. */
export function probeResult(spec: ProbeSpec, at: number): ProbeResult {
  const outcome = spec.outcome ?? 'ok';
  const status =
    spec.status !== undefined ? spec.status : outcome === 'ok' ? 200 : outcome === 'http-5xx' ? 500 : null;
  const total = spec.total ?? 100;
  return {
    name: spec.name,
    url: `https://example.test/${spec.name}`,
    path: spec.path ?? 'direct',
    auth: false,
    at: new Date(at).toISOString(),
    status,
    outcome,
    timings: { dns: 1, connect: 2, tls: 3, firstByte: total - 6, total },
    headers: {},
    body: '',
    bodyBytes: 0,
    remoteAddress: '127.0.0.1',
    redirects: 0,
    finalUrl: `https://example.test/${spec.name}`,
  };
}

/** A round at wall time `at` (epoch ms) with the given probes. */
export function roundOf(target: string, at: number, probes: ProbeSpec[]): Round {
  return {
    target,
    startedAt: new Date(at).toISOString(),
    finishedAt: new Date(at + 200).toISOString(),
    probes: probes.map((p) => probeResult(p, at)),
    status: null,
  };
}

/** A minimal diagnosis naming `verdict`, for monitors under test whose classifier is a stand-in. */
export function stubDiagnosis(target: string, verdict: Verdict): Diagnosis {
  return {
    target,
    verdict,
    confidence: 0.8,
    ranking: [],
    nextStep: 'Wait.',
    nextAction: 'wait',
    observedFrom: '',
    observedTo: '',
    evidence: {} as Diagnosis['evidence'],
  };
}
