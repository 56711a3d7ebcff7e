// The monitor's contracts: what the app injects, its tuning, what the classifier is told, the options
// of an on-demand diagnosis, and one target's runtime record (types only).

import type { DiagnoseProgress } from '../../shared/ipc/contract';
import type { ResolvedTarget } from '../../shared/types/config';
import type { Diagnosis } from '../../shared/types/diagnosis';
import type { Round } from '../../shared/types/monitor';
import type { StatusReading } from '../../shared/types/status';
import type { TokenSource } from '../config/token-origins';
import type { HistoryStore } from '../history/history';
import type { ProbeLimits } from '../probe/types';
import type { CadencePolicy } from './cadence';
import type { Clock } from './clock';
import type { HoldBacks } from './hold-back';
import type { RoundProgress } from './progress';
import type { ProbeFn, StatusFn } from './round';
import type { RoundScheduler } from './scheduler';
import type { HealthRules } from './health-rules';
import type { TargetHealth } from './state';

/** Options of an on-demand diagnosis. */
export interface DiagnoseOptions {
  /** The user sees the error right now. */
  symptom?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: DiagnoseProgress) => void;
  /**
   * Called once with a partial diagnosis (its `pending` names the probes still awaited) when the round
   * has not finished `partialAfterMs` after the start; the complete diagnosis is still returned.
   */
  onPartial?: (diagnosis: Diagnosis) => void;
  /** When to give the partial diagnosis, ms (default: the local checks' deadline, 3 s). */
  partialAfterMs?: number;
}

/** What the classifier is told besides the rounds. */
export interface DiagnoseContext {
  target: ResolvedTarget;
  /** The user reports seeing the error right now. */
  symptom: boolean;
  /** A token is available, so `auth` endpoints were probed with it. */
  tokenConfigured: boolean;
  alternateConfigured: boolean;
  /**
   * Usual total latency per probe, ms, keyed `${path}:${name}` (e.g. `direct:health`, `alternate:site`) as
   * core/evidence's `EvidenceInput.baselines` expects; from history, else the state machine's own.
   */
  baselines: Record<string, number | null>;
  signal?: AbortSignal;
  /** The newest round is still in flight (a partial diagnosis): diagnose what answered, skip slow extras. */
  partial?: boolean;
}

/** Builds evidence from the rounds and classifies it (core/evidence + the classifier), injected. */
export type DiagnoseFn = (rounds: Round[], context: DiagnoseContext) => Diagnosis | Promise<Diagnosis>;

/** The parts of the history the monitor uses (a {@link HistoryStore}, or a fake in tests). */
export type MonitorHistory = Pick<
  HistoryStore,
  'appendRound' | 'appendEvent' | 'appendState' | 'appendDeploy' | 'baselines' | 'close'
> &
  Partial<Pick<HistoryStore, 'lastState' | 'lastSampleAt' | 'events'>>;

/** What the app injects. */
export interface MonitorDeps {
  probe: ProbeFn;
  /** The probe one target's rounds use, when targets share a politeness budget (default `probe`). */
  probeFor?: (target: string) => ProbeFn;
  readStatus?: StatusFn | null;
  diagnose: DiagnoseFn;
  tokens?: TokenSource | null;
  history?: MonitorHistory | null;
  clock?: Clock;
  /** Random source for jitter (default Math.random). */
  random?: () => number;
  /** Told about errors that did not stop monitoring (one line each, never a secret). */
  onError?: (message: string) => void;
}

/** Tuning; every field has a default. */
export interface MonitorOptions {
  /** Hard deadline of one round, ms (default 20 000). */
  roundDeadlineMs?: number;
  /** Recent rounds kept per target for the classifier (default 20) … */
  windowRounds?: number;
  /** … and no older than this, ms (default 15 min). */
  windowMs?: number;
  rules?: Partial<HealthRules>;
  cadence?: Partial<Omit<CadencePolicy, 'intervalMs'>>;
  limits?: Partial<ProbeLimits>;
  ca?: string | string[];
}

/** One target's running parts and what the monitor remembers of its recent rounds. */
export interface TargetRuntime {
  target: ResolvedTarget;
  health: TargetHealth;
  scheduler: RoundScheduler<Round>;
  window: Round[];
  lastRound: Round | null;
  statusReading: StatusReading | null;
  diagnosis: Diagnosis | null;
  suspectRounds: number;
  nextSymptom: boolean;
  fingerprint: string | null;
  /** Progress of the round in flight. */
  progress: RoundProgress;
  /** Endpoints that asked, by Retry-After, not to be probed again for a while. */
  holds: HoldBacks;
}
