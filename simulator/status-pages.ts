// The fake status page: Atlassian Statuspage, incident.io and Instatus documents built from the real
// samples in tests/corpus/status/ (see tests/corpus/manifest/apps.json for their sources), re-timed to now and
// renamed for the simulated service; and Character.AI's "inactive" page (302 then 401).

import { createHash } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
// Imported, not read at run time, so the samples travel inside the CLI bundle (dist/cli).
import incidentioSummaryJson from '../tests/corpus/status/incidentio-openai-page-summary-EXTRACTED-2026-03-17.json';
import instatusComponentsJson from '../tests/corpus/status/instatus-arbitrum-components-mixed-statuses-2024-03-28-WRAPPED.json';
import atlassianOperationalJson from '../tests/corpus/status/statuspage-github-summary-all-operational-2019-12-30.json';
import atlassianIncidentJson from '../tests/corpus/status/statuspage-github-summary-incident-partial-outage-2022-11-25.json';
import type { AtlassianSummary, StatusPageSpec } from './types';

type Json = Record<string, unknown>;

const SAMPLES = {
  atlassianOperational: atlassianOperationalJson,
  atlassianIncident: atlassianIncidentJson,
  instatusComponents: instatusComponentsJson,
  incidentioSummary: incidentioSummaryJson,
} as const;

/** A fresh, editable copy of one sample. */
function fixture(name: keyof typeof SAMPLES): Json {
  return structuredClone(SAMPLES[name]) as unknown as Json;
}

/** Component names of the simulated service, replacing the sample's names in order. */
const COMPONENT_NAMES = [
  'Website',
  'Chat',
  'API',
  'Login',
  'Image generation',
  'Voice',
  'Feed',
  'Mobile apps',
  'Other',
];

const iso = (ms: number) => new Date(ms).toISOString();

function page(base: string, now: Date, sample: Json): Json {
  return {
    ...(sample.page as Json),
    name: 'Character.AI (simulated)',
    url: base,
    updated_at: iso(now.getTime() - 60_000),
  };
}

function renameComponents(list: Json[], status: Record<string, string> = {}): Json[] {
  return list.map((c, i) => {
    const name = COMPONENT_NAMES[i] ?? String(c.name);
    return { ...c, name, status: status[name] ?? c.status };
  });
}

/** Options of the Atlassian builders: component names mapped to a status, and renames (e.g. to a region). */
export interface ComponentOverrides {
  status?: Record<string, string>;
  rename?: Record<string, string>;
}

function applyRenames(list: Json[], rename: Record<string, string> = {}): Json[] {
  return list.map((c) => ({ ...c, name: rename[String(c.name)] ?? c.name }));
}

/** All operational, from GitHub's 2019 sample. */
export function atlassianOperational(
  overrides: ComponentOverrides = {},
): (now: Date, base: string) => AtlassianSummary {
  return (now, base) => {
    const sample = fixture('atlassianOperational');
    const components = applyRenames(
      renameComponents(sample.components as Json[], overrides.status),
      overrides.rename,
    );
    return {
      ...(sample as unknown as AtlassianSummary),
      page: page(base, now, sample),
      components,
      status: { indicator: 'none', description: 'All Systems Operational' },
      incidents: [],
      scheduled_maintenances: [],
    };
  };
}

/** The 2022 sample's component names mapped to the simulated service's (Packages becomes the affected one). */
const INCIDENT_SAMPLE_NAMES: Record<string, string> = {
  'Git Operations': 'Chat',
  'API Requests': 'API',
  Webhooks: 'Login',
  'Visit www.githubstatus.com for more information': 'Other',
  Issues: 'Feed',
  'Pull Requests': 'Voice',
  Actions: 'Characters',
  Pages: 'Website',
  Codespaces: 'Mobile apps',
  Copilot: 'Search',
};

