// The numbers behind the health state machine's windowed rules, and their defaults.

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
