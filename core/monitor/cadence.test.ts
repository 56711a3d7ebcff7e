// Tests of the round cadence: jitter, confirmation rounds and outage back-off.

import { describe, it, expect } from 'vitest';
import { cadencePolicy, nextRound } from './cadence';
import { seededRandom } from './random';

describe('nextRound', () => {
  const policy = cadencePolicy(30);

  it('confirms a failure quickly, a bounded number of times, then returns to the interval', () => {
    const delays = [0, 1, 2, 3, 4, 5].map(
      (confirmations) =>
        nextRound({ state: 'healthy', suspect: true, confirmations }, policy, () => 0.5).delayMs,
    );
    expect(delays).toEqual([3_000, 4_000, 8_000, 10_000, 15_000, 30_000]);
  });

  it('during a confirmed outage probes every 30 s exactly, whatever the interval (2 requests a minute)', () => {
    for (const seconds of [10, 30, 120]) {
      const decision = nextRound(
        { state: 'outage', suspect: true, confirmations: 0 },
        cadencePolicy(seconds),
        Math.random,
      );
      expect(decision).toEqual({ delayMs: 30_000, kind: 'outage' });
    }
  });

  it('jitters regular rounds within ±10%', () => {
    const random = seededRandom(1);
    const delays = Array.from(
      { length: 1_000 },
      () => nextRound({ state: 'healthy', suspect: false, confirmations: 0 }, policy, random).delayMs,
    );
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(27_000);
    expect(Math.max(...delays)).toBeLessThan(33_000);
    expect(Math.min(...delays)).toBeLessThan(27_300);
    expect(Math.max(...delays)).toBeGreaterThan(32_700);
  });

  it('does not confirm in the local-network state (the service is not the one failing)', () => {
    expect(
      nextRound({ state: 'local-network', suspect: false, confirmations: 0 }, policy, () => 0.5),
    ).toEqual({
      delayMs: 30_000,
      kind: 'regular',
    });
  });
});
