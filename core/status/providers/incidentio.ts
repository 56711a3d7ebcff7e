// incident.io status pages: the Statuspage-compatible `/api/v2/summary.json`, the widget API
// `/api/v1/summary`, and the summary object a page's own HTML embeds in its Next.js payload.

import type {
  ComponentStatus,
  StatusComponent,
  StatusIncident,
  StatusMaintenance,
  StatusSnapshot,
} from '../../../shared/types/status';
import { asIsoDate, asLower, asRecord, asString, records, type JsonRecord } from '../json';
import { impactOfComponentStatus, worstComponentStatus } from '../levels';
import { StatusFormatError, type ParseContext, type StatusProvider } from '../provider';
import { settleSnapshot } from '../snapshot';
import { endpointUrl } from '../urls';
import { statuspageComponentStatus, statuspageSnapshot } from './atlassian';
import { findNextObject } from './nextjs';

/** The compat summary: Statuspage's shape, usually without `incidents` and without `page.time_zone`. */
function parseCompat(root: JsonRecord, ctx: ParseContext): StatusSnapshot {
  return statuspageSnapshot('incidentio', root, asRecord(root.page)!, ctx);
}

/** Component id → name, from the embedded page summary's `components` and `structure`. */
function componentNamesById(root: JsonRecord): Map<string, string> {
  const names = new Map<string, string>();
  for (const c of records(root.components)) {
    const id = asString(c.id);
    const name = asString(c.name);
    if (id && name) names.set(id, name);
  }
  return names;
}

/** Current status of one affected component as incident.io writes it (`current_status` wins over `status`). */
function affectedStatus(c: JsonRecord): ComponentStatus {
  return statuspageComponentStatus(asString(c.current_status) ?? c.status);
}

/** The embedded summary's components: from `structure` (with group names, hidden ones left out), else the flat list. */
function embeddedComponents(root: JsonRecord): StatusComponent[] {
  const current = new Map<string, ComponentStatus>();
  for (const c of records(root.affected_components)) {
    const id = asString(c.component_id) ?? asString(c.id);
    if (id) current.set(id, affectedStatus(c));
  }
  const make = (id: string | null, name: string, group?: string): StatusComponent => {
    const component: StatusComponent = { name, status: (id && current.get(id)) || 'operational' };
    if (group) component.group = group;
    return component;
  };
  const items = records(asRecord(root.structure)?.items);
  if (items.length === 0)
    return records(root.components)
      .filter((c) => asString(c.name) !== null)
      .map((c) => make(asString(c.id), asString(c.name)!));
  const out: StatusComponent[] = [];
  for (const item of items) {
    const group = asRecord(item.group);
    const single = asRecord(item.component);
    if (group && group.hidden !== true) {
      const groupName = asString(group.name) ?? undefined;
      for (const c of records(group.components))
        if (c.hidden !== true && asString(c.name))
          out.push(make(asString(c.component_id), asString(c.name)!, groupName));
    } else if (single && single.hidden !== true && asString(single.name)) {
      out.push(make(asString(single.component_id) ?? asString(single.id), asString(single.name)!));
    }
  }
  return out;
}

function affectedNames(item: JsonRecord, names: Map<string, string>): string[] {
  const out = records(item.affected_components)
    .map((c) => asString(c.name) ?? names.get(asString(c.component_id) ?? asString(c.id) ?? '') ?? null)
    .filter((n): n is string => n !== null);
  return [...new Set(out)];
}

/** The newest entry of an incident's `updates` (embedded summary), or null. */
function newestUpdate(item: JsonRecord): JsonRecord | null {
  let newest: JsonRecord | null = null;
  for (const u of records(item.updates))
    if (newest === null || (asIsoDate(u.published_at) ?? '') > (asIsoDate(newest.published_at) ?? ''))
      newest = u;
  return newest;
}

