// A virtual clock for tests and benchmarks: time only moves when asked, timers fire in order, and
// promise chains settle between timers, so hours of monitoring run in milliseconds.

import type { Clock, TimerHandle } from '../monitor/clock';

interface VirtualTimer {
  id: number;
  due: number;
  fn: () => void;
}

/** Lets every pending promise continuation run (one macrotask turn, a few times). */
async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** A {@link Clock} whose time is advanced explicitly. */
export class VirtualClock implements Clock {
  private mono = 0;
  private wall: number;
  private nextId = 1;
  private timers: VirtualTimer[] = [];

  constructor(options: { wallStart?: number } = {}) {
    this.wall = options.wallStart ?? Date.UTC(2026, 0, 1);
  }

  now(): number {
    return this.mono;
  }

  wallNow(): number {
    return this.wall;
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const timer = { id: this.nextId++, due: this.mono + Math.max(0, ms), fn };
    this.timers.push(timer);
    return timer.id;
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }

  /** Number of timers waiting. */
  pending(): number {
    return this.timers.length;
  }

  /** Moves time forward by `ms`, firing every timer that falls due on the way, in order. */
  async advance(ms: number): Promise<void> {
    await this.advanceTo(this.mono + ms);
  }

  /** Moves time forward to monotonic `target`, firing due timers in order and settling promises after each. */
  async advanceTo(target: number): Promise<void> {
    await settle();
    for (;;) {
      const next = this.earliest();
      if (!next || next.due > target) break;
      this.move(next.due);
      this.timers = this.timers.filter((t) => t !== next);
      next.fn();
      await settle();
    }
    this.move(target);
    await settle();
  }

  /**
   * Moves time forward a step at a time until `promise` settles, and returns its result: for a wait on
   * work that runs on this clock, such as a monitor's stop waiting for a round still in flight (whose
   * probes' timers fire only when time moves). Gives up after `maxMs` of virtual time.
   */
  async until<T>(promise: Promise<T>, stepMs = 1_000, maxMs = 3_600_000): Promise<T> {
    let settled = false;
    const watched = promise.finally(() => {
      settled = true;
    });
    await settle();
    for (let moved = 0; !settled && moved < maxMs; moved += stepMs) await this.advance(stepMs);
    return watched;
  }

  /**
   * Simulates a machine sleep: both clocks move forward by `ms` with no timer firing on the way,
   * then every overdue timer fires once (late), as real timers do after resume.
   */
  async stall(ms: number): Promise<void> {
    this.move(this.mono + ms);
    await this.advanceTo(this.mono);
  }

  /** Jumps the wall clock only (NTP correction, user changing the time); monotonic time is untouched. */
  jumpWall(ms: number): void {
    this.wall += ms;
  }

  private move(to: number): void {
    if (to <= this.mono) return;
    this.wall += to - this.mono;
    this.mono = to;
  }

  private earliest(): VirtualTimer | undefined {
    let best: VirtualTimer | undefined;
    for (const t of this.timers)
      if (!best || t.due < best.due || (t.due === best.due && t.id < best.id)) best = t;
    return best;
  }
}
