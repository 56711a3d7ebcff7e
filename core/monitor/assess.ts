// One round reduced to the facts the health rules need: how many direct checks failed, whether the
// round counts as down (and why, in words), whether the controls failed too, whether it was slow.

import type { Round } from '../../shared/types/monitor';
import { isFailure } from '../../shared/types/probe';
import { interceptedControl } from '../local/captive';
import { endpointAnswer, failedChecksReason, interceptedReason, streakReason } from './event-text';
import type { HealthRules } from './health-rules';
import type { LatencyWatch } from './latency-watch';

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

/**
 * Assesses one round; updates `streaks` (failures in a row per direct endpoint name) and measures
 * slowness against `latency`'s baselines.
 */
export function assessRound(
  round: Round,
  rules: HealthRules,
  streaks: Map<string, number>,
  latency: LatencyWatch,
): RoundAssessment {
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
    const n = isFailure(p.outcome) ? (streaks.get(p.name) ?? 0) + 1 : 0;
    streaks.set(p.name, n);
    if (n >= rules.endpointStreak && streakName === null) streakName = endpointAnswer(p);
  }
  const majority = informative > 0 && failures * 2 > informative;
  const controls = round.probes.filter((p) => p.path === 'control');
  const controlFailures = controls.filter((p) => isFailure(p.outcome)).length;
  // A sign-in page looks like success to the probes; the network is in the way all the same.
  const intercepted = controls.map(interceptedControl).find((why) => why !== null) ?? null;
  const { slow, ratio } = latency.slowness(direct);
  const streak = streakName ? streakReason(streakName, rules.endpointStreak) : null;
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
