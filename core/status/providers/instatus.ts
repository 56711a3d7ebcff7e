// Instatus pages (`*.instatus.com`): `/summary.json` (page status, active incidents and maintenance) and
// `/v2/components.json` (components). Dates may be JavaScript `Date.toString()` strings.

import type {
  ComponentStatus,
  StatusComponent,
  StatusIncident,
  StatusLevel,
  StatusMaintenance,
} from '../../../shared/types/status';
import { asIsoDate, asRecord, asString, records, type JsonRecord } from '../json';
import { inRange } from '../../../shared/text/sanitize';
import { impactOfComponentStatus } from '../levels';
import { StatusFormatError, type ParseContext, type StatusProvider } from '../provider';
import { settleSnapshot } from '../snapshot';
import { endpointUrl } from '../urls';

const COMPONENT_STATUS: Record<string, ComponentStatus> = {
  OPERATIONAL: 'operational',
  UNDERMAINTENANCE: 'maintenance',
  DEGRADEDPERFORMANCE: 'degraded',
  PARTIALOUTAGE: 'partial-outage',
  MINOROUTAGE: 'partial-outage',
  MAJOROUTAGE: 'major-outage',
};

const PAGE_LEVEL: Record<string, StatusLevel> = {
  UP: 'operational',
  HASISSUES: 'degraded',
  UNDERMAINTENANCE: 'maintenance',
};

function upper(value: unknown): string {
  return asString(value)?.toUpperCase() ?? '';
}

/** An Instatus component status as ours (`unknown` for anything else). */
export function instatusComponentStatus(value: unknown): ComponentStatus {
  return COMPONENT_STATUS[upper(value)] ?? 'unknown';
}

/** Components, leaving out group containers (a component whose id is another's `group.id`). */
function components(list: JsonRecord[]): StatusComponent[] {
  const groupIds = new Set(list.map((c) => asString(asRecord(c.group)?.id)).filter((id) => id !== null));
  return list
    .filter((c) => asString(c.name) !== null && !groupIds.has(asString(c.id) ?? ''))
    .map((c) => {
      const component: StatusComponent = {
        name: asString(c.name)!,
        status: instatusComponentStatus(c.status),
      };
      const group = asString(asRecord(c.group)?.name);
      if (group) component.group = group;
      return component;
    });
}

function incidents(list: JsonRecord[]): StatusIncident[] {
  return list
    .filter((i) => asString(i.name) !== null && upper(i.status) !== 'RESOLVED')
    .map((i) => {
      const incident: StatusIncident = {
        name: asString(i.name)!,
        stage: asString(i.status)?.toLowerCase() ?? 'unknown',
        impact:
          i.impact === undefined ? 'unknown' : impactOfComponentStatus(instatusComponentStatus(i.impact)),
        startedAt: asIsoDate(i.started) ?? asIsoDate(i.startedAt),
        updatedAt: asIsoDate(i.updatedAt) ?? asIsoDate(i.updated),
        message: null,
        components: [],
      };
      const url = asString(i.url);
      if (url) incident.url = url;
      return incident;
    });
}

function maintenance(list: JsonRecord[]): { inProgress: StatusMaintenance[]; upcoming: StatusMaintenance[] } {
  const inProgress: StatusMaintenance[] = [];
  const upcoming: StatusMaintenance[] = [];
  for (const m of list) {
    const name = asString(m.name);
    const stage = upper(m.status);
    if (name === null) continue;
    const start = asIsoDate(m.start) ?? asIsoDate(m.startedAt);
    // A window's length in minutes, at most a year (a huge number would make an invalid date).
    const minutes = inRange(
      typeof m.duration === 'number' ? m.duration : Number(asString(m.duration)),
      1,
      366 * 24 * 60,
    );
    const end =
      asIsoDate(m.end) ??
      (start && minutes !== null ? asIsoDate(Date.parse(start) + minutes * 60_000) : null);
    const window = { name, scheduledFor: start, scheduledUntil: end, components: [] };
    if (stage === 'INPROGRESS') inProgress.push({ ...window, stage: 'in-progress' });
    else if (stage === 'NOTSTARTEDYET') upcoming.push({ ...window, stage: 'scheduled' });
  }
  return { inProgress, upcoming };
}

/**
 * Instatus. `/summary.json` gives the page status (`UP`, `HASISSUES`, `UNDERMAINTENANCE`), active incidents
 * and maintenance; `/v2/components.json` gives components (`OPERATIONAL` … `MAJOROUTAGE`). Either alone is
 * enough; the reader combines both when both answer.
 */
export const instatusProvider = {
  id: 'instatus',
  label: 'Instatus',
  claimsHost: (host) => host.endsWith('.instatus.com'),
  probeUrls: (base) => [endpointUrl(base, 'summary.json'), endpointUrl(base, 'v2/components.json')],
  parse(json: unknown, ctx: ParseContext) {
    const root = asRecord(json);
    if (!root) throw new StatusFormatError('not a JSON object');
    const page = asRecord(root.page);
    const pageLevel = page ? PAGE_LEVEL[upper(page.status)] : undefined;
    const list = records(root.components);
    const instatusComponents =
      Array.isArray(root.components) && list.every((c) => COMPONENT_STATUS[upper(c.status)] !== undefined);
    if (pageLevel === undefined && !instatusComponents)
      throw new StatusFormatError(
        'no "page.status" of UP/HASISSUES/UNDERMAINTENANCE and no Instatus "components": not an Instatus reply',
      );
    const windows = maintenance(records(root.activeMaintenances));
    return settleSnapshot(
      {
        provider: 'instatus',
        pageUrl: ctx.pageUrl,
        pageName: asString(page?.name),
        description: null,
        components: instatusComponents ? components(list) : [],
        incidents: incidents(records(root.activeIncidents)),
        maintenanceInProgress: windows.inProgress,
        maintenanceUpcoming: windows.upcoming,
        fetchedAt: ctx.fetchedAt,
        updatedAt: null,
      },
      pageLevel ?? null,
    );
  },
} satisfies StatusProvider;
