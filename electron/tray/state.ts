// The tray's overall state: the worst target as the user reads it, or paused (the words and the icon
// each state-and-cause shows are in shared/vocabulary/standing.ts).

import type { HealthState, TargetStatus } from '../../shared/types/monitor';
import { STANDING_WORDS, standingOf } from '../../shared/vocabulary/standing';
import type { TrayState } from './icons';

/** Severity order, worst first: the tray shows the first that any target is in. */
const SEVERITY: readonly HealthState[] = ['outage', 'local-network', 'degraded', 'unknown', 'healthy'];

/** The worst state among the targets (unknown when there are none). */
export function worstState(statuses: readonly TargetStatus[]): HealthState {
  return worstOf(statuses.map((s) => s.state));
}

/** The icon one target shows: its state read with its cause (an account refusal is not an outage). */
export function shownState(status: TargetStatus): HealthState {
  return STANDING_WORDS[standingOf(status.state, status.cause)].icon;
}

/** The state the tray icon shows. */
export function trayState(statuses: readonly TargetStatus[], paused: boolean): TrayState {
  return paused ? 'paused' : worstOf(statuses.map(shownState));
}

/** The target that shows the worst icon (the one the tooltip and menu lead with). */
export function worstTarget(statuses: readonly TargetStatus[]): TargetStatus | null {
  const worst = worstOf(statuses.map(shownState));
  return statuses.find((s) => shownState(s) === worst) ?? null;
}

/** Sorts targets worst icon first. */
export function bySeverity(statuses: readonly TargetStatus[]): TargetStatus[] {
  return [...statuses].sort((a, b) => SEVERITY.indexOf(shownState(a)) - SEVERITY.indexOf(shownState(b)));
}

function worstOf(states: readonly HealthState[]): HealthState {
  if (states.length === 0) return 'unknown';
  let worst = SEVERITY.length - 1;
  for (const s of states) worst = Math.min(worst, SEVERITY.indexOf(s));
  return SEVERITY[worst] ?? 'unknown';
}
