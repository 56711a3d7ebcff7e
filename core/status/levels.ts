// Severity arithmetic shared by every provider: ordering levels and what components and incidents imply.

import type { ComponentStatus, StatusIncident, StatusLevel, StatusSnapshot } from '../../shared/types/status';

const LEVEL_RANK: Record<StatusLevel, number> = {
  operational: 0,
  maintenance: 1,
  degraded: 2,
  'partial-outage': 3,
  'major-outage': 4,
};

/** The more severe of the given levels (`operational` for none). */
export function worstLevel(...levels: (StatusLevel | null)[]): StatusLevel {
  let worst: StatusLevel = 'operational';
  for (const level of levels) if (level !== null && LEVEL_RANK[level] > LEVEL_RANK[worst]) worst = level;
  return worst;
}

/** The page level a component status implies (null for `unknown`, which implies nothing). */
export function levelOfComponent(status: ComponentStatus): StatusLevel | null {
  return status === 'unknown' ? null : status;
}

/** The page level an incident's impact implies. */
export function levelOfImpact(impact: StatusIncident['impact']): StatusLevel | null {
  switch (impact) {
    case 'minor':
      return 'degraded';
    case 'major':
      return 'partial-outage';
    case 'critical':
      return 'major-outage';
    case 'maintenance':
      return 'maintenance';
    default:
      return null;
  }
}

/** The incident impact matching a component status (for providers that describe impact that way). */
export function impactOfComponentStatus(status: ComponentStatus): StatusIncident['impact'] {
  switch (status) {
    case 'operational':
      return 'none';
    case 'degraded':
      return 'minor';
    case 'partial-outage':
      return 'major';
    case 'major-outage':
      return 'critical';
    case 'maintenance':
      return 'maintenance';
    default:
      return 'unknown';
  }
}

/** The worst component status in a list (`unknown` when the list is empty or all unknown). */
export function worstComponentStatus(statuses: ComponentStatus[]): ComponentStatus {
  const known = statuses.filter((s) => s !== 'unknown');
  if (known.length === 0) return 'unknown';
  return worstLevel(...known.map(levelOfComponent));
}

/**
 * What a snapshot's own content implies: the worst of its components, its open incidents' impacts and,
 * when a maintenance window is in progress, `maintenance`.
 */
export function impliedLevel(
  snapshot: Pick<StatusSnapshot, 'components' | 'incidents' | 'maintenanceInProgress'>,
): StatusLevel {
  return worstLevel(
    ...snapshot.components.map((c) => levelOfComponent(c.status)),
    ...snapshot.incidents.map((i) => levelOfImpact(i.impact)),
    snapshot.maintenanceInProgress.length > 0 ? 'maintenance' : null,
  );
}
