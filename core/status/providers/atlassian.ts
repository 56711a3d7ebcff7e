// Atlassian Statuspage (`/api/v2/summary.json`): page indicator, components, open incidents, maintenance.

import type {
  ComponentStatus,
  StatusComponent,
  StatusIncident,
  StatusLevel,
  StatusMaintenance,
  StatusSnapshot,
} from '../../../shared/types/status';
import { asIsoDate, asLower, asRecord, asString, records, type JsonRecord } from '../json';
import { levelOfImpact } from '../levels';
import { StatusFormatError, type ParseContext, type StatusProvider } from '../provider';
import { settleSnapshot } from '../snapshot';
import { endpointUrl } from '../urls';

/** Atlassian's component statuses (incident.io's compat API adds `full_outage`). */
export function statuspageComponentStatus(value: unknown): ComponentStatus {
  switch (asLower(value)) {
    case 'operational':
      return 'operational';
    case 'degraded_performance':
      return 'degraded';
    case 'partial_outage':
      return 'partial-outage';
    case 'major_outage':
    case 'full_outage':
      return 'major-outage';
    case 'under_maintenance':
      return 'maintenance';
    default:
      return 'unknown';
  }
}

const IMPACTS = new Set(['none', 'minor', 'major', 'critical', 'maintenance']);

/** A Statuspage impact word (an incident's `impact`, the page's `status.indicator`); `unknown` if not one. */
function statuspageImpact(value: unknown): StatusIncident['impact'] {
  const impact = asLower(value);
  return impact && IMPACTS.has(impact) ? (impact as StatusIncident['impact']) : 'unknown';
}

/** The page level for a Statuspage `status.indicator`, or null when absent or unknown. */
export function statuspageIndicatorLevel(value: unknown): StatusLevel | null {
  const indicator = statuspageImpact(value);
  return indicator === 'none' ? 'operational' : levelOfImpact(indicator);
}
const CLOSED_INCIDENT_STAGES = new Set(['resolved', 'postmortem', 'completed']);

/** Components without the group containers, each child labelled with its group's name. */
function statuspageComponents(value: unknown): StatusComponent[] {
  const all = records(value);
  const groupNames = new Map<string, string>();
  for (const c of all) {
    const id = asString(c.id);
    const name = asString(c.name);
    if (c.group === true && id && name) groupNames.set(id, name);
  }
  return all
    .filter((c) => c.group !== true && asString(c.name) !== null)
    .map((c) => {
      const group = groupNames.get(asString(c.group_id) ?? '');
      const component: StatusComponent = {
        name: asString(c.name)!,
        status: statuspageComponentStatus(c.status),
      };
      if (group) component.group = group;
      return component;
    });
}

function latestUpdate(updates: JsonRecord[]): JsonRecord | null {
  let latest: JsonRecord | null = null;
  let latestAt = '';
  for (const u of updates) {
    const at = asIsoDate(u.display_at) ?? asIsoDate(u.created_at) ?? '';
    if (latest === null || at > latestAt) {
      latest = u;
      latestAt = at;
    }
  }
  return latest;
}

function componentNames(item: JsonRecord, updates: JsonRecord[]): string[] {
  const direct = records(item.components)
    .map((c) => asString(c.name))
    .filter((n): n is string => n !== null);
  if (direct.length > 0) return direct;
  const fromUpdates = updates.flatMap((u) =>
    records(u.affected_components)
      .map((c) => asString(c.name))
      .filter((n): n is string => n !== null),
  );
  return [...new Set(fromUpdates)];
}

/** Open incidents of a Statuspage-shaped list (resolved and post-mortem ones are left out). */
function statuspageIncidents(value: unknown): StatusIncident[] {
  return records(value)
    .filter((i) => {
      const stage = asLower(i.status);
      return (
        asString(i.name) !== null &&
        !CLOSED_INCIDENT_STAGES.has(stage ?? '') &&
        asIsoDate(i.resolved_at) === null
      );
    })
    .map((i) => {
      const updates = records(i.incident_updates);
      const incident: StatusIncident = {
        name: asString(i.name)!,
        stage: asLower(i.status) ?? 'unknown',
        impact: statuspageImpact(i.impact),
        startedAt: asIsoDate(i.started_at) ?? asIsoDate(i.created_at),
        updatedAt: asIsoDate(i.updated_at),
        message: asString(latestUpdate(updates)?.body),
        components: componentNames(i, updates),
      };
      const url = asString(i.shortlink);
      if (url) incident.url = url;
      return incident;
    });
}

/** Statuspage maintenance windows split into in progress (`in_progress`, `verifying`) and upcoming (`scheduled`). */
function statuspageMaintenance(value: unknown): {
  inProgress: StatusMaintenance[];
  upcoming: StatusMaintenance[];
} {
  const inProgress: StatusMaintenance[] = [];
  const upcoming: StatusMaintenance[] = [];
  for (const m of records(value)) {
    const name = asString(m.name);
    const stage = asLower(m.status);
    if (name === null || stage === null) continue;
    const window: StatusMaintenance = {
      name,
      stage: stage === 'in_progress' ? 'in-progress' : stage,
      scheduledFor: asIsoDate(m.scheduled_for),
      scheduledUntil: asIsoDate(m.scheduled_until),
      components: componentNames(m, records(m.incident_updates)),
    };
    if (stage === 'in_progress' || stage === 'verifying') inProgress.push(window);
    else if (stage === 'scheduled') upcoming.push(window);
  }
  return { inProgress, upcoming };
}

/** The snapshot a Statuspage-shaped `summary.json` (its `root` and `root.page`) describes. */
export function statuspageSnapshot(
  provider: 'atlassian' | 'incidentio',
  root: JsonRecord,
  page: JsonRecord,
  ctx: ParseContext,
): StatusSnapshot {
  const status = asRecord(root.status);
  const maintenance = statuspageMaintenance(root.scheduled_maintenances);
  return settleSnapshot(
    {
      provider,
      pageUrl: ctx.pageUrl,
      pageName: asString(page.name),
      description: asString(status?.description),
      components: statuspageComponents(root.components),
      incidents: statuspageIncidents(root.incidents),
      maintenanceInProgress: maintenance.inProgress,
      maintenanceUpcoming: maintenance.upcoming,
      fetchedAt: ctx.fetchedAt,
      updatedAt: asIsoDate(page.updated_at),
    },
    statuspageIndicatorLevel(status?.indicator),
  );
}

/**
 * Atlassian Statuspage. Recognised by `/api/v2/summary.json` whose `page` has a `time_zone` (incident.io's
 * look-alike compat summary has none). The level is the worse of `status.indicator` and what the
 * components and open incidents imply.
 */
export const atlassianProvider = {
  id: 'atlassian',
  label: 'Atlassian Statuspage',
  claimsHost: (host) => host.endsWith('.statuspage.io'),
  probeUrls: (base) => [endpointUrl(base, 'api/v2/summary.json')],
  parse(json: unknown, ctx: ParseContext) {
    const root = asRecord(json);
    const page = asRecord(root?.page);
    if (!root || !page) throw new StatusFormatError('no "page" object: not a Statuspage summary');
    if (asString(page.time_zone) === null)
      throw new StatusFormatError('no "page.time_zone": not an Atlassian Statuspage summary');
    if (!Array.isArray(root.components) && !asRecord(root.status))
      throw new StatusFormatError('neither "components" nor "status": not a Statuspage summary');
    return statuspageSnapshot('atlassian', root, page, ctx);
  },
} satisfies StatusProvider;
