// The status page's word for the evidence: the latest reading, checked against the clock (stale items
// set apart), with open incidents, maintenance and the components down, regional ones named.

import type { ResolvedTarget } from '../../shared/types/config';
import type { Evidence } from '../../shared/types/evidence';
import type { StatusIncident, StatusReading } from '../../shared/types/status';
import { checkAgainstClock, levelIsStale } from '../../shared/status/clock-check';

/** Words in component names that name a region (continents, cloud regions, cities with big data centres). */
const REGION_NAME =
  /\b(?:europe|european|eu|emea|us|usa|north america|south america|latam|latin america|americas|asia|apac|asia[- ]pacific|africa|middle east|oceania|australia|japan|india|singapore|korea|hong kong|canada|brazil|germany|france|uk|united kingdom|ireland|frankfurt|london|paris|amsterdam|dublin|stockholm|tokyo|osaka|seoul|sydney|mumbai|s[aã]o paulo|virginia|ohio|oregon|california|iowa|texas)\b|\b(?:us|eu|ap|asia|europe|na|sa)[- ]?(?:east|west|central|north|south|northeast|southeast)(?:[- ]?\d)?\b|\b[a-z]{2}-[a-z]+-\d\b/i;

/** True when a status-page component name names a region ("Europe", "US East", "us-west-2"…). */
export function isRegionName(name: string): boolean {
  return REGION_NAME.test(name);
}

/** Incident impacts, mildest first. */
const IMPACT_ORDER = ['none', 'unknown', 'maintenance', 'minor', 'major', 'critical'] as const;

/** The worst impact among these incidents, or null for none. */
function worstImpact(incidents: StatusIncident[]): Evidence['statusPage']['incidentImpact'] {
  let worst: (typeof IMPACT_ORDER)[number] | null = null;
  for (const i of incidents) {
    if (worst === null || IMPACT_ORDER.indexOf(i.impact) > IMPACT_ORDER.indexOf(worst)) worst = i.impact;
  }
  return worst;
}

/** Incident stages that mean it is over. */
const CLOSED_STAGES = new Set(['resolved', 'postmortem', 'completed', 'closed']);

/**
 * The status page's word, from the latest reading in the window, checked against the clock at `nowMs`:
 * stale items are listed apart with their dates and left out of the counts.
 */
export function statusFacts(
  target: ResolvedTarget,
  reading: StatusReading | null,
  nowMs: number,
): Evidence['statusPage'] {
  const configured = target.statusPage !== null && reading?.unavailable?.reason !== 'not-configured';
  const snap = reading?.snapshot ?? null;
  const reason = reading?.unavailable?.reason ?? null;
  if (!snap) {
    return {
      configured,
      available: false,
      stale: false,
      unavailableReason: configured ? reason : 'not-configured',
      level: null,
      openIncidents: 0,
      incidentImpact: null,
      maintenanceInProgress: false,
      maintenanceUpcoming: false,
      regionalComponentsDown: [],
      componentsDown: [],
      incidentName: null,
      maintenanceName: null,
      maintenanceUntil: null,
      upcomingAt: null,
      staleItems: [],
      levelStale: false,
    };
  }
  const checked = checkAgainstClock(
    { ...snap, incidents: snap.incidents.filter((i) => !CLOSED_STAGES.has(i.stage.toLowerCase())) },
    nowMs,
  );
  const open = checked.incidents;
  const down = snap.components.filter((c) => c.status !== 'operational' && c.status !== 'unknown');
  const regional = down.filter((c) => isRegionName(c.name) || (c.group ? /region/i.test(c.group) : false));
  const inProgress = checked.maintenanceInProgress[0] ?? null;
  const upcoming = [...checked.maintenanceUpcoming].sort((a, b) =>
    (a.scheduledFor ?? '').localeCompare(b.scheduledFor ?? ''),
  )[0];
  const levelStale = levelIsStale(snap, checked);
  return {
    configured: true,
    available: true,
    stale: reading?.stale ?? false,
    unavailableReason: reading?.unavailable?.reason ?? null,
    level: snap.level,
    openIncidents: open.length,
    incidentImpact: worstImpact(open),
    maintenanceInProgress: checked.maintenanceInProgress.length > 0,
    maintenanceUpcoming: checked.maintenanceUpcoming.length > 0,
    regionalComponentsDown: regional.map((c) => c.name),
    componentsDown: down.map((c) => c.name),
    incidentName: open[0]?.name ?? null,
    maintenanceName: inProgress?.name ?? null,
    maintenanceUntil: inProgress?.scheduledUntil ?? null,
    upcomingAt: upcoming?.scheduledFor ?? null,
    staleItems: checked.stale,
    levelStale,
  };
}