/** An open incident, from GitHub's 2022 sample: its partially-out component is renamed to `component`. */
export function atlassianIncident(options: {
  name: string;
  component: string;
  componentStatus?: string;
  impact?: string;
  indicator?: string;
  message?: string;
}): (now: Date, base: string) => AtlassianSummary {
  return (now, base) => {
    const sample = fixture('atlassianIncident');
    const status = options.componentStatus ?? 'partial_outage';
    const rename = (c: Json): Json => {
      if (c.name === 'Packages') return { ...c, name: options.component, status };
      const name = INCIDENT_SAMPLE_NAMES[String(c.name)] ?? String(c.name);
      return { ...c, name: name === options.component ? `${name} (other)` : name };
    };
    const started = now.getTime() - 25 * 60_000;
    const incidents = (sample.incidents as Json[]).map((incident) => ({
      ...incident,
      name: options.name,
      impact: options.impact ?? incident.impact,
      created_at: iso(started),
      started_at: iso(started),
      updated_at: iso(now.getTime() - 3 * 60_000),
      components: (incident.components as Json[]).map(rename),
      incident_updates: (incident.incident_updates as Json[]).map((u, i) => ({
        ...u,
        body: i === 0 && options.message ? options.message : u.body,
        created_at: iso(now.getTime() - (3 + i * 10) * 60_000),
        updated_at: iso(now.getTime() - (3 + i * 10) * 60_000),
        display_at: iso(now.getTime() - (3 + i * 10) * 60_000),
        affected_components: ((u.affected_components as Json[] | null) ?? []).map((a) => ({
          ...a,
          name: a.name === 'Packages' ? options.component : (INCIDENT_SAMPLE_NAMES[String(a.name)] ?? a.name),
        })),
      })),
    }));
    return {
      ...(sample as unknown as AtlassianSummary),
      page: page(base, now, sample),
      components: (sample.components as Json[]).map(rename),
      status: {
        indicator: options.indicator ?? (sample.status as Json).indicator,
        description: String((sample.status as Json).description),
      } as AtlassianSummary['status'],
      incidents,
      scheduled_maintenances: [],
    };
  };
}

/**
 * A scheduled maintenance on the all-operational sample, in progress or upcoming (no real capture of an
 * in-progress maintenance exists; its fields follow Atlassian's documented shape).
 */
export function atlassianMaintenance(options: {
  inProgress: boolean;
  /** Upcoming: starts this many hours from now. */
  startsInHours?: number;
  component?: string;
}): (now: Date, base: string) => AtlassianSummary {
  return (now, base) => {
    const summary = atlassianOperational()(now, base);
    const component = options.component ?? 'Chat';
    const start = options.inProgress
      ? now.getTime() - 20 * 60_000
      : now.getTime() + (options.startsInHours ?? 48) * 3600_000;
    const end = start + 2 * 3600_000;
    const components = summary.components.map((c) =>
      options.inProgress && (c.name === component || c.name === 'API')
        ? { ...c, status: 'under_maintenance' }
        : c,
    );
    const maintenance = {
      id: 'sim' + createHash('sha1').update(String(start)).digest('hex').slice(0, 9),
      name: 'Database upgrade',
      status: options.inProgress ? 'in_progress' : 'scheduled',
      created_at: iso(now.getTime() - 3 * 24 * 3600_000),
      updated_at: iso(options.inProgress ? start : now.getTime() - 3 * 24 * 3600_000),
      monitoring_at: null,
      resolved_at: null,
      impact: 'maintenance',
      shortlink: `${base}/incidents/sim-maintenance`,
      started_at: iso(start),
      page_id: summary.page.id,
      incident_updates: [
        {
          status: options.inProgress ? 'in_progress' : 'scheduled',
          body: options.inProgress
            ? 'Scheduled maintenance is currently in progress. We will provide updates as necessary.'
            : 'We will be upgrading our database. Chat will be unavailable during the window.',
          created_at: iso(options.inProgress ? start : now.getTime() - 3 * 24 * 3600_000),
        },
      ],
      components: components.filter((c) => c.name === component || c.name === 'API'),
      scheduled_for: iso(start),
      scheduled_until: iso(end),
    };
    return {
      ...summary,
      components,
      status: options.inProgress
        ? { indicator: 'maintenance', description: 'Service Under Maintenance' }
        : summary.status,
      scheduled_maintenances: [maintenance],
    };
  };
}

