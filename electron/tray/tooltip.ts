// The tray tooltip: each target as the user reads it (state and cause through the shared standing
// rule), since when, and the likely cause when the words do not already say it; one line per service.

import type { TargetStatus } from '../../shared/types/monitor';
import type { ClockFormat } from './clock';
import { localCauseWords } from '../../shared/local/words';
import { maintenanceEnd, STANDING_WORDS, standingOf } from '../../shared/vocabulary/standing';
import { causePhrase, VERDICT_WORDS } from '../../shared/vocabulary/words';
import { leadsWith } from '../../shared/vocabulary/share';
import { bySeverity } from './state';

/** Windows truncates tray tooltips at 127 characters. */
export const TOOLTIP_MAX = 127;

/** One line for a target, e.g. "Character.AI — down since 14:02, likely overload (82 %)". */
export function statusLine(status: TargetStatus, clock: ClockFormat): string {
  if (status.state === 'unknown' && status.lastRoundAt === null) return `${status.target} — not checked yet`;
  const standing = standingOf(status.state, status.cause);
  const leader = status.cause === 'unknown' ? status.diagnosis?.ranking[0] : undefined;
  const local = status.diagnosis?.localCause;
  const until = maintenanceEnd(status.diagnosis);
  let detail = '';
  if (standing === 'your-network') detail = local ? `, likely ${localCauseWords(local)}` : '';
  else if (standing === 'maintenance') detail = until ? `, until ${clock(until)}` : '';
  else if (leader && standing !== 'working')
    // An unclear cause still names its leader and share ("cause unclear, overload leads with 46 %").
    detail = `, cause unclear, ${VERDICT_WORDS[leader.cause].short} ${leadsWith(leader.probability)}`;
  else if (standing === 'down' || standing === 'degraded' || standing === 'failing')
    detail = causeClause(status);
  return `${status.target} — ${STANDING_WORDS[standing].short} since ${clock(status.since)}${detail}`;
}

/** A short line for a target, e.g. "Claude — working": when the full lines do not fit. */
function shortLine(status: TargetStatus): string {
  if (status.state === 'unknown' && status.lastRoundAt === null) return `${status.target} — not checked yet`;
  return `${status.target} — ${STANDING_WORDS[standingOf(status.state, status.cause)].short}`;
}

/**
 * The whole tooltip, one line per service, the worst first. When the full lines pass the Windows limit,
 * the others shrink to their state so every service keeps a line; then all do; then the last are counted.
 */
export function tooltipText(
  statuses: readonly TargetStatus[],
  paused: { until: string } | null,
  clock: ClockFormat,
): string {
  const sorted = bySeverity(statuses);
  const head = paused ? [`why500 — paused until ${clock(paused.until)}`] : [];
  if (sorted.length === 0) return [...head, 'why500 — no targets'].join('\n');
  const fits = (lines: string[]): boolean => [...head, ...lines].join('\n').length <= TOOLTIP_MAX;
  const full = sorted.map((s) => statusLine(s, clock));
  const leading = [full[0] as string, ...sorted.slice(1).map(shortLine)];
  const short = sorted.map(shortLine);
  const lines = [full, leading, short].find(fits) ?? countRest(short, head);
  const text = [...head, ...lines].join('\n');
  return text.length <= TOOLTIP_MAX ? text : `${text.slice(0, TOOLTIP_MAX - 1)}…`;
}

/** As many short lines as fit, then "and N more". */
function countRest(short: string[], head: string[]): string[] {
  for (let keep = short.length - 1; keep > 0; keep--) {
    const lines = [...short.slice(0, keep), `and ${short.length - keep} more`];
    if ([...head, ...lines].join('\n').length <= TOOLTIP_MAX) return lines;
  }
  return short.slice(0, 1);
}

/** ", likely overload (82 %)" for a status with a cause; "" otherwise. */
function causeClause(status: TargetStatus): string {
  const phrase = causePhrase(status.cause, status.confidence);
  return phrase ? `, ${phrase}` : '';
}
