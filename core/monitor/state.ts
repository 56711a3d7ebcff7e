// The per-target health state machine: pure and deterministic. It reads each finished round (and the
// classifier's cause for it) and decides healthy / degraded / outage / local-network / unknown with
// windowed rules, so isolated failures never make an outage and one success never ends one. The words
// of its events are in event-text.ts; a round's assessment in assess.ts; latency baselines and the
// intermittent-error rate are kept by latency-watch.ts and error-rate.ts; the rules' numbers are in
// health-rules.ts.

import type { Verdict } from '../../shared/types/diagnosis';
import type { HealthState, MonitorEvent, Round, TargetStatus } from '../../shared/types/monitor';
import { formatAt } from '../../shared/vocabulary/time';
import { assessRound, type RoundAssessment } from './assess';
import { ErrorRate } from './error-rate';
import {
  causeChangedText,
  intermittentText,
  localNetworkText,
  outageText,
  recoveryText,
  slowText,
  windowReason,
} from './event-text';
import { DEFAULT_HEALTH_RULES, type HealthRules } from './health-rules';
import { LatencyWatch } from './latency-watch';

/** The classifier's word on the latest window, as the state machine uses it. */
export interface CauseInput {
  verdict: Verdict;
  confidence: number;
  /** The planned end of a maintenance in progress (ISO), when the status page gives one. */
  maintenanceUntil?: string | null;
}

/** A standing carried over from before a restart (the monitor reads it from the history). */
export interface RestoredHealth {
  /** Only these states are carried over; `degraded` is not (what made it so is not stored). */
  state: 'healthy' | 'outage' | 'local-network';
  /** When that state began, epoch ms. */
  since: number;
  /** When the announced outage began (its first failing round), or null when none was announced. */
  outageStart: number | null;
  /** The newest round before the restart, epoch ms. */
  lastRoundAt: number | null;
  /** The cause last announced, and its confidence, so the restart does not announce it again. */
  cause: Verdict | null;
  confidence: number | null;
}

/** Options of a {@link TargetHealth}. */
export interface TargetHealthOptions {
  target: string;
  rules?: Partial<HealthRules>;
  /** Known baselines per direct endpoint name (from history), ms. */
  baselines?: Record<string, number | null>;
  /** Wall-clock ms the monitor started (the `since` of `unknown`). */
  startedAt?: number;
}

/** The health of one target, advanced one round at a time. */
export class TargetHealth {
  readonly target: string;
  private readonly rules: HealthRules;
  private state: HealthState = 'unknown';
  private since: number;
  private lastRoundAt: number | null = null;
  private cause: Verdict | null = null;
  private confidence: number | null = null;
  /** The planned end of a maintenance in progress, from the latest diagnosis (ISO). */
  private maintenanceUntil: string | null = null;
  /** Down/local flags of the last `enterWindow` rounds, newest last. */
  private window: { down: boolean; local: boolean; at: number; failures: number; informative: number }[] = [];
  /** When the current run of rounds that were not down began. */
  private firstClearAt = 0;
  private clearStreak = 0;
  private streaks = new Map<string, number>();
  private readonly latency: LatencyWatch;
  private readonly errors: ErrorRate;
  /** Start of the outage being reported (set by an `outage` event, cleared by `recovery`). */
  private openOutage: number | null = null;
  private announcedCause: Verdict | null = null;
  private pendingCause: { verdict: Verdict; rounds: number } | null = null;
  private lastAssessment: RoundAssessment | null = null;

  constructor(options: TargetHealthOptions) {
    this.target = options.target;
    this.rules = { ...DEFAULT_HEALTH_RULES, ...options.rules };
    this.since = options.startedAt ?? 0;
    this.latency = new LatencyWatch(this.rules, options.baselines);
    this.errors = new ErrorRate(this.rules);
  }

  /** The current state. */
  get current(): HealthState {
    return this.state;
  }

  /** When the announced outage began (epoch ms), or null when none is open. */
  get outageStart(): number | null {
    return this.openOutage;
  }

