// Monitor state and events: what the scheduler's rounds add up to per target, and what changed.

import type { Diagnosis, Verdict } from './diagnosis';
import type { LocalCause } from './local';
import type { HeldProbe, ProbeResult } from './probe';
import type { StatusReading } from './status';

/** A target's health as the tray shows it. */
export type HealthState = 'healthy' | 'degraded' | 'outage' | 'local-network' | 'unknown';

/**
 * How a target stands as the user reads it: its state read with its cause (shared/vocabulary/standing.ts
 * holds the rule and the words). An account refusal is not "down"; only a fault for everyone is.
 */
export type Standing =
  | 'working'
  | 'degraded'
  | 'down'
  | 'down-regional'
  | 'maintenance'
  | 'refuses-account'
  | 'browser'
  | 'your-network'
  | 'failing'
  | 'unknown';

/** One probe round for one target: every probe it ran and the status page reading. */
export interface Round {
  target: string;
  startedAt: string;
  finishedAt: string;
  /** Site page, endpoints (direct and alternate) and controls. */
  probes: ProbeResult[];
  status: StatusReading | null;
  /** Set when this round was asked for by the user seeing an error right now. */
  symptom?: boolean;
  /** Probes left out of this round because the endpoint asked to be left alone for a while (Retry-After). */
  heldBack?: HeldProbe[];
}

/** The kinds of event the monitor emits. */
export type MonitorEventKind = 'outage' | 'recovery' | 'degraded' | 'cause-changed' | 'local-network';

/** Something that changed for a target; drives notifications and `why500 watch --json`. */
export interface MonitorEvent {
  event: MonitorEventKind;
  target: string;
  at: string;
  cause: Verdict | null;
  /** One plain sentence saying what happened and why. */
  summary: string;
  /** For `recovery`: how long the outage lasted, in ms. */
  durationMs?: number;
  /** For `cause-changed`: the cause before. */
  previousCause?: Verdict | null;
  confidence?: number;
  /** The part of the user's own connection that fails, when the local checks found it. */
  localCause?: LocalCause;
  /** What to do about that part, one sentence (the diagnosis' next step). */
  localStep?: string;
  /** The target's health state once this event happened (absent in events from older versions). */
  state?: HealthState;
  /** The planned end of a maintenance in progress, from the status page (ISO-8601). */
  maintenanceUntil?: string;
}

/** A target's current standing. */
export interface TargetStatus {
  target: string;
  state: HealthState;
  /** When the current state began (ISO-8601). */
  since: string;
  cause: Verdict | null;
  confidence: number | null;
  lastRoundAt: string | null;
  diagnosis: Diagnosis | null;
}
