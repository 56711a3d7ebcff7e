// How a verdict is written in one line wherever it appears: a clear verdict with its share, and an
// `unknown` that still names the leading causes and their shares ("Unknown — Healthy 54%, Maintenance
// 24%"), plus the "also possible" list of every other cause worth a mention.

import type { RankedOutcome, Verdict } from '../types/diagnosis';
import { leadsWith, percent } from './share';
import { verdictTitle } from './words';

export { percent } from './share';

/** A cause at or above this share is listed as "also possible". */
export const ALSO_POSSIBLE_MIN = 0.05;

/** How many leaders an `unknown` verdict names. */
const LEADERS_NAMED = 2;

/** What the helpers read of a diagnosis. */
export interface VerdictParts {
  verdict: Verdict;
  confidence: number;
  ranking: Pick<RankedOutcome, 'cause' | 'probability'>[];
}

/** The causes the headline names: the verdict, or for `unknown` the leaders (at least 5% each, the first always). */
function named(d: VerdictParts): Pick<RankedOutcome, 'cause' | 'probability'>[] {
  if (d.verdict !== 'unknown') return d.ranking.filter((r) => r.cause === d.verdict).slice(0, 1);
  return d.ranking.slice(0, LEADERS_NAMED).filter((r, i) => i === 0 || r.probability >= ALSO_POSSIBLE_MIN);
}

/**
 * The verdict in one line: "Overload (leads with 87% of the model's weight)", or
 * "Unknown — Working normally 54%, Maintenance 24%".
 */
export function verdictHeadline(d: VerdictParts): string {
  if (d.verdict !== 'unknown') return `${verdictTitle(d.verdict)} (${leadsWith(d.confidence)})`;
  const leaders = named(d).map((r) => `${verdictTitle(r.cause)} ${percent(r.probability)}`);
  const unclear = verdictTitle('unknown');
  return leaders.length > 0 ? `${unclear} — ${leaders.join(', ')}` : unclear;
}

/** Every other cause at or above ALSO_POSSIBLE_MIN, most likely first (the ones the headline named are left out). */
export function alsoPossible(d: VerdictParts): Pick<RankedOutcome, 'cause' | 'probability'>[] {
  const shown = new Set(named(d).map((r) => r.cause));
  return d.ranking.filter((r) => !shown.has(r.cause) && r.probability >= ALSO_POSSIBLE_MIN);
}
