// Builders of rounds for the monitor's tests and benchmarks: compact probe specs (see synthetic.ts) in,
// full Round objects out.

import type { ResolvedConfig } from '../../shared/types/config';
import type { Diagnosis, Verdict } from '../../shared/types/diagnosis';
import type { Round } from '../../shared/types/monitor';
import { probe, type ProbeSpec } from './synthetic';

/** One target, "Svc": its site and a health endpoint over HTTPS, one control, no token, no status page. */
export const SVC_CONFIG: ResolvedConfig = {
  intervalSeconds: 30,
  controls: ['https://control.test/204'],
  alternatePath: null,
  browserProfiles: [],
  targets: [
    {
      name: 'Svc',
      site: 'https://svc.test/',
      endpoints: [{ name: 'health', url: 'https://api.svc.test/health' }],
      statusPage: null,
      auth: null,
    },
  ],
};

/** A round at wall time `at` (epoch ms) with the given probes. */
export function roundOf(target: string, at: number, probes: ProbeSpec[]): Round {
  return {
    target,
    startedAt: new Date(at).toISOString(),
    finishedAt: new Date(at + 200).toISOString(),
    probes: probes.map((p) => probe(new Date(at).toISOString(), p)),
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