/** incident.io: an ongoing incident from OpenAI's 2026 capture, re-timed and renamed. */
export function incidentIoIncident(options: {
  name: string;
  impact: 'degraded_performance' | 'partial_outage' | 'full_outage';
}): {
  summary: (now: Date, base: string) => unknown;
  widget: (now: Date, base: string) => unknown;
} {
  const build = (now: Date, base: string) => {
    const sample = fixture('incidentioSummary');
    const incident = (sample.ongoing_incidents as Json[])[0] ?? {};
    const affectedIds = new Set(
      ((incident.affected_components as Json[]) ?? []).map((a) => String(a.component_id)),
    );
    const seen = new Set<string>();
    const components = (sample.components as Json[])
      .filter((c) => !seen.has(String(c.name)) && seen.add(String(c.name)))
      .map((c) => ({
        id: c.id,
        name: c.name,
        status: affectedIds.has(String(c.id)) ? options.impact : 'operational',
      }));
    const affected = components.filter((c) => c.status !== 'operational');
    if (affected.length === 0 && components[0]) {
      components[0].status = options.impact;
      affected.push(components[0]);
    }
    const started = now.getTime() - 40 * 60_000;
    return { sample, incident, components, affected, started, base };
  };
  return {
    summary: (now, base) => {
      const b = build(now, base);
      return {
        page: {
          id: b.sample.id,
          name: 'Character.AI (simulated)',
          url: base,
          updated_at: iso(now.getTime()),
        },
        status: {
          indicator:
            options.impact === 'full_outage'
              ? 'critical'
              : options.impact === 'partial_outage'
                ? 'major'
                : 'minor',
          description: 'Partially degraded service',
        },
        components: b.components,
        incidents: [
          {
            id: b.incident.id,
            name: options.name,
            status: 'investigating',
            impact: options.impact === 'degraded_performance' ? 'minor' : 'major',
            created_at: iso(b.started),
            updated_at: iso(now.getTime() - 5 * 60_000),
            shortlink: `${base}/incidents/${String(b.incident.id)}`,
            components: b.affected,
            incident_updates: [
              {
                status: 'investigating',
                body: 'We are investigating elevated error rates.',
                created_at: iso(now.getTime() - 5 * 60_000),
              },
            ],
          },
        ],
        scheduled_maintenances: [],
      };
    },
    widget: (now, base) => {
      const b = build(now, base);
      return {
        page_title: 'Character.AI (simulated)',
        page_url: base,
        ongoing_incidents: [
          {
            id: b.incident.id,
            name: options.name,
            status: 'investigating',
            url: `${base}/incidents/${String(b.incident.id)}`,
            last_update_at: iso(now.getTime() - 5 * 60_000),
            last_update_message: 'We are investigating elevated error rates.',
            current_worst_impact: options.impact,
            affected_components: b.affected.map((c) => ({
              id: c.id,
              name: c.name,
              current_status: options.impact,
            })),
          },
        ],
        in_progress_maintenances: [],
        scheduled_maintenances: [],
      };
    },
  };
}

/** An Instatus page's two documents (the spec without its kind). */
type InstatusDocuments = Omit<Extract<StatusPageSpec, { kind: 'instatus' }>, 'kind'>;

/** The Arbitrum sample's components, each with the status `statusOf` gives it. */
function instatusComponents(statusOf: (component: Json) => string): { components: Json[] } {
  const content = fixture('instatusComponents').content as { components: Json[] };
  return { components: content.components.map((c) => ({ ...c, status: statusOf(c) })) };
}

/** Instatus under maintenance: the page summary and the Arbitrum sample's components, all under maintenance or up. */
export function instatusMaintenance(): InstatusDocuments {
  return {
    summary: (now, base) => ({
      page: { name: 'Character.AI (simulated)', url: base, status: 'UNDERMAINTENANCE' },
      activeIncidents: [],
      activeMaintenances: [
        {
          id: 'clsimmaint0001',
          name: 'Scheduled database maintenance',
          // Instatus sends JavaScript Date.toString() strings.
          start: new Date(now.getTime() - 15 * 60_000).toString(),
          status: 'INPROGRESS',
          duration: '120',
          url: `${base}/maintenance/clsimmaint0001`,
        },
      ],
    }),
    components: () => instatusComponents((c) => (c.group === null ? 'OPERATIONAL' : 'UNDERMAINTENANCE')),
  };
}

