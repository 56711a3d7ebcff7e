// The fixed JSON shapes the CLI prints: `why500 diagnose --json` (issue 3's contract, exactly these
// keys) and `why500 check --json` (issue 2's shape). Kept here so the report and the CLI agree.

import type { Diagnosis, RankedOutcome, Verdict } from '../../shared/types/diagnosis';
import type { Evidence } from '../../shared/types/evidence';
import type { LocalCause } from '../../shared/types/local';
import type { Round } from '../../shared/types/monitor';
import type { Outcome, ProbePath, ProbeTimings } from '../../shared/types/probe';
import type { StatusReading } from '../../shared/types/status';
import { uncheckedCauses, type UncheckedCause } from '../../shared/vocabulary/not-checked';

/** `why500 diagnose --json`: exactly the contract's keys, in its order. */
export interface DiagnosisJson {
  target: string;
  verdict: Verdict;
  confidence: number;
  ranking: RankedOutcome[];
  nextStep: string;
  observedFrom: string;
  observedTo: string;
  evidence: Evidence;
  /** The part of the user's own connection that fails (issue 11), or null; the checks are in `evidence.local`. */
  localCause: LocalCause | null;
  /** The causes this diagnosis could not test, why, and how to let it (no token, no alternate path…). */
  notChecked: UncheckedCause[];
}

/** Picks the contract's keys from a diagnosis (drops app-only fields such as nextAction). */
export function diagnosisJson(d: Diagnosis): DiagnosisJson {
  return {
    target: d.target,
    verdict: d.verdict,
    confidence: d.confidence,
    ranking: d.ranking.map((r) => ({
      cause: r.cause,
      probability: r.probability,
      for: r.for,
      against: r.against,
    })),
    nextStep: d.nextStep,
    observedFrom: d.observedFrom,
    observedTo: d.observedTo,
    evidence: d.evidence,
    localCause: d.localCause ?? null,
    notChecked: uncheckedCauses(d.evidence),
  };
}

/** One probe in `why500 check --json`. */
export interface CheckProbeJson {
  name: string;
  url: string;
  path: ProbePath;
  status: number | null;
  outcome: Outcome;
  timings: Omit<ProbeTimings, 'total'> & { total: number };
}

/** `why500 check --json`. */
export interface CheckJson {
  target: string;
  at: string;
  probes: CheckProbeJson[];
  statusPage: StatusReading | null;
}

/** The check JSON of one round. Timings are rounded to 0.1 ms. */
export function checkJson(round: Round): CheckJson {
  return {
    target: round.target,
    at: round.startedAt,
    probes: round.probes.map((p) => ({
      name: p.name,
      url: p.url,
      path: p.path,
      status: p.status,
      outcome: p.outcome,
      timings: {
        dns: tenth(p.timings.dns),
        connect: tenth(p.timings.connect),
        tls: tenth(p.timings.tls),
        firstByte: tenth(p.timings.firstByte),
        total: tenth(p.timings.total) ?? 0,
      },
    })),
    statusPage: round.status,
  };
}

function tenth(ms: number | null): number | null {
  return ms == null ? null : Math.round(ms * 10) / 10;
}