  /**
   * Continues from a standing saved before a restart: a restart in the middle of an outage neither
   * announces it again nor loses its start (the recovery tells its whole length). Call before any round.
   */
  restore(saved: RestoredHealth): void {
    this.state = saved.state;
    this.since = saved.since;
    this.lastRoundAt = saved.lastRoundAt;
    this.cause = saved.cause;
    this.confidence = saved.confidence;
    this.announcedCause = saved.state === 'healthy' ? null : saved.cause;
    this.openOutage = saved.state === 'healthy' ? null : saved.outageStart;
  }

  /** The latest round had a failure worth confirming quickly (and no outage is confirmed yet). */
  get suspect(): boolean {
    const a = this.lastAssessment;
    return a !== null && a.failures > 0 && this.state !== 'outage' && this.state !== 'local-network';
  }

  /** The assessment of the latest round. */
  get latest(): RoundAssessment | null {
    return this.lastAssessment;
  }

  /** The baseline (ms) used for a direct endpoint, or null while unknown. */
  baseline(name: string): number | null {
    return this.latency.baseline(name);
  }

  /** Every known baseline, by direct endpoint name. */
  baselines(): Record<string, number | null> {
    return this.latency.baselines();
  }

  /** The target's standing (the monitor adds the diagnosis). */
  status(): Omit<TargetStatus, 'diagnosis'> {
    return {
      target: this.target,
      state: this.state,
      since: new Date(this.since).toISOString(),
      cause: this.cause,
      confidence: this.confidence,
      lastRoundAt: this.lastRoundAt === null ? null : new Date(this.lastRoundAt).toISOString(),
    };
  }

  /** Reduces a round to the facts the rules need (updates the per-endpoint failure streaks). */
  assess(round: Round): RoundAssessment {
    return assessRound(round, this.rules, this.streaks, this.latency);
  }

  /**
   * Advances the machine by one finished round and the classifier's cause for the window ending with it.
   * Returns the events this round caused (usually none).
   */
  observe(round: Round, cause: CauseInput | null = null): MonitorEvent[] {
    const at = Date.parse(round.finishedAt) || this.lastRoundAt || this.since;
    const a = this.assess(round);
    this.lastAssessment = a;
    this.lastRoundAt = at;
    if (cause) {
      this.cause = cause.verdict;
      this.confidence = cause.confidence;
      this.maintenanceUntil = cause.maintenanceUntil ?? null;
    }
    const events: MonitorEvent[] = [];
    const local = a.down && a.controlsDown;
    this.window.push({ down: a.down, local, at, failures: a.failures, informative: a.informative });
    if (this.window.length > this.rules.enterWindow) this.window.shift();
    this.clearStreak = a.down ? 0 : this.clearStreak + 1;
    if (this.clearStreak === 1) this.firstClearAt = at;
    this.errors.track(round, this.state);
    this.latency.track(round, a, this.state);

    const downCount = this.window.filter((w) => w.down).length;
    const localCount = this.window.filter((w) => w.local).length;
    const failed = this.window.reduce((n, w) => n + w.failures, 0);
    const checked = this.window.reduce((n, w) => n + w.informative, 0);
    const windowRule =
      downCount >= this.rules.enterFailures &&
      failed >= this.rules.enterShare * checked &&
      failed >= this.rules.enterMinFailed;
    // The streak rule is already a persistent failure: it does not wait for the window.
    const enter = a.down && (windowRule || a.streak);
    const prev = this.state;

    if (prev === 'outage' || prev === 'local-network') {
      if (this.clearStreak >= this.rules.leaveSuccesses) {
        this.moveTo(this.calmState(), at);
        if (this.openOutage !== null) {
          // From the first failing round to the first good one: the outage as users met it.
          const durationMs = Math.max(0, this.firstClearAt - this.openOutage);
          events.push(this.event('recovery', at, recoveryText(this.target, durationMs), { durationMs }));
          this.openOutage = null;
        }
        this.announcedCause = null;
        this.errors.clear();
      } else if (prev === 'outage' && local && localCount >= this.rules.enterFailures - 1) {
        this.moveTo('local-network', at);
        events.push(this.localEvent(at));
      } else if (prev === 'local-network' && enter && !local && !this.window.at(-2)?.local) {
        this.moveTo('outage', at);
        events.push(this.outageEvent(at, a, windowRule));
      } else if (prev === 'outage') {
        const changed = this.causeChange(at);
        if (changed) events.push(changed);
      }
    } else if (enter || (a.intercepted && local)) {
      if (local && localCount >= this.rules.enterFailures - 1) {
        this.moveTo('local-network', at);
        events.push(this.localEvent(at));
      } else if (a.intercepted) {
        // A sign-in page is the network's doing, never the service's outage: wait for it to hold.
      } else {
        this.moveTo('outage', at);
        events.push(this.outageEvent(at, a, windowRule));
      }
    } else if (prev === 'unknown' && (a.down || (a.failures > 0 && this.calmState() === 'healthy'))) {
      // Not enough data to call it either way yet, and a round with failing checks is never "healthy".
    } else {
      const next = this.calmState();
      if (next !== prev) {
        this.moveTo(next, at);
        if (next === 'degraded') {
          this.announcedCause = this.cause;
          this.pendingCause = null;
          events.push(this.event('degraded', at, this.degradedSentence(a)));
        }
      } else if (prev === 'degraded') {
        const changed = this.causeChange(at);
        if (changed) events.push(changed);
      }
    }
    return events;
  }

