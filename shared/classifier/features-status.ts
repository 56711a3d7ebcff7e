// Features of the status page and of maintenance: an incident, all working, maintenance running or
// planned, trouble in one region, the error page's own maintenance words, and no sign of maintenance.

import { ORIGIN_FAULTS } from '../evidence/signals';
import { patterned, seen, type FeatureScan } from './feature-scan';

/** Adds what the status page says, and whether the error page itself speaks of maintenance. */
export function statusPageFeatures({ e, f, on }: FeatureScan): void {
  const sp = e.statusPage;
  if (f.signals.maintenanceWording) on.add('maintenance-wording');
  if (!sp.available) return;
  // A level that rests only on stale items (or an old page) is shown, not weighed.
  const level = sp.levelStale === true ? null : sp.level;
  const troubled =
    (sp.openIncidents > 0 && sp.incidentImpact !== 'maintenance') ||
    level === 'degraded' ||
    level === 'partial-outage' ||
    level === 'major-outage';
  const regionalOnly =
    sp.regionalComponentsDown.length > 0 && sp.componentsDown.length === sp.regionalComponentsDown.length;
  if (troubled && !regionalOnly) on.add('status-incident');
  if (sp.maintenanceInProgress || level === 'maintenance') on.add('status-maintenance');
  else if (sp.maintenanceUpcoming) on.add('status-maintenance-upcoming');
  if (!troubled && level === 'operational' && !sp.maintenanceInProgress) on.add('status-operational');
  if (sp.regionalComponentsDown.length > 0) on.add('region-components-down');
}

/**
 * Adds 'no-maintenance-signal'. Reads what statusPageFeatures, failureShapeFeatures and
 * originFeatures found, so it runs after them.
 */
export function maintenanceSignalFeatures(s: FeatureScan): void {
  const { f, on } = s;
  if (!patterned(s)) return;
  // Maintenance needs a sign of it (the status page, the page's own words, a Retry-After): an open
  // incident, or a proxy reporting the servers behind it down, with none of those is not maintenance.
  const maintenanceSign =
    on.has('status-maintenance') || f.signals.maintenanceWording || f.signals.retryAfter;
  const incidentEveryTime = on.has('status-incident') && on.has('consistent');
  // (Asked once each, nothing is judged: see origin-fault-once.)
  if (!maintenanceSign && !on.has('origin-fault-once') && (incidentEveryTime || seen(f, ...ORIGIN_FAULTS)))
    on.add('no-maintenance-signal');
}
