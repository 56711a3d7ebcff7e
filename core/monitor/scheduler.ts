// Runs one target's rounds over time: never two at once, a hard deadline on each, an immediate round on
// demand (coalesced with one in flight), pause/resume. Delays are measured on the monotonic clock from the
// start of the previous round, so wall-clock jumps change nothing and a long sleep yields one late round,
// never a burst of missed ones.

import { systemClock, type Clock, type TimerHandle } from './clock';

/** Options of a {@link RoundScheduler}. */
export interface SchedulerOptions<T> {
  /** Runs one round; must settle soon after `signal` aborts (the deadline aborts it). */
  run: (signal: AbortSignal) => Promise<T>;
  /** Delay from the start of the round that just finished to the start of the next, ms (asked after each round). */
  nextDelayMs: (result: T | undefined) => number;
  /** Hard deadline of one round, ms; the round's signal aborts then. */
  deadlineMs: number;
  clock?: Clock;
  /** Called with the error when `run` rejects (the schedule goes on). */
  onError?: (error: unknown) => void;
}

/** Schedules the rounds of one target. */
export class RoundScheduler<T> {
  private readonly clock: Clock;
  private timer: TimerHandle | null = null;
  private inFlight: Promise<T | undefined> | null = null;
  /** Aborts the round in flight (set while one runs). */
  private controller: AbortController | null = null;
  private started = false;
  private paused = false;
  private lastStart: number | null = null;
  private count = 0;

  constructor(private readonly options: SchedulerOptions<T>) {
    this.clock = options.clock ?? systemClock;
  }

  /** Rounds started so far. */
  get rounds(): number {
    return this.count;
  }

  /** A round is running. */
  get busy(): boolean {
    return this.inFlight !== null;
  }

  /** Whether periodic rounds are paused. */
  get isPaused(): boolean {
    return this.paused;
  }

  /** Starts periodic rounds; the first one runs at once (or after `firstDelayMs`). */
  start(firstDelayMs = 0): void {
    if (this.started) return;
    this.started = true;
    if (!this.paused) this.arm(firstDelayMs);
  }

  /**
   * Stops periodic rounds and waits for the one in flight; with `abort` that round is aborted first
   * (its probes settle at once instead of running to their deadline).
   */
  async stop(options: { abort?: boolean } = {}): Promise<void> {
    this.started = false;
    this.disarm();
    if (options.abort) this.controller?.abort(new Error('monitor stopped'));
    await this.inFlight;
  }

  /** Stops scheduling new rounds; a round in flight finishes. */
  pause(): void {
    this.paused = true;
    this.disarm();
  }

  /** Resumes; with `runNow` a round starts at once, otherwise after the usual delay from the last round. */
  resume(runNow = false): void {
    if (!this.paused) return;
    this.paused = false;
    if (!this.started) return;
    if (runNow) void this.runNow();
    else if (!this.inFlight) this.armAfterLast(undefined);
  }

  /**
   * Runs a round now, or returns the one in flight (coalesced). Works while paused; the periodic
   * schedule then continues from this round.
   */
  runNow(): Promise<T | undefined> {
    if (this.inFlight) return this.inFlight;
    this.disarm();
    return this.launch();
  }

  private launch(): Promise<T | undefined> {
    const controller = new AbortController();
    this.controller = controller;
    this.lastStart = this.clock.now();
    this.count++;
    const deadline = this.clock.setTimeout(
      () => controller.abort(new Error(`round deadline of ${this.options.deadlineMs} ms`)),
      this.options.deadlineMs,
    );
    const round = (async (): Promise<T | undefined> => {
      let result: T | undefined;
      try {
        result = await this.options.run(controller.signal);
      } catch (err) {
        this.options.onError?.(err);
      } finally {
        this.clock.clearTimeout(deadline);
      }
      this.inFlight = null;
      this.controller = null;
      if (this.started && !this.paused) this.armAfterLast(result);
      return result;
    })();
    this.inFlight = round;
    return round;
  }

  private armAfterLast(result: T | undefined): void {
    const delay = this.options.nextDelayMs(result);
    const since = this.lastStart === null ? delay : this.clock.now() - this.lastStart;
    this.arm(Math.max(0, delay - since));
  }

  private arm(ms: number): void {
    this.disarm();
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      if (this.started && !this.paused && !this.inFlight) void this.launch();
    }, ms);
  }

  private disarm(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }
}
