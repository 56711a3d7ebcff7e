// The per-target health state machine: pure and deterministic. It reads each finished round (and the
// classifier's cause for it) and decides healthy / degraded / outage / local-network / unknown with
// windowed rules, so isolated failures never make an outage and one success never ends one. The words
// of its events are in event-text.ts.

import type { Verdict } from '../../shared/types/diagnosis';
import type { HealthState, MonitorEvent, Round, TargetStatus } from '../../shared/types/monitor';
import { isFailure, type ProbeResult } from '../../shared/types/probe';
import { interceptedControl } from '../local/captive';
import { formatAt } from '../../shared/vocabulary/time';
import {
  causeChangedText,
  endpointAnswer,
  failedChecksReason,
  intermittentText,
  interceptedReason,
  localNetworkText,
  outageText,
  recoveryText,
  slowText,
  streakReason,
  windowReason,
} from './event-text';

/** The numbers behind the windowed rules. */
export interface HealthRules {
  /** Enter an outage when at least this many of the last `enterWindow` rounds were down, the latest included. */
  enterFailures: number;
  enterWindow: number;
  /** … and at least this share of all the target's checks in those rounds failed (noise rarely fails that much). */
  enterShare: number;
  /** … and at least this many checks failed in those rounds (a lone endpoint relies on the streak rule). */
  enterMinFailed: number;
  /** Leave an outage (or local-network) only after this many consecutive rounds that were not down. */
  leaveSuccesses: number;
  /** A single endpoint failing this many times in a row makes the round count as down. */
  endpointStreak: number;
  /** A probe is slow when it takes at least `slowFactor` × its baseline and `slowMinExtraMs` more. */
  slowFactor: number;
  slowMinExtraMs: number;
  /** Consecutive slow rounds that make `degraded`, and normal rounds that end it. */
  slowRounds: number;
  normalRounds: number;
  /** Recent direct probes looked at for intermittent errors. */
  errorWindowProbes: number;
  /** Degraded when at least this share of the error window failed (and the window is full). */
  errorRateEnter: number;
  /** Intermittent-error degradation ends below this share. */
  errorRateLeave: number;
  /** Healthy latencies kept per endpoint for the baseline (median). */
  baselineSamples: number;
  /** Own samples needed before the baseline is trusted over a seeded one. */
  baselineMinSamples: number;
  /** Rounds with the same new cause before `cause-changed` is announced. */
  causeStableRounds: number;
}

/** Defaults; see the report for the false-alarm and detection figures they give. */
export const DEFAULT_HEALTH_RULES: HealthRules = {
  enterFailures: 3,
  enterWindow: 4,
  enterShare: 2 / 3,
  enterMinFailed: 6,
  leaveSuccesses: 2,
  endpointStreak: 6,
  slowFactor: 2,
  slowMinExtraMs: 200,
  slowRounds: 3,
  normalRounds: 3,
  errorWindowProbes: 60,
  errorRateEnter: 0.3,
  errorRateLeave: 0.1,
  baselineSamples: 40,
  baselineMinSamples: 10,
  causeStableRounds: 2,
};