/** Instatus with everything up: the page summary and the Arbitrum sample's components, all operational. */
export function instatusOperational(): InstatusDocuments {
  return {
    summary: (_now, base) => ({
      page: { name: 'Character.AI (simulated)', url: base, status: 'UP' },
      activeIncidents: [],
      activeMaintenances: [],
    }),
    components: () => instatusComponents(() => 'OPERATIONAL'),
  };
}

const INACTIVE_MESSAGE = 'Your page is inactive. Please include an API key to access this resource.';

function send(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: string,
  etag?: string,
): void {
  const all: Record<string, string> = { ...headers, 'content-length': String(Buffer.byteLength(body)) };
  if (etag) all.etag = etag;
  res.writeHead(status, all);
  res.end(body);
}

function sendJson(req: IncomingMessage, res: ServerResponse, value: unknown): void {
  const body = JSON.stringify(value);
  const etag = `W/"${createHash('sha1').update(body).digest('hex').slice(0, 24)}"`;
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, { etag });
    res.end();
    return;
  }
  send(
    res,
    200,
    { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'max-age=10' },
    body,
    etag,
  );
}

function notFound(res: ServerResponse): void {
  send(res, 404, { 'content-type': 'application/json' }, JSON.stringify({ error: 'not found' }));
}

function statusHtml(res: ServerResponse, provider: string): void {
  send(
    res,
    200,
    { 'content-type': 'text/html; charset=utf-8' },
    `<!DOCTYPE html><html><head><title>Character.AI (simulated) Status</title></head><body data-provider="${provider}"><h1>Status</h1></body></html>`,
  );
}

/** The request listener of a status page following `spec` (for `none`, every path is 404). */
export function statusPageHandler(spec: StatusPageSpec, base: () => string): RequestListener {
  return (req, res) => {
    req.resume();
    const path = new URL(req.url ?? '/', 'http://status.invalid').pathname.replace(/\/+$/, '') || '/';
    const now = new Date();
    switch (spec.kind) {
      case 'none':
        return notFound(res);
      case 'inactive':
        // Character.AI's page: every path redirects once, then 401 with the "inactive" message.
        if (path === '/inactive')
          return send(
            res,
            401,
            { 'content-type': 'application/json; charset=utf-8' },
            JSON.stringify({ error: INACTIVE_MESSAGE }),
          );
        return send(
          res,
          302,
          { location: `${base()}/inactive`, 'content-type': 'text/html' },
          '<html><body>You are being redirected.</body></html>',
        );
      case 'atlassian': {
        const summary = spec.summary(now, base());
        const routes: Record<string, () => unknown> = {
          '/api/v2/summary.json': () => summary,
          '/api/v2/status.json': () => ({ page: summary.page, status: summary.status }),
          '/api/v2/components.json': () => ({ page: summary.page, components: summary.components }),
          '/api/v2/incidents/unresolved.json': () => ({ page: summary.page, incidents: summary.incidents }),
          '/api/v2/scheduled-maintenances/active.json': () => ({
            page: summary.page,
            scheduled_maintenances: summary.scheduled_maintenances.filter(
              (m) => m.status === 'in_progress' || m.status === 'verifying',
            ),
          }),
          '/api/v2/scheduled-maintenances/upcoming.json': () => ({
            page: summary.page,
            scheduled_maintenances: summary.scheduled_maintenances.filter((m) => m.status === 'scheduled'),
          }),
        };
        const route = routes[path];
        if (route) return sendJson(req, res, route());
        if (path === '/') return statusHtml(res, 'atlassian');
        return notFound(res);
      }
      case 'incidentio':
        if (path === '/api/v2/summary.json') return sendJson(req, res, spec.summary(now, base()));
        if (path === '/api/v1/summary') return sendJson(req, res, spec.widget(now, base()));
        if (path === '/')
          return send(
            res,
            200,
            { 'content-type': 'text/html; charset=utf-8' },
            '<!DOCTYPE html><html><head><title>Status</title></head><body><div id="__next"><div data-testid="heads-up">We are investigating elevated error rates.</div></div></body></html>',
          );
        return notFound(res);
      case 'instatus':
        if (path === '/summary.json') return sendJson(req, res, spec.summary(now, base()));
        if (path === '/v2/components.json') return sendJson(req, res, spec.components(now));
        if (path === '/') return statusHtml(res, 'instatus');
        return notFound(res);
    }
  };
}
