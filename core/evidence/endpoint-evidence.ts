// One endpoint's probes on one path, summed up: outcome and status counts, median times, the failure
// pattern (none, on and off, every time), what the recognisers made of the answers, the edge reached.

import { mergeSignals, noSignals } from '../../shared/evidence/signals';
import type { EndpointEvidence, ResponseSignals } from '../../shared/types/evidence';
import { isFailure, type Outcome, type ProbePath, type ProbeResult } from '../../shared/types/probe';
import { edgeFromRay, readSignals } from './signals';

/** The middle value (the mean of the two middle ones for an even count), or null for none. */
function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? null) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** none: no failure; consistent: every attempt from the first failure to the last one failed; else intermittent. */
export function failurePattern(failed: boolean[]): EndpointEvidence['pattern'] {
  const first = failed.indexOf(true);
  if (first < 0) return 'none';
  const last = failed.lastIndexOf(true);
  const stretch = failed.slice(first, last + 1);
  if (stretch.every(Boolean) && (stretch.length >= 2 || failed.length === 1 || last === failed.length - 1)) {
    return 'consistent';
  }
  return 'intermittent';
}

/** The value seen most often (the first of equals), or null for none. */
function mostCommon(values: string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  let bestCount = 0;
  for (const [v, n] of counts) {
    if (n > bestCount) [best, bestCount] = [v, n];
  }
  return best;
}

/**
 * True when an answer that may be a 200 is a failure for the user: a queue page, an error inside a 200,
 * or a network filter's block page (an internet provider's court-order block answers "200 OK").
 */
export function failsInside(seen: ResponseSignals): boolean {
  return (
    seen.waitingRoom ||
    seen.recognitions.some((r) => r.meaning === 'error-in-200' || r.meaning === 'network-filter')
  );
}

/** What the recognisers make of each probe, read once per probe however often it is asked. */
export function signalReader(): (p: ProbeResult) => ResponseSignals {
  const read = new Map<ProbeResult, ResponseSignals>();
  return (p) => {
    let seen = read.get(p);
    if (!seen) read.set(p, (seen = readSignals(p)));
    return seen;
  };
}

/** Aggregates one endpoint's probes (time-ordered) on one path. */
export function aggregate(
  name: string,
  path: ProbePath,
  probes: ProbeResult[],
  needsToken: boolean,
  baseline: number | null,
  signalsOf: (p: ProbeResult) => ResponseSignals,
): EndpointEvidence {
  const outcomes: Partial<Record<Outcome, number>> = {};
  const statuses: Record<string, number> = {};
  let signals = noSignals();
  const answered: number[] = [];
  const failedAnswered: number[] = [];
  const edges: string[] = [];
  const failed: boolean[] = [];
  for (const p of probes) {
    const seen = signalsOf(p);
    // A bot check the probe did not label is still a bot check, not an error of the service.
    const outcome: Outcome =
      seen.challenge && (p.outcome === 'http-4xx' || p.outcome === 'http-5xx') ? 'challenge' : p.outcome;
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    if (p.status !== null) statuses[String(p.status)] = (statuses[String(p.status)] ?? 0) + 1;
    signals = mergeSignals(signals, seen);
    // A waiting-room page or an error inside a 200 may come with 200, but the user cannot get in: a failure.
    const fail = isFailure(outcome) || failsInside(seen);
    failed.push(fail);
    const total = p.timings?.total;
    if (p.status !== null && typeof total === 'number' && Number.isFinite(total)) {
      if (fail) failedAnswered.push(total);
      else if (outcome !== 'challenge') answered.push(total);
    }
    const edge = edgeFromRay(p.headers?.['cf-ray']);
    if (edge) edges.push(edge);
  }
  return {
    name,
    path,
    auth: probes.some((p) => p.auth),
    needsToken,
    attempts: probes.length,
    failures: failed.filter(Boolean).length,
    outcomes,
    statuses,
    medianMs: median(answered),
    medianErrorMs: median(failedAnswered),
    baselineMs: baseline,
    pattern: failurePattern(failed),
    signals,
    edge: mostCommon(edges),
  };
}