  private calmState(): HealthState {
    return this.latency.degraded || this.errors.degraded ? 'degraded' : 'healthy';
  }

  private moveTo(state: HealthState, at: number): void {
    if (state === this.state) return;
    this.state = state;
    this.since = at;
  }

  private outageEvent(at: number, a: RoundAssessment, windowRule: boolean): MonitorEvent {
    this.openOutage ??= this.window.find((w) => w.down)?.at ?? at;
    this.announcedCause = this.cause;
    this.pendingCause = null;
    const failed = this.window.reduce((n, w) => n + w.failures, 0);
    const checked = this.window.reduce((n, w) => n + w.informative, 0);
    const why = windowRule
      ? windowReason(failed, checked, this.window.filter((w) => w.down).length, this.window.length)
      : (a.streakReason ?? a.downReason);
    const until = this.maintenanceUntil ? formatAt(this.maintenanceUntil, at) : null;
    return this.event('outage', at, outageText(this.target, why, this.cause, this.confidence, until));
  }

  private localEvent(at: number): MonitorEvent {
    this.announcedCause = 'local-network';
    return this.event('local-network', at, localNetworkText(this.target), { cause: 'local-network' });
  }

  private degradedSentence(a: RoundAssessment): string {
    if (this.errors.degraded) {
      return intermittentText(this.target, this.errors.percent(), this.cause, this.confidence);
    }
    return slowText(this.target, a.slowRatio ?? this.rules.slowFactor, this.cause, this.confidence);
  }

  /** A `cause-changed` event when a new, stable cause replaces the announced one. */
  private causeChange(at: number): MonitorEvent | null {
    const verdict = this.cause;
    if (!verdict || verdict === 'unknown' || verdict === 'healthy' || verdict === this.announcedCause) {
      this.pendingCause = null;
      return null;
    }
    if (this.pendingCause?.verdict === verdict) this.pendingCause.rounds++;
    else this.pendingCause = { verdict, rounds: 1 };
    if (this.pendingCause.rounds < this.rules.causeStableRounds) return null;
    const previousCause = this.announcedCause;
    this.announcedCause = verdict;
    this.pendingCause = null;
    return this.event(
      'cause-changed',
      at,
      causeChangedText(this.target, previousCause, verdict, this.confidence, this.state),
      { previousCause },
    );
  }

  private event(
    kind: MonitorEvent['event'],
    at: number,
    summary: string,
    extra: Partial<MonitorEvent> = {},
  ): MonitorEvent {
    const event: MonitorEvent = {
      event: kind,
      target: this.target,
      at: new Date(at).toISOString(),
      cause: this.cause,
      summary,
      state: this.state,
      ...(this.maintenanceUntil && this.cause === 'maintenance'
        ? { maintenanceUntil: this.maintenanceUntil }
        : {}),
      ...extra,
    };
    if (this.confidence !== null && event.confidence === undefined) event.confidence = this.confidence;
    return event;
  }
}
