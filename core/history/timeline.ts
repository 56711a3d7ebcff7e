// The timeline's view of the stored records: how far back each range reaches, the state bands (with
// the cause each ended with) and the deploy markers of a target.

import type { TimelineData, TimelineRange } from '../../shared/ipc/contract';
import type { Verdict } from '../../shared/types/diagnosis';
import type { DeployRecord, EventRecord, LogRecord, StateRecord } from './codec';

const DAY_MS = 86_400_000;

/** How far back each timeline range reaches, ms. */
export const RANGE_MS: Record<TimelineRange, number> = { hour: 3_600_000, day: DAY_MS, week: 7 * DAY_MS };

/** The deploy markers of a target within [from, to], oldest first. */
export function deployMarks(
  records: readonly LogRecord[],
  target: string,
  from: number,
  to: number,
): TimelineData['deploys'] {
  return records
    .filter(
      (r): r is DeployRecord => r.kind === 'deploy' && r.target === target && r.at >= from && r.at <= to,
    )
    .map((r) => ({ at: new Date(r.at).toISOString(), fingerprint: r.fingerprint }));
}

/**
 * The spans within [from, to] in which a target was not healthy (nor unknown), by its stored state
 * changes; an open span has a null end.
 */
export function stateBands(
  records: readonly LogRecord[],
  target: string,
  from: number,
  to: number,
): TimelineData['bands'] {
  const states = records.filter((r): r is StateRecord => r.kind === 'state' && r.target === target);
  const events = records.filter(
    (r): r is EventRecord => r.kind === 'event' && r.event.target === target && r.event.event !== 'recovery',
  );
  const bands: TimelineData['bands'] = [];
  states.forEach((r, i) => {
    if (r.state === 'healthy' || r.state === 'unknown') return;
    const end = states[i + 1]?.at ?? null;
    if ((end !== null && end < from) || r.at > to) return;
    bands.push({
      state: r.state,
      from: new Date(Math.max(r.at, from)).toISOString(),
      to: end === null ? null : new Date(end).toISOString(),
      cause: bandCause(events, r.at, end),
    });
  });
  return bands;
}

/**
 * The cause a state band ended with: that of the last event (outage, degraded, cause change) raised
 * from its start to its end, so the timeline can word a refusal of one account apart from an outage.
 */
function bandCause(events: readonly EventRecord[], start: number, end: number | null): Verdict | null {
  let cause: Verdict | null = null;
  for (const { event } of events) {
    const at = Date.parse(event.at);
    if (at >= start && (end === null || at < end)) cause = event.cause;
  }
  return cause;
}
