// The tray's overall state: the worst target, or paused; and the words for states and causes.

import type { Verdict } from '../../shared/types/diagnosis';
import type { HealthState, TargetStatus } from '../../shared/types/monitor';
import type { TrayState } from './icons';

/** Severity order, worst first: the tray shows the first that any target is in. */
const SEVERITY: readonly HealthState[] = ['outage', 'local-network', 'degraded', 'unknown', 'healthy'];

/** The worst state among the targets (unknown when there are none). */
export function worstState(statuses: readonly TargetStatus[]): HealthState {
  if (statuses.length === 0) return 'unknown';
  let worst = SEVERITY.length - 1;
  for (const s of statuses) worst = Math.min(worst, SEVERITY.indexOf(s.state));
  return SEVERITY[worst] ?? 'unknown';
}

/** The state the tray icon shows. */
export function trayState(statuses: readonly TargetStatus[], paused: boolean): TrayState {
  return paused ? 'paused' : worstState(statuses);
}

/** The target in the worst state (the one the tooltip leads with). */
export function worstTarget(statuses: readonly TargetStatus[]): TargetStatus | null {
  const worst = worstState(statuses);
  return statuses.find((s) => s.state === worst) ?? null;
}

/** Plain words for a state, as used in "Character.AI — outage since 14:02". */
export function stateWords(state: HealthState): string {
  switch (state) {
    case 'healthy':
      return 'working';
    case 'degraded':
      return 'degraded';
    case 'outage':
      return 'outage';
    case 'local-network':
      return 'your network has a problem';
    case 'unknown':
      return 'status unknown';
  }
}

/** Plain words for a likely cause, as used in "likely overload". */
export function causeWords(cause: Verdict): string {
  switch (cause) {
    case 'overload':
      return 'overload';
    case 'bad-update':
      return 'a bad update';
    case 'account':
      return 'an account problem';
    case 'regional':
      return 'a regional problem';
    case 'maintenance':
      return 'maintenance';
    case 'extensions':
      return 'browser extensions';
    case 'permissions':
      return 'a permissions block';
    case 'local-network':
      return 'your own network';
    case 'healthy':
      return 'no problem found';
    case 'unknown':
      return 'cause unclear';
  }
}

/** "likely overload (82%)" or "cause unclear"; null when there is no cause to tell. */
export function causePhrase(cause: Verdict | null, confidence: number | null): string | null {
  if (cause === null || cause === 'healthy') return null;
  if (cause === 'unknown') return 'cause unclear';
  const pct = confidence === null ? '' : ` (${Math.round(confidence * 100)}%)`;
  return `likely ${causeWords(cause)}${pct}`;
}

/** ", likely overload (82%)" for a status with a cause; "" otherwise. */
export function causeClause(cause: Verdict | null, confidence: number | null): string {
  const phrase = causePhrase(cause, confidence);
  return phrase ? `, ${phrase}` : '';
}
