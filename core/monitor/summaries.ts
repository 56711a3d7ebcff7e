// The one plain sentence each monitor event carries: what happened and, when known, why.

import type { Verdict } from '../../shared/types/diagnosis';

const CAUSE_WORDS: Record<Verdict, string> = {
  overload: 'the servers are overloaded',
  'bad-update': 'a recent release broke something',
  account: 'something tied to your account or session',
  regional: 'a fault in one region or network path',
  maintenance: 'planned maintenance',
  extensions: 'a browser extension on this computer',
  permissions: "the service's own access settings",
  'local-network': 'your own connection',
  healthy: 'nothing found wrong',
  unknown: 'not clear yet',
};

/** Plain words for a cause. */
export function causeWords(cause: Verdict): string {
  return CAUSE_WORDS[cause];
}

/** " Likely cause: … (82%)." or "" when the cause is not known. */
export function causeClause(cause: Verdict | null, confidence: number | null): string {
  if (!cause || cause === 'unknown' || cause === 'healthy') return '';
  const pct = confidence === null ? '' : ` (${Math.round(confidence * 100)}%)`;
  return ` Likely cause: ${CAUSE_WORDS[cause]}${pct}.`;
}

/** A duration in words: "45 s", "12 min", "2 h 5 min". */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const min = Math.round(s / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  const rest = min % 60;
  return rest ? `${h} h ${rest} min` : `${h} h`;
}
