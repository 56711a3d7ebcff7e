// The classifier's vocabulary: the nine outcome ids used everywhere (JSON, IPC, UI) and the diagnosis shape.

import type { Evidence } from './evidence';
import type { LocalCause } from './local';
import type { ProbePath } from './probe';

/** The seven causes of a server error, in the seed article's order of frequency (most common first). */
export const CAUSES = [
  'overload',
  'bad-update',
  'account',
  'regional',
  'maintenance',
  'extensions',
  'permissions',
] as const;

/** One of the seven causes. */
export type Cause = (typeof CAUSES)[number];

/** The nine outcomes the classifier scores: the seven causes, the user's own network, and all-well. */
export const DIAGNOSIS_OUTCOMES = [...CAUSES, 'local-network', 'healthy'] as const;

/** One of the nine scored outcomes. */
export type DiagnosisOutcome = (typeof DIAGNOSIS_OUTCOMES)[number];

/** The verdict: the best outcome, or `unknown` when the evidence cannot separate the leaders. */
export type Verdict = DiagnosisOutcome | 'unknown';

/** Actions the app can run as the "next step". */
export type NextAction =
  | 'diagnose-again'
  | 'set-alternate-path'
  | 'test-alternate-path'
  | 'add-token'
  | 'clean-session'
  | 'open-status-page'
  | 'check-connection'
  | 'review-extensions'
  | 'wait'
  | 'none';

/** One outcome in the ranking, with the evidence for and against it in plain sentences. */
export interface RankedOutcome {
  cause: DiagnosisOutcome;
  probability: number;
  for: string[];
  against: string[];
}

/** The classifier's answer. */
export interface Diagnosis {
  target: string;
  verdict: Verdict;
  /** Probability of the verdict's outcome (of the leader when `unknown`). */
  confidence: number;
  /** All nine outcomes, most likely first; probabilities sum to 1. */
  ranking: RankedOutcome[];
  /** The one step that would best separate the top two, as a sentence. */
  nextStep: string;
  /** The same step as an action the app can run. */
  nextAction: NextAction;
  observedFrom: string;
  observedTo: string;
  evidence: Evidence;
  /** Which part of the user's own connection fails, when the local checks found it (else null or absent). */
  localCause?: LocalCause | null;
  /**
   * Set on a partial diagnosis, made while a round was still in flight: the probes it still awaited.
   * The complete diagnosis follows when the last of them settles.
   */
  pending?: { name: string; path: ProbePath }[];
}
