// The clause each monitor event adds about why: the likely cause in the app's words (shared/vocabulary).

import type { Verdict } from '../../shared/types/diagnosis';
import { VERDICT_WORDS } from '../../shared/vocabulary/words';

/** " Likely cause: the servers are overwhelmed by traffic (82%)." or "" when the cause is not known. */
export function causeClause(cause: Verdict | null, confidence: number | null): string {
  if (!cause || cause === 'unknown' || cause === 'healthy') return '';
  const pct = confidence === null ? '' : ` (${Math.round(confidence * 100)}%)`;
  return ` Likely cause: ${VERDICT_WORDS[cause].meaning}${pct}.`;
}
