// Checks a status snapshot against the clock: a maintenance still "in progress" long after its planned
// end, a "scheduled" one whose start has passed, an open incident nobody updated for days, a page that
// says it was last updated long ago. Those are set apart as stale, with their dates, so they are shown
// but never read as what is happening now.

import type { StaleStatusItem } from '../types/evidence';
import type { StatusIncident, StatusMaintenance, StatusSnapshot } from '../types/status';

/** A maintenance may run this long past its planned end before it counts as stale, seconds. */
export const MAINTENANCE_GRACE_SECONDS = 3600;
/** An open incident with no update for longer than this is stale, seconds. */
export const INCIDENT_QUIET_SECONDS = 3 * 86_400;
/** A page whose own last update is older than this is stale, seconds. */
export const PAGE_OLD_SECONDS = 30 * 86_400;

/** The snapshot's items split into the ones that still hold now and the stale ones. */
export interface ClockChecked {
  incidents: StatusIncident[];
  maintenanceInProgress: StatusMaintenance[];
  maintenanceUpcoming: StatusMaintenance[];
  /** The page's level still describes now (false when the page itself is old). */
  levelCurrent: boolean;
  stale: StaleStatusItem[];
}

function secondsBefore(iso: string | null, nowMs: number): number | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : (nowMs - t) / 1000;
}

/**
 * The items whose time `at` is at most `limitSeconds` before `nowMs` (or unknown); the others are
 * added to `stale` as `kind`, with that time.
 */
function keepCurrent<T extends { name: string }>(
  items: T[],
  kind: StaleStatusItem['kind'],
  at: (item: T) => string | null,
  limitSeconds: number,
  nowMs: number,
  stale: StaleStatusItem[],
): T[] {
  return items.filter((item) => {
    const when = at(item);
    const ago = secondsBefore(when, nowMs);
    if (ago !== null && ago > limitSeconds) {
      stale.push({ kind, name: item.name, at: when });
      return false;
    }
    return true;
  });
}

/** Splits the snapshot's incidents and maintenances into current and stale at `nowMs`. */
export function checkAgainstClock(snap: StatusSnapshot, nowMs: number): ClockChecked {
  const stale: StaleStatusItem[] = [];
  const incidents = keepCurrent(
    snap.incidents,
    'incident-quiet',
    (i) => i.updatedAt ?? i.startedAt,
    INCIDENT_QUIET_SECONDS,
    nowMs,
    stale,
  );
  const maintenanceInProgress = keepCurrent(
    snap.maintenanceInProgress,
    'maintenance-overrun',
    (m) => m.scheduledUntil,
    MAINTENANCE_GRACE_SECONDS,
    nowMs,
    stale,
  );
  const maintenanceUpcoming = keepCurrent(
    snap.maintenanceUpcoming,
    'scheduled-passed',
    (m) => m.scheduledFor,
    MAINTENANCE_GRACE_SECONDS,
    nowMs,
    stale,
  );
  const pageAge = secondsBefore(snap.updatedAt, nowMs);
  const levelCurrent = pageAge === null || pageAge <= PAGE_OLD_SECONDS;
  if (!levelCurrent) stale.push({ kind: 'page-old', name: null, at: snap.updatedAt });
  return { incidents, maintenanceInProgress, maintenanceUpcoming, levelCurrent, stale };
}

/**
 * The page's overall level says nothing about now: the page itself is old, or the level only echoes
 * stale items (a maintenance level from an overrun window, a trouble level from incidents nobody has
 * updated for days while every component works).
 */
export function levelIsStale(snap: StatusSnapshot, checked: ClockChecked): boolean {
  const staleKinds = new Set(checked.stale.map((x) => x.kind));
  const anyDown = snap.components.some((c) => c.status !== 'operational' && c.status !== 'unknown');
  return (
    !checked.levelCurrent ||
    (snap.level === 'maintenance' &&
      checked.maintenanceInProgress.length === 0 &&
      staleKinds.has('maintenance-overrun')) ||
    (snap.level !== 'operational' &&
      snap.level !== 'maintenance' &&
      checked.incidents.length === 0 &&
      !anyDown &&
      staleKinds.has('incident-quiet'))
  );
}
