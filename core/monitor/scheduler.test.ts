// Tests of the per-target round scheduler on a virtual clock.

import { describe, it, expect } from 'vitest';
import { sleep } from './clock';
import { nextRound, cadencePolicy } from './cadence';
import { seededRandom } from './random';
import { RoundScheduler } from './scheduler';
import { VirtualClock } from '../testing/virtual-clock';

/** A scheduler whose rounds take `roundMs` of virtual time, recording starts and overlap. */
function setup(options: { roundMs?: number; delay?: () => number; deadlineMs?: number } = {}) {
  const clock = new VirtualClock();
  const starts: number[] = [];
  let active = 0;
  let maxActive = 0;
  const aborted: number[] = [];
  const scheduler = new RoundScheduler<number>({
    clock,
    deadlineMs: options.deadlineMs ?? 20_000,
    nextDelayMs: options.delay ?? (() => 30_000),
    run: async (signal) => {
      starts.push(clock.now());
      active++;
      maxActive = Math.max(maxActive, active);
      try {
        await sleep(clock, options.roundMs ?? 500, signal);
      } catch {
        aborted.push(clock.now());
      } finally {
        active--;
      }
      return starts.length;
    },
  });
  return { clock, scheduler, starts, aborted, maxActive: () => maxActive };
}

function gaps(starts: number[]): number[] {
  return starts.slice(1).map((s, i) => s - starts[i]!);
}

describe('RoundScheduler', () => {
  it('runs the first round at once and then every interval, measured from round start', async () => {
    const { clock, scheduler, starts } = setup({ roundMs: 2_000 });
    scheduler.start();
    await clock.advance(95_000);
    expect(starts).toEqual([0, 30_000, 60_000, 90_000]);
  });

  it('never runs two rounds at once, even when a round outlasts the interval', async () => {
    const { clock, scheduler, starts, maxActive } = setup({ roundMs: 45_000, deadlineMs: 60_000 });
    scheduler.start();
    const extra = [scheduler.runNow(), scheduler.runNow()];
    await clock.advance(300_000);
    await Promise.all(extra);
    expect(maxActive()).toBe(1);
    expect(gaps(starts).every((g) => g >= 45_000)).toBe(true);
  });

  it('aborts a round at its hard deadline', async () => {
    const { clock, scheduler, aborted } = setup({ roundMs: 100_000, deadlineMs: 20_000 });
    scheduler.start();
    await clock.advance(25_000);
    expect(aborted).toEqual([20_000]);
  });

  it('jitters regular rounds within ±10% of the interval', async () => {
    const random = seededRandom(7);
    const policy = cadencePolicy(30);
    const delay = () =>
      nextRound({ state: 'healthy', suspect: false, confirmations: 0 }, policy, random).delayMs;
    const { clock, scheduler, starts } = setup({ delay });
    scheduler.start();
    await clock.advance(3_600_000 * 2);
    const g = gaps(starts);
    expect(g.length).toBeGreaterThan(200);
    expect(Math.min(...g)).toBeGreaterThanOrEqual(27_000);
    expect(Math.max(...g)).toBeLessThanOrEqual(33_000);
    expect(Math.max(...g) - Math.min(...g)).toBeGreaterThan(4_000);
  });

  it('coalesces runNow with the round in flight, and restarts the schedule from an on-demand round', async () => {
    const { clock, scheduler, starts } = setup({ roundMs: 1_000 });
    scheduler.start();
    await clock.advance(10_000);
    const a = scheduler.runNow();
    const b = scheduler.runNow();
    expect(a).toBe(b);
    await clock.advance(1_000);
    expect(await a).toBe(2);
    expect(starts).toEqual([0, 10_000]);
    await clock.advance(30_000);
    expect(starts).toEqual([0, 10_000, 40_000]);
  });

  it('pause stops new rounds (a round in flight finishes); resume continues, or probes at once', async () => {
    const { clock, scheduler, starts } = setup({ roundMs: 1_000 });
    scheduler.start();
    await clock.advance(500);
    scheduler.pause();
    await clock.advance(600_000);
    expect(starts).toEqual([0]);
    expect(scheduler.busy).toBe(false);
    scheduler.resume();
    await clock.advance(1_000);
    expect(starts).toEqual([0, 600_500]); // overdue since the last start: runs at once
    scheduler.pause();
    await clock.advance(5_000);
    scheduler.resume(true);
    await clock.advance(0);
    expect(starts).toEqual([0, 600_500, 606_500]);
    await clock.advance(30_000);
    expect(starts).toEqual([0, 600_500, 606_500, 636_500]);
  });

  it('runNow works while paused without restarting the schedule', async () => {
    const { clock, scheduler, starts } = setup();
    scheduler.start();
    await clock.advance(1_000);
    scheduler.pause();
    const round = scheduler.runNow();
    await clock.advance(120_000);
    expect(await round).toBe(2);
    expect(starts).toEqual([0, 1_000]);
  });

  it('ignores wall-clock jumps', async () => {
    const { clock, scheduler, starts } = setup();
    scheduler.start();
    await clock.advance(40_000);
    clock.jumpWall(-3_600_000);
    await clock.advance(30_000);
    clock.jumpWall(+7_200_000);
    await clock.advance(30_000);
    expect(starts).toEqual([0, 30_000, 60_000, 90_000]);
  });

  it('after a long sleep runs one round, not a burst of the missed ones', async () => {
    const { clock, scheduler, starts } = setup();
    scheduler.start();
    await clock.advance(31_000);
    expect(starts).toHaveLength(2);
    await clock.stall(2 * 3_600_000);
    expect(starts).toHaveLength(3);
    await clock.advance(29_000);
    expect(starts).toHaveLength(3);
    await clock.advance(1_000);
    expect(starts).toHaveLength(4);
  });

  it('stop waits for the round in flight and schedules nothing more', async () => {
    const { clock, scheduler, starts } = setup({ roundMs: 5_000 });
    scheduler.start();
    await clock.advance(1_000);
    let stopped = false;
    const stopping = scheduler.stop().then(() => (stopped = true));
    await clock.advance(1_000);
    expect(stopped).toBe(false);
    await clock.advance(4_000);
    await stopping;
    await clock.advance(300_000);
    expect(starts).toEqual([0]);
    expect(clock.pending()).toBe(0);
  });

  it('stop with abort ends the round in flight at once (quitting never waits for a probe)', async () => {
    const { clock, scheduler, starts, aborted } = setup({ roundMs: 15_000 });
    scheduler.start();
    await clock.advance(1_000);
    let stopped = false;
    const stopping = scheduler.stop({ abort: true }).then(() => (stopped = true));
    await clock.advance(0);
    await stopping;
    expect(stopped).toBe(true);
    expect(aborted).toEqual([1_000]);
    await clock.advance(300_000);
    expect(starts).toEqual([0]);
  });

  it('keeps going when a round throws', async () => {
    const clock = new VirtualClock();
    const errors: unknown[] = [];
    let n = 0;
    const scheduler = new RoundScheduler<number>({
      clock,
      deadlineMs: 1_000,
      nextDelayMs: () => 10_000,
      run: async () => {
        n++;
        throw new Error('boom');
      },
      onError: (e) => errors.push(e),
    });
    scheduler.start();
    await clock.advance(25_000);
    expect(n).toBe(3);
    expect(errors).toHaveLength(3);
  });
});
