// The tray's overall state: the worst target, or paused (the words for states and causes are in
// shared/vocabulary/words.ts).

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
