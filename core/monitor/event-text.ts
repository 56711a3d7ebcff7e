// The words of the monitor's events (outage, recovery, local-network, degraded, cause-changed) and of the
// reasons a round counts as down, built from what the state machine (state.ts) counted. The verdict
// and duration words come from the shared vocabulary (shared/vocabulary).

import type { Verdict } from '../../shared/types/diagnosis';
import type { HealthState } from '../../shared/types/monitor';
import type { ProbeResult } from '../../shared/types/probe';
import { modelShare } from '../../shared/vocabulary/share';
import { standingClause, standingOf } from '../../shared/vocabulary/standing';
import { formatDuration } from '../../shared/vocabulary/time';
import { VERDICT_WORDS } from '../../shared/vocabulary/words';

/**
 * " Likely cause: the servers are overwhelmed by traffic (82% of the model's weight)." or "" when the
 * cause is not known.
 */
export function causeClause(cause: Verdict | null, confidence: number | null): string {
  if (!cause || cause === 'unknown' || cause === 'healthy') return '';
  return ` Likely cause: ${VERDICT_WORDS[cause].meaning}${percent(confidence)}.`;
}

/** An endpoint with its latest answer: "health (HTTP 503)", "site (timeout-connect)". */
export function endpointAnswer(p: ProbeResult): string {
  return `${p.name} (${p.status !== null ? `HTTP ${p.status}` : p.outcome})`;
}

/** A sign-in page answered for a control site: why the round is down. */
export function interceptedReason(intercepted: string): string {
  return `a Wi-Fi sign-in page answers in place of other sites (${intercepted})`;
}

/** Most checks of a round failed: why it is down. */
export function failedChecksReason(failures: number, informative: number, held: number): string {
  return `${failures} of ${informative} checks failed${held > 0 ? ` (${held} held back: the service asked to wait)` : ''}`;
}

/** One endpoint kept failing: why the round is down. */
export function streakReason(endpoint: string, times: number): string {
  return `${endpoint} failed ${times} times in a row`;
}

/** The window rule that called an outage, in words. */
export function windowReason(failed: number, checked: number, downRounds: number, rounds: number): string {
  return `${failed} of its last ${checked} checks failed, in ${downRounds} of the last ${rounds} rounds`;
}

/**
 * The `outage` event's sentence, worded by its cause (shared/vocabulary/standing.ts): "Character.AI is
 * up, but refuses your account: …", "Character.AI is down: … Likely cause: …". `until` is the planned
 * end of a maintenance, already written as the reader's clock shows it.
 */
export function outageText(
  target: string,
  why: string | null,
  cause: Verdict | null,
  confidence: number | null,
  until: string | null = null,
): string {
  const standing = standingOf('outage', cause);
  // Words that already name the cause do not repeat it.
  const clause = standing === 'down' ? causeClause(cause, confidence) : '';
  return `${standingClause(target, standing, until)}: ${why ?? 'its checks keep failing'}.${clause}`;
}

/** The `recovery` event's sentence; `durationMs` runs from the first failing round to the first good one. */
export function recoveryText(target: string, durationMs: number): string {
  return `${target} is back: it answers normally again (the failures lasted about ${formatDuration(durationMs)}).`;
}

/** The `local-network` event's sentence. */
export function localNetworkText(target: string): string {
  return `Your network has a problem: the control sites failed too, so ${target} itself cannot be judged right now.`;
}

/** The `degraded` event's sentence for intermittent errors (`pct` of recent requests failed). */
export function intermittentText(
  target: string,
  pct: number,
  cause: Verdict | null,
  confidence: number | null,
): string {
  return `${target} has intermittent errors: ${pct}% of its recent requests failed.${causeClause(cause, confidence)}`;
}

/** The `degraded` event's sentence for slowness (`ratio` × the usual time). */
export function slowText(
  target: string,
  ratio: number,
  cause: Verdict | null,
  confidence: number | null,
): string {
  return `${target} is slow: answers take about ${ratio.toFixed(1)}× its usual time.${causeClause(cause, confidence)}`;
}

/** The `cause-changed` event's sentence, with how the target now reads in `state`. */
export function causeChangedText(
  target: string,
  previous: Verdict | null,
  verdict: Verdict,
  confidence: number | null,
  state: HealthState,
): string {
  const from = previous && previous !== 'unknown' ? `from ${VERDICT_WORDS[previous].short} ` : '';
  const now = standingClause(target, standingOf(state, verdict));
  return `${target}: the likely cause changed ${from}to ${VERDICT_WORDS[verdict].short}${percent(confidence)}. ${now}.`;
}

/** " (82% of the model's weight)", or "" without a confidence. */
function percent(confidence: number | null): string {
  return confidence === null ? '' : ` (${modelShare(confidence)})`;
}
