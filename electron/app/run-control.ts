// Decides when the monitor runs. Probing is paused while any reason holds (the user paused it, the
// machine sleeps, the network is not back yet after waking) and resumes with an immediate round
// when the last reason goes away. A user's pause ends by the wall clock: timers run on the monotonic
// clock, which stops while the machine sleeps (Linux), so one long timer would end "until tomorrow"
// late; the end is checked every minute, on wake and on every refresh instead.

import type { AppCore } from '../../core/app/app-core';

/** Why probing is paused. */
export type PauseReason = 'user' | 'sleep' | 'waiting-for-network';

/** Longest wait between two looks at the wall clock while the user's pause runs. */
export const PAUSE_CHECK_MS = 60_000;

/** Timers, injected so tests run on a fake clock. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The real timers. */
export const realTimers: Timers = {
  setTimeout: (fn, ms) => {
    const handle = setTimeout(fn, ms);
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Pauses and resumes the monitor from several independent reasons. */
export class RunControl {
  private readonly reasons = new Set<PauseReason>();
  private userUntil: Date | null = null;
  private userTimer: unknown = null;

  constructor(
    private readonly core: Pick<AppCore, 'pause' | 'resume'>,
    private readonly timers: Timers,
    private readonly now: () => Date,
    private readonly onChange: () => void = () => {},
  ) {}

  /** True while any pause reason holds. */
  isPaused(): boolean {
    return this.reasons.size > 0;
  }

  /** True when the reason holds. */
  has(reason: PauseReason): boolean {
    return this.reasons.has(reason);
  }

  /** The user's pause, for the tray and the snapshot. */
  userPause(): { until: string } | null {
    return this.userUntil ? { until: this.userUntil.toISOString() } : null;
  }

  /** Adds a pause reason (pauses the monitor if it was running). */
  add(reason: PauseReason): void {
    if (this.reasons.has(reason)) return;
    const wasPaused = this.isPaused();
    this.reasons.add(reason);
    if (!wasPaused) this.core.pause();
    this.onChange();
  }

  /** Removes a pause reason; the monitor resumes with a round at once when none is left. */
  remove(reason: PauseReason): void {
    if (!this.reasons.delete(reason)) return;
    if (!this.isPaused()) this.core.resume({ probeNow: true });
    this.onChange();
  }

  /** Runs a round at once if the monitor is running (e.g. the network just came back). */
  probeNow(): void {
    if (!this.isPaused()) this.core.resume({ probeNow: true });
  }

  /** The user pauses until `until`. */
  pauseUntil(until: Date): void {
    this.userUntil = until;
    this.armUserTimer();
    if (this.reasons.has('user')) this.onChange();
    else this.add('user');
  }

  /** Ends the user's pause when its end has passed by the wall clock; true when it ended now. */
  expireUserPause(): boolean {
    if (!this.userUntil || this.now().getTime() < this.userUntil.getTime()) return false;
    this.resumeUser();
    return true;
  }

  /** The user resumes (or the pause ran out). */
  resumeUser(): void {
    this.clearUserTimer();
    this.userUntil = null;
    this.remove('user');
  }

  /** Cancels timers (on quit). */
  dispose(): void {
    this.clearUserTimer();
  }

  /** Looks at the wall clock again at the pause's end or within PAUSE_CHECK_MS, whichever is first. */
  private armUserTimer(): void {
    this.clearUserTimer();
    if (!this.userUntil) return;
    const left = Math.max(0, this.userUntil.getTime() - this.now().getTime());
    this.userTimer = this.timers.setTimeout(
      () => {
        this.userTimer = null;
        if (!this.expireUserPause()) this.armUserTimer();
      },
      Math.min(left, PAUSE_CHECK_MS),
    );
  }

  private clearUserTimer(): void {
    if (this.userTimer !== null) this.timers.clearTimeout(this.userTimer);
    this.userTimer = null;
  }
}

/** One hour from now. */
export function inOneHour(now: Date): Date {
  return new Date(now.getTime() + 3_600_000);
}

/** The next local midnight ("until tomorrow"). */
export function tomorrowStart(now: Date): Date {
  const next = new Date(now);
  next.setHours(24, 0, 0, 0);
  return next;
}
