// Politeness: when the next round of a target runs. Regular rounds every interval (jittered ±10%);
// quick confirmation rounds after a failure; during a confirmed outage a fixed, slower cadence so the
// watched service gets at most 2 requests a minute per endpoint while recovery is still seen within 60 s.

import type { HealthState } from '../../shared/types/monitor';

/** The cadence's numbers. */
export interface CadencePolicy {
  /** Regular interval, ms (the config's `intervalSeconds`). */
  intervalMs: number;
  /** Jitter as a share of the interval (0.1 = ±10%). */
  jitter: number;
  /** Delays of the quick confirmation rounds after a failing round, in order, ms. */
  confirmDelaysMs: number[];
  /**
   * Interval during a confirmed outage, ms, not jittered. 30 s gives exactly 2 requests a minute per
   * endpoint, and with two successes needed to end the outage, recovery is seen within 60 s (+ one round's duration).
   */
  outageIntervalMs: number;
}

/**
 * Default confirmation delays: three failing rounds within ~7 s decide a full outage; the later ones let a
 * single endpoint's streak of 6 failures (the rule for partial outages) complete within ~40 s.
 */
export const DEFAULT_CONFIRM_DELAYS_MS = [3_000, 4_000, 8_000, 10_000, 15_000];

/** Default outage interval. */
export const OUTAGE_INTERVAL_MS = 30_000;

/** A policy with defaults for the given interval in seconds. */
export function cadencePolicy(
  intervalSeconds: number,
  overrides: Partial<CadencePolicy> = {},
): CadencePolicy {
  return {
    intervalMs: intervalSeconds * 1000,
    jitter: 0.1,
    confirmDelaysMs: DEFAULT_CONFIRM_DELAYS_MS,
    outageIntervalMs: OUTAGE_INTERVAL_MS,
    ...overrides,
  };
}

/** What the cadence looks at after a round. */
export interface CadenceInput {
  state: HealthState;
  /** The latest round had a failure that is not yet a confirmed outage. */
  suspect: boolean;
  /** Quick confirmation rounds already run in this suspicion episode. */
  confirmations: number;
}

/** The delay until the next round and what kind of round it is. */
export interface CadenceDecision {
  delayMs: number;
  kind: 'regular' | 'confirm' | 'outage';
}

/** Decides the delay before the next round. `random` gives numbers in [0, 1). */
export function nextRound(input: CadenceInput, policy: CadencePolicy, random: () => number): CadenceDecision {
  if (input.state === 'outage') return { delayMs: policy.outageIntervalMs, kind: 'outage' };
  const confirm = policy.confirmDelaysMs[input.confirmations];
  if (input.suspect && confirm !== undefined) return { delayMs: confirm, kind: 'confirm' };
  const spread = policy.intervalMs * policy.jitter;
  return { delayMs: policy.intervalMs - spread + 2 * spread * random(), kind: 'regular' };
}