function ongoingIncident(item: JsonRecord, names: Map<string, string>): StatusIncident {
  const worstImpact = asString(item.current_worst_impact);
  const current = records(item.affected_components).map(affectedStatus);
  const impact =
    worstImpact !== null
      ? impactOfComponentStatus(statuspageComponentStatus(worstImpact))
      : impactOfComponentStatus(worstComponentStatus(current));
  const update = newestUpdate(item);
  const incident: StatusIncident = {
    name: asString(item.name)!,
    stage: asLower(item.status) ?? 'unknown',
    impact,
    startedAt: asIsoDate(item.started_at) ?? asIsoDate(item.published_at),
    updatedAt: asIsoDate(item.last_update_at) ?? asIsoDate(update?.published_at),
    message: asString(item.last_update_message) ?? asString(update?.message_string),
    components: affectedNames(item, names),
  };
  const url = asString(item.url);
  if (url) incident.url = url;
  return incident;
}

function maintenanceWindow(item: JsonRecord, stage: string, names: Map<string, string>): StatusMaintenance {
  return {
    name: asString(item.name)!,
    stage,
    scheduledFor:
      asIsoDate(item.started_at) ?? asIsoDate(item.starts_at) ?? asIsoDate(item.scheduled_for) ?? null,
    scheduledUntil:
      asIsoDate(item.scheduled_end_at) ?? asIsoDate(item.ends_at) ?? asIsoDate(item.scheduled_until) ?? null,
    components: affectedNames(item, names),
  };
}

/** The widget API (`/api/v1/summary`) or the summary embedded in the page: ongoing incidents and maintenance. */
function parseOngoing(root: JsonRecord, ctx: ParseContext): StatusSnapshot {
  const names = componentNamesById(root);
  const named = (item: JsonRecord) => asString(item.name) !== null;
  const ongoing = records(root.ongoing_incidents).filter(named);
  const isMaintenance = (item: JsonRecord) => asLower(item.type) === 'maintenance';
  return settleSnapshot(
    {
      provider: 'incidentio',
      pageUrl: ctx.pageUrl,
      pageName: asString(root.page_title) ?? asString(root.name),
      description: null,
      components: embeddedComponents(root),
      incidents: ongoing.filter((i) => !isMaintenance(i)).map((i) => ongoingIncident(i, names)),
      maintenanceInProgress: [
        ...ongoing.filter(isMaintenance),
        ...records(root.in_progress_maintenances).filter(named),
      ].map((m) => maintenanceWindow(m, 'in-progress', names)),
      maintenanceUpcoming: records(root.scheduled_maintenances)
        .filter(named)
        .map((m) => maintenanceWindow(m, 'scheduled', names)),
      fetchedAt: ctx.fetchedAt,
      updatedAt: null,
    },
    null,
  );
}

function isOngoingShape(root: JsonRecord): boolean {
  return Array.isArray(root.ongoing_incidents) || Array.isArray(root.in_progress_maintenances);
}

/**
 * incident.io. Reads the Statuspage-compatible summary (no `page.time_zone`, often no `incidents`; a
 * component can be `full_outage`) and, when the owner enabled it, the widget API for ongoing incidents
 * and maintenance. An HTML page counts only when its Next.js payload embeds the page summary.
 */
export const incidentioProvider = {
  id: 'incidentio',
  label: 'incident.io',
  claimsHost: (host) => host.endsWith('.incident.io'),
  probeUrls: (base) => [endpointUrl(base, 'api/v2/summary.json'), endpointUrl(base, 'api/v1/summary')],
  parse(json: unknown, ctx: ParseContext) {
    const root = asRecord(json);
    if (!root) throw new StatusFormatError('not a JSON object');
    if (isOngoingShape(root)) return parseOngoing(root, ctx);
    if (asRecord(root.page) && (Array.isArray(root.components) || asRecord(root.status)))
      return parseCompat(root, ctx);
    throw new StatusFormatError(
      'neither a summary ("page" with "components"/"status") nor a widget reply ("ongoing_incidents")',
    );
  },
  parseHtml(html: string, ctx: ParseContext) {
    const summary = findNextObject(
      html,
      'summary',
      (v) => Array.isArray(v.ongoing_incidents) && Array.isArray(v.components),
    );
    return summary ? parseOngoing(summary, ctx) : null;
  },
} satisfies StatusProvider;