/** What one round says, reduced to the facts the rules need. */
export interface RoundAssessment {
  /** Direct probes of the target that gave an answer we can judge (challenges excluded). */
  informative: number;
  failures: number;
  /** Most informative direct probes failed, or one endpoint has failed `endpointStreak` times in a row. */
  down: boolean;
  /** An endpoint has failed `endpointStreak` times in a row. */
  streak: boolean;
  /** Why `down`, in words. */
  downReason: string | null;
  /** The endpoint streak, in words, when there is one. */
  streakReason: string | null;
  /** The control probes failed too (a strict majority of them), or a sign-in page answered for them. */
  controlsDown: boolean;
  /** A Wi-Fi sign-in page answered in place of a control site (why, in words), else null. */
  intercepted: string | null;
  /** Majority of baselined answers were slow against their baselines. */
  slow: boolean;
  /** Median of total/baseline over baselined answers, when any. */
  slowRatio: number | null;
}

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

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
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
  private slowStreak = 0;
  private normalStreak = 0;
  private latencyDegraded = false;
  private errorDegraded = false;
  /** Recent direct informative outcomes, true = failed; newest last. */
  private errorWindow: boolean[] = [];
  private streaks = new Map<string, number>();
  private healthyLatencies = new Map<string, number[]>();
  private seeded = new Map<string, number>();
  /** Start of the outage being reported (set by an `outage` event, cleared by `recovery`). */
  private openOutage: number | null = null;
  private announcedCause: Verdict | null = null;
  private pendingCause: { verdict: Verdict; rounds: number } | null = null;
  private lastAssessment: RoundAssessment | null = null;

  constructor(options: TargetHealthOptions) {
    this.target = options.target;
    this.rules = { ...DEFAULT_HEALTH_RULES, ...options.rules };
    this.since = options.startedAt ?? 0;
    for (const [name, ms] of Object.entries(options.baselines ?? {}))
      if (ms !== null) this.seeded.set(name, ms);
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
    const own = this.healthyLatencies.get(name) ?? [];
    if (own.length >= this.rules.baselineMinSamples) return median(own);
    return this.seeded.get(name) ?? null;
  }

  /** Every known baseline, by direct endpoint name. */
  baselines(): Record<string, number | null> {
    const names = new Set([...this.healthyLatencies.keys(), ...this.seeded.keys()]);
    // No prototype: endpoint names are user data ("constructor" is a name like any other).
    const out: Record<string, number | null> = Object.create(null);
    for (const name of names) out[name] = this.baseline(name);
    return out;
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
    const direct = round.probes.filter((p) => p.path === 'direct' && p.outcome !== 'challenge');
    // An endpoint held back by its Retry-After answered an error and asked us to wait: until the hold
    // ends it still counts as failing (it is not probed, so its streak neither grows nor resets).
    const held = (round.heldBack ?? []).filter(
      (h) => h.path === 'direct' && !direct.some((p) => p.name === h.name),
    ).length;
    const failures = direct.filter((p) => isFailure(p.outcome)).length + held;
    const informative = direct.length + held;
    let streakName: string | null = null;
    for (const p of direct) {
      const n = isFailure(p.outcome) ? (this.streaks.get(p.name) ?? 0) + 1 : 0;
      this.streaks.set(p.name, n);
      if (n >= this.rules.endpointStreak && streakName === null) streakName = endpointAnswer(p);
    }
    const majority = informative > 0 && failures * 2 > informative;
    const controls = round.probes.filter((p) => p.path === 'control');
    const controlFailures = controls.filter((p) => isFailure(p.outcome)).length;
    // A sign-in page looks like success to the probes; the network is in the way all the same.
    const intercepted = controls.map(interceptedControl).find((why) => why !== null) ?? null;
    const { slow, ratio } = this.slowness(direct);
    const streak = streakName ? streakReason(streakName, this.rules.endpointStreak) : null;
    let downReason: string | null = null;
    if (intercepted) downReason = interceptedReason(intercepted);
    else if (majority) downReason = failedChecksReason(failures, informative, held);
    else if (streak) downReason = streak;
    return {
      informative,
      failures,
      down: downReason !== null,
      streak: streakName !== null,
      streakReason: streak,
      downReason,
      controlsDown: intercepted !== null || (controls.length > 0 && controlFailures * 2 > controls.length),
      intercepted,
      slow,
      slowRatio: ratio,
    };
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
    this.trackErrors(round);
    this.trackLatency(round, a);

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
        this.errorWindow = [];
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
    return this.latencyDegraded || this.errorDegraded ? 'degraded' : 'healthy';
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
    if (this.errorDegraded) {
      const failed = this.errorWindow.filter(Boolean).length;
      const pct = Math.round((failed / Math.max(1, this.errorWindow.length)) * 100);
      return intermittentText(this.target, pct, this.cause, this.confidence);
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

  private trackErrors(round: Round): void {
    if (this.state === 'outage' || this.state === 'local-network') return;
    for (const p of round.probes) {
      if (p.path !== 'direct' || p.outcome === 'challenge') continue;
      this.errorWindow.push(isFailure(p.outcome));
    }
    const max = this.rules.errorWindowProbes;
    if (this.errorWindow.length > max) this.errorWindow.splice(0, this.errorWindow.length - max);
    const rate = this.errorWindow.filter(Boolean).length / Math.max(1, this.errorWindow.length);
    if (!this.errorDegraded && this.errorWindow.length >= max && rate >= this.rules.errorRateEnter) {
      this.errorDegraded = true;
    } else if (this.errorDegraded && rate < this.rules.errorRateLeave) {
      this.errorDegraded = false;
    }
  }

  private trackLatency(round: Round, a: RoundAssessment): void {
    if (a.slow) {
      this.slowStreak++;
      this.normalStreak = 0;
    } else if (a.slowRatio !== null) {
      this.normalStreak++;
      this.slowStreak = 0;
    }
    if (!this.latencyDegraded && this.slowStreak >= this.rules.slowRounds) this.latencyDegraded = true;
    if (this.latencyDegraded && this.normalStreak >= this.rules.normalRounds) this.latencyDegraded = false;
    // Only calm answers teach the baseline, so a slow spell never becomes the new normal.
    if (a.slow || a.down || (this.state !== 'healthy' && this.state !== 'unknown')) return;
    for (const p of round.probes) {
      if (p.path !== 'direct' || p.outcome !== 'ok') continue;
      const list = this.healthyLatencies.get(p.name) ?? [];
      list.push(p.timings.total);
      if (list.length > this.rules.baselineSamples) list.shift();
      this.healthyLatencies.set(p.name, list);
    }
  }

  private slowness(direct: ProbeResult[]): { slow: boolean; ratio: number | null } {
    const ratios: number[] = [];
    let slow = 0;
    for (const p of direct) {
      if (p.outcome !== 'ok') continue;
      const base = this.baseline(p.name);
      if (base === null || base <= 0) continue;
      const total = p.timings.total;
      ratios.push(total / base);
      if (total >= base * this.rules.slowFactor && total - base >= this.rules.slowMinExtraMs) slow++;
    }
    return { slow: ratios.length > 0 && slow * 2 > ratios.length, ratio: median(ratios) };
  }
}
