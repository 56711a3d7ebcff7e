// Better Stack (formerly Better Uptime) pages: `/index.json`, a JSON:API document whose
// `data.attributes.aggregate_state` is the page state and whose `included` lists resources and reports.

import type {
  ComponentStatus,
  StatusComponent,
  StatusIncident,
  StatusLevel,
  StatusMaintenance,
} from '../../../shared/types/status';
import { asIsoDate, asLower, asRecord, asString, records, type JsonRecord } from '../json';
import { levelOfComponent } from '../levels';
import { StatusFormatError, type ParseContext, type StatusProvider } from '../provider';
import { settleSnapshot } from '../snapshot';
import { endpointUrl } from '../urls';

/** A Better Stack resource state as a component status. */
export function betterstackComponentStatus(value: unknown): ComponentStatus {
  switch (asLower(value)) {
    case 'operational':
      return 'operational';
    case 'degraded':
      return 'degraded';
    case 'downtime':
      return 'major-outage';
    case 'maintenance':
      return 'maintenance';
    default:
      return 'unknown';
  }
}

/**
 * The page level for `aggregate_state`. A page in `downtime` has at least one resource down, not
 * necessarily all, so it reads as a partial outage; its resources, when listed, can make it worse.
 */
function pageLevel(value: unknown): StatusLevel | null {
  const level = levelOfComponent(betterstackComponentStatus(value));
  return level === 'major-outage' ? 'partial-outage' : level;
}

function ofType(included: JsonRecord[], type: string): { id: string | null; attributes: JsonRecord }[] {
  return included
    .filter((r) => asString(r.type) === type)
    .map((r) => ({ id: asString(String(r.id ?? '')), attributes: asRecord(r.attributes) ?? {} }));
}

function components(included: JsonRecord[]): StatusComponent[] {
  const sections = new Map<string, string>();
  for (const s of ofType(included, 'status_page_section')) {
    const name = asString(s.attributes.name);
    if (s.id && name) sections.set(s.id, name);
  }
  return ofType(included, 'status_page_resource')
    .filter((r) => asString(r.attributes.public_name) !== null)
    .map((r) => {
      const component: StatusComponent = {
        name: asString(r.attributes.public_name)!,
        status: betterstackComponentStatus(r.attributes.status),
      };
      const group = sections.get(String(r.attributes.status_page_section_id ?? ''));
      if (group) component.group = group;
      return component;
    });
}

const IMPACT: Record<string, StatusIncident['impact']> = {
  operational: 'none',
  degraded: 'minor',
  downtime: 'major',
  maintenance: 'maintenance',
};

/** Open status reports: maintenance windows (in progress or upcoming) and incidents. */
function reports(included: JsonRecord[], now: string) {
  const incidents: StatusIncident[] = [];
  const inProgress: StatusMaintenance[] = [];
  const upcoming: StatusMaintenance[] = [];
  for (const { attributes: a } of ofType(included, 'status_report')) {
    const name = asString(a.title);
    const startsAt = asIsoDate(a.starts_at);
    const endsAt = asIsoDate(a.ends_at);
    if (name === null || (endsAt !== null && endsAt <= now)) continue;
    if (asLower(a.report_type) === 'maintenance') {
      const window = { name, scheduledFor: startsAt, scheduledUntil: endsAt, components: [] };
      if (startsAt !== null && startsAt > now) upcoming.push({ ...window, stage: 'scheduled' });
      else inProgress.push({ ...window, stage: 'in-progress' });
    } else {
      incidents.push({
        name,
        stage: asLower(a.aggregate_state) ?? 'unknown',
        impact: IMPACT[asLower(a.aggregate_state) ?? ''] ?? 'unknown',
        startedAt: startsAt,
        updatedAt: null,
        message: null,
        components: [],
      });
    }
  }
  return { incidents, inProgress, upcoming };
}

/**
 * Better Stack. Recognised by `/index.json` whose `data.attributes.aggregate_state` is set; resources in
 * `included` become components (grouped by section), status reports become incidents or maintenance.
 */
export const betterstackProvider = {
  id: 'betterstack',
  label: 'Better Stack',
  claimsHost: (host) => host.endsWith('.betteruptime.com') || host.endsWith('.betterstack.com'),
  probeUrls: (base) => [endpointUrl(base, 'index.json')],
  parse(json: unknown, ctx: ParseContext) {
    const data = asRecord(asRecord(json)?.data);
    const attributes = asRecord(data?.attributes);
    const level = pageLevel(attributes?.aggregate_state);
    if (!attributes || level === null)
      throw new StatusFormatError('no "data.attributes.aggregate_state": not a Better Stack index.json');
    const included = records(asRecord(json)!.included);
    const open = reports(included, ctx.fetchedAt);
    return settleSnapshot(
      {
        provider: 'betterstack',
        pageUrl: ctx.pageUrl,
        pageName: asString(attributes.company_name),
        description: null,
        components: components(included),
        incidents: open.incidents,
        maintenanceInProgress: open.inProgress,
        maintenanceUpcoming: open.upcoming,
        fetchedAt: ctx.fetchedAt,
        updatedAt: null,
      },
      level,
    );
  },
} satisfies StatusProvider;
