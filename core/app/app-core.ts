// The app core: the one object the CLI, the desktop app and the window harness hold per running monitor
// (statuses, diagnoses, the timeline, reports, settings changes, events). core/app/create.ts builds it.

import type { TimelineData, TimelineRange } from '../../shared/ipc/contract';
import type { ResolvedConfig } from '../../shared/types/config';
import type { Diagnosis } from '../../shared/types/diagnosis';
import type { MonitorEvent, Round, TargetStatus } from '../../shared/types/monitor';
import type { StatusReading } from '../../shared/types/status';
import type { UptimeSummary } from '../../shared/types/uptime';
import type { DiagnoseOptions } from '../monitor/monitor-types';
import type { ReportFormat, ReportInput } from '../report/types';

/** Options of an observation window (`why500 diagnose --watch S --interval I`). */
export interface ObserveOptions {
  /** How long to observe, ms; 0 = a single round. */
  durationMs: number;
  /** Time between round starts, ms. */
  intervalMs: number;
  symptom?: boolean;
  signal?: AbortSignal;
  /** Called after every round. */
  onRound?: (round: Round) => void;
  /** Filled with what was tried, in plain sentences (for the report). */
  tried?: string[];
}

/** Extra inputs to a report. */
export interface ReportOptions {
  /** The diagnosis to report (default: the latest one for the target). */
  diagnosis?: Diagnosis | null;
  /** What was tried (default: what the latest diagnosis of the target did). */
  tried?: string[];
}

/** The running monitor with everything the CLI, the app and the window harness ask of it. */
export interface AppCore {
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
  /** The newest round of a target (scheduled, on demand or observed), or null. */
  lastRound(target: string): Round | null;
  /** The newest status-page reading of a target, or null. */
  statusReading(target: string): StatusReading | null;
  /** Runs an immediate full diagnosis (one round plus extension scan when symptom), or null if cancelled. */
  diagnoseNow(target: string, options?: DiagnoseOptions): Promise<Diagnosis | null>;
  /** Samples, events, deploy markers and outage bands of a target over a range. */
  timeline(target: string, range: TimelineRange): TimelineData;
  /** Uptime over 24 h, 7 d and 30 d and the heartbeat of the last rounds, from the stored history. */
  uptime(target: string): UptimeSummary;
  /** Applies new settings without losing history. */
  reconfigure(config: ResolvedConfig): void;
  /** Subscribes to monitor events; returns the unsubscribe function. */
  onEvent(listener: (event: MonitorEvent) => void): () => void;
  /** Called after every round or state change. */
  onChange(listener: () => void): () => void;
  /** One round for a target now, outside the schedule (`why500 check`). */
  check(target: string, options?: { signal?: AbortSignal }): Promise<Round>;
  /** Observes a target for a window and diagnoses it; null when stopped before any round finished. */
  observe(target: string, options: ObserveOptions): Promise<Diagnosis | null>;
  /** The support report of a target, secrets redacted. */
  report(target: string, format: ReportFormat, options?: ReportOptions): string;
  /** The inputs of that report (for callers rendering it themselves). */
  reportInput(target: string, options?: ReportOptions): ReportInput;
  /** Recent events of a target (this run, then history), oldest first. */
  recentEvents(target: string, limit?: number): MonitorEvent[];
  /** A one-time notice (e.g. the fingerprint memory was corrupt and moved aside), or null. */
  readonly notice: string | null;
}
