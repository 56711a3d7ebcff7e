// The monitoring core as the app, the CLI and the window harness use it: one object per running monitor.

import type { TimelineData, TimelineRange, DiagnoseProgress } from '../../shared/ipc/contract';
import type { ResolvedConfig } from '../../shared/types/config';
import type { Diagnosis } from '../../shared/types/diagnosis';
import type { MonitorEvent, Round, TargetStatus } from '../../shared/types/monitor';
import type { StatusReading } from '../../shared/types/status';

/** Where the core gets a target's token (env var for the CLI, safeStorage for the app). */
export interface TokenSource {
  /** The raw token for a target, or null. Callers must never log or return it. */
  get(target: string): string | null;
  /**
   * The origins the target's token was given for (core/config/token-origins.ts): the only ones it is
   * sent to. Absent or null: it was given for the configuration in use (its `auth` endpoints).
   */
  origins?(target: string): readonly string[] | null;
}

/** Options of an on-demand diagnosis. */
export interface DiagnoseOptions {
  /** The user sees the error right now. */
  symptom?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: DiagnoseProgress) => void;
}

/** The running monitor. */
export interface MonitorService {
  /** Starts scheduling rounds for every target. */
  start(): void;
  /** Stops scheduling, waits for rounds in flight (aborting them with `abort`), flushes history. */
  stop(options?: { abort?: boolean }): Promise<void>;
  /** Pauses probing (sleep, user pause); rounds in flight finish. */
  pause(): void;
  /** Resumes probing; `probeNow` runs a round at once. */
  resume(options?: { probeNow?: boolean }): void;
  /** Current standing of every target. */
  statuses(): TargetStatus[];
  lastRound(target: string): Round | null;
  statusReading(target: string): StatusReading | null;
  /** Runs an immediate full diagnosis (one round plus extension scan when symptom), or null if cancelled. */
  diagnoseNow(target: string, options?: DiagnoseOptions): Promise<Diagnosis | null>;
  timeline(target: string, range: TimelineRange): TimelineData;
  /** Applies new settings without losing history. */
  reconfigure(config: ResolvedConfig): void;
  onEvent(listener: (event: MonitorEvent) => void): () => void;
  /** Called after every round or state change. */
  onChange(listener: () => void): () => void;
}
