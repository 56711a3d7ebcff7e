// Every real status-page sample in tests/corpus/status parsed by its provider, plus synthetic samples for
// what no fixture shows (Statuspage maintenance, Instatus summary, Better Stack, incident.io widget).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { StatusFormatError, type ParseContext } from './provider';
import {
  atlassianProvider,
  betterstackProvider,
  incidentioProvider,
  instatusProvider,
  STATUS_PROVIDERS,
} from './providers';
import { asIsoDate } from './json';

const FIXTURES = new URL('../../tests/corpus/status/', import.meta.url);
const text = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');
const json = (name: string): unknown => JSON.parse(text(name));
const ctx: ParseContext = {
  pageUrl: 'https://status.example.com',
  sourceUrl: 'https://status.example.com/api/v2/summary.json',
  fetchedAt: '2026-06-01T12:00:00.000Z',
};

describe('Atlassian Statuspage fixtures', () => {
  it('GitHub all operational (2019): level operational, 9 components, nothing open', () => {
    const s = atlassianProvider.parse(json('statuspage-github-summary-all-operational-2019-12-30.json'), ctx);
    expect(s.provider).toBe('atlassian');
    expect(s.level).toBe('operational');
    expect(s.pageName).toBe('GitHub');
    expect(s.description).toBe('All Systems Operational');
    expect(s.components).toHaveLength(9);
    expect(s.components.every((c) => c.status === 'operational')).toBe(true);
    expect(s.components[0]).toEqual({ name: 'Git Operations', status: 'operational' });
    expect(s.incidents).toEqual([]);
    expect(s.maintenanceInProgress).toEqual([]);
    expect(s.maintenanceUpcoming).toEqual([]);
    expect(s.updatedAt).toBe('2019-12-30T08:15:33.297Z');
    expect(s.fetchedAt).toBe(ctx.fetchedAt);
  });

  it('GitHub incident (2022): indicator says minor but the major incident and partial outage win', () => {
    const s = atlassianProvider.parse(
      json('statuspage-github-summary-incident-partial-outage-2022-11-25.json'),
      ctx,
    );
    expect(s.description).toBe('Minor Service Outage');
    expect(s.level).toBe('partial-outage');
    expect(s.components).toHaveLength(11);
    expect(s.components.find((c) => c.name === 'Packages')?.status).toBe('partial-outage');
    expect(s.components.filter((c) => c.status !== 'operational').map((c) => c.name)).toEqual(['Packages']);
    expect(s.incidents).toHaveLength(1);
    const incident = s.incidents[0]!;
    expect(incident).toMatchObject({
      name: 'Incident with Packages and Pages',
      stage: 'investigating',
      impact: 'major',
      startedAt: '2022-11-25T14:39:09.542Z',
      updatedAt: '2022-11-25T15:50:04.970Z',
      components: ['Packages', 'Pages'],
      url: 'https://stspg.io/33vh8r7z43kh',
    });
    // The newest of the 7 updates, not the first in file order by accident.
    expect(incident.message).toMatch(/^Packages is now experiencing degraded performance/);
  });

  it('rejects an incident.io look-alike summary (no page.time_zone) so detection moves on', () => {
    const body = {
      page: { id: 'x', name: 'X', url: 'https://x' },
      components: [],
      status: { indicator: 'none' },
    };
    expect(() => atlassianProvider.parse(body, ctx)).toThrow(StatusFormatError);
    expect(() => atlassianProvider.parse([], ctx)).toThrow(/page/);
  });
});

/** A synthetic Statuspage summary: one group with two children, maintenance in progress and upcoming. */
function statuspageWithMaintenance(indicator: string) {
  const component = (id: string, name: string, status: string, extra: object = {}) => ({
    id,
    name,
    status,
    group_id: null,
    group: false,
    ...extra,
  });
  return {
    page: {
      id: 'p1',
      name: 'Example',
      url: 'https://status.example.com',
      time_zone: 'Etc/UTC',
      updated_at: '2026-06-01T11:59:00Z',
    },
    status: {
      indicator,
      description: indicator === 'maintenance' ? 'Service Under Maintenance' : 'All Systems Operational',
    },
    components: [
      component('g1', 'Chat', 'under_maintenance', { group: true, components: ['c1', 'c2'] }),
      component('c1', 'Web chat', 'under_maintenance', { group_id: 'g1' }),
      component('c2', 'Voice', 'operational', { group_id: 'g1' }),
      component('c3', 'API', 'operational'),
    ],
    incidents: [
      { id: 'i0', name: 'Yesterday', status: 'resolved', impact: 'critical', incident_updates: [] },
      { id: 'i1', name: 'Old write-up', status: 'postmortem', impact: 'major', incident_updates: [] },
    ],
    scheduled_maintenances: [
      {
        id: 'm1',
        name: 'Database upgrade',
        status: 'in_progress',
        impact: 'maintenance',
        scheduled_for: '2026-06-01T11:00:00.000Z',
        scheduled_until: '2026-06-01T13:00:00.000Z',
        components: [{ id: 'c1', name: 'Web chat' }],
        incident_updates: [],
      },
      {
        id: 'm2',
        name: 'Verifying cache change',
        status: 'verifying',
        impact: 'maintenance',
        scheduled_for: '2026-06-01T10:00:00.000Z',
        scheduled_until: '2026-06-01T12:30:00.000Z',
        components: [],
        incident_updates: [
          { body: 'x', created_at: '2026-06-01T10:00:00Z', affected_components: [{ name: 'API' }] },
        ],
      },
      {
        id: 'm3',
        name: 'Network work',
        status: 'scheduled',
        impact: 'none',
        scheduled_for: '2026-06-08T01:00:00.000Z',
        scheduled_until: '2026-06-08T03:00:00.000Z',
        components: [{ id: 'c3', name: 'API' }],
        incident_updates: [],
      },
      { id: 'm4', name: 'Done last week', status: 'completed', scheduled_for: '2026-05-20T01:00:00Z' },
    ],
  };
}

describe('Atlassian Statuspage maintenance (synthetic)', () => {
  it('splits in-progress/verifying from upcoming, drops completed, and skips group containers', () => {
    const s = atlassianProvider.parse(statuspageWithMaintenance('maintenance'), ctx);
    expect(s.level).toBe('maintenance');
    expect(s.components).toEqual([
      { name: 'Web chat', status: 'maintenance', group: 'Chat' },
      { name: 'Voice', status: 'operational', group: 'Chat' },
      { name: 'API', status: 'operational' },
    ]);
    expect(s.incidents).toEqual([]);
    expect(s.maintenanceInProgress).toEqual([
      {
        name: 'Database upgrade',
        stage: 'in-progress',
        scheduledFor: '2026-06-01T11:00:00.000Z',
        scheduledUntil: '2026-06-01T13:00:00.000Z',
        components: ['Web chat'],
      },
      {
        name: 'Verifying cache change',
        stage: 'verifying',
        scheduledFor: '2026-06-01T10:00:00.000Z',
        scheduledUntil: '2026-06-01T12:30:00.000Z',
        components: ['API'],
      },
    ]);
    expect(s.maintenanceUpcoming).toEqual([
      {
        name: 'Network work',
        stage: 'scheduled',
        scheduledFor: '2026-06-08T01:00:00.000Z',
        scheduledUntil: '2026-06-08T03:00:00.000Z',
        components: ['API'],
      },
    ]);
  });

  it('an in-progress maintenance makes the level at least maintenance even when the indicator says none', () => {
    const s = atlassianProvider.parse(statuspageWithMaintenance('none'), ctx);
    expect(s.level).toBe('maintenance');
  });

  it('upcoming maintenance alone leaves an operational page operational', () => {
    const body = statuspageWithMaintenance('none');
    body.scheduled_maintenances = body.scheduled_maintenances.filter((m) => m.status === 'scheduled');
    body.components = body.components.map((c) => ({ ...c, status: 'operational' }));
    const s = atlassianProvider.parse(body, ctx);
    expect(s.level).toBe('operational');
    expect(s.maintenanceInProgress).toEqual([]);
    expect(s.maintenanceUpcoming.map((m) => m.name)).toEqual(['Network work']);
  });

  it('critical indicator and a major_outage component read as major outage', () => {
    const body = statuspageWithMaintenance('critical');
    body.scheduled_maintenances = [];
    body.components[3]!.status = 'major_outage';
    expect(atlassianProvider.parse(body, ctx).level).toBe('major-outage');
  });
});

describe('incident.io fixtures', () => {
  const summary = json('incidentio-openai-page-summary-EXTRACTED-2026-03-17.json');

  it('extracted page summary: 31 grouped components, one ongoing incident in monitoring', () => {
    const s = incidentioProvider.parse(summary, ctx);
    expect(s.provider).toBe('incidentio');
    expect(s.pageName).toBe('OpenAI');
    expect(s.components).toHaveLength(31);
    expect(s.components[0]).toEqual({ name: 'Chat Completions', status: 'operational', group: 'APIs' });
    expect(new Set(s.components.map((c) => c.group))).toEqual(
      new Set(['APIs', 'ChatGPT', 'Sora', 'FedRAMP']),
    );
    expect(s.incidents).toHaveLength(1);
    expect(s.incidents[0]).toEqual({
      name: 'Elevated errors for sign-in and account creation',
      stage: 'monitoring',
      // Its one affected component is operational again, so the incident implies no outage.
      impact: 'none',
      startedAt: '2026-03-17T03:06:13.955Z',
      updatedAt: '2026-03-17T05:21:16.023Z',
      message: 'We have applied the mitigation and are monitoring the recovery.',
      components: ['Login'],
    });
    expect(s.level).toBe('operational');
    expect(s.maintenanceInProgress).toEqual([]);
    expect(s.maintenanceUpcoming).toEqual([]);
  });

  it('the real HTML page embeds the same summary in its Next.js payload', () => {
    const fromHtml = incidentioProvider.parseHtml(
      text('incidentio-openai-status-page-html-ongoing-incident-2026-03-17.html'),
      ctx,
    );
    expect(fromHtml).toEqual(incidentioProvider.parse(summary, ctx));
  });

  it('an HTML page with no embedded summary gives nothing', () => {
    expect(incidentioProvider.parseHtml('<html><body>Status</body></html>', ctx)).toBeNull();
    const broken = `<script>self.__next_f.push([1,"{\\"summary\\":{\\"ongoing_incidents\\":["])</script>`;
    expect(incidentioProvider.parseHtml(broken, ctx)).toBeNull();
  });

  it('no other provider claims the HTML page or the summary', () => {
    for (const p of STATUS_PROVIDERS.filter((p) => p.id !== 'incidentio')) {
      expect(() => p.parse(summary, ctx), p.id).toThrow(StatusFormatError);
      expect(p.parseHtml).toBeUndefined();
    }
  });
});

describe('incident.io API replies (synthetic, documented shapes)', () => {
  it('compat summary: no time_zone, no incidents key, full_outage component', () => {
    const s = incidentioProvider.parse(
      {
        page: { id: 'x', name: 'Acme', url: 'https://status.acme.test', updated_at: '2026-06-01T11:00:00Z' },
        status: { indicator: 'major', description: 'Partial System Outage' },
        components: [
          { id: 'a', name: 'API', status: 'full_outage' },
          { id: 'b', name: 'Dashboard', status: 'operational' },
        ],
      },
      ctx,
    );
    expect(s.level).toBe('major-outage');
    expect(s.components).toEqual([
      { name: 'API', status: 'major-outage' },
      { name: 'Dashboard', status: 'operational' },
    ]);
    expect(s.incidents).toEqual([]);
    expect(s.description).toBe('Partial System Outage');
  });

  it('widget /api/v1/summary: ongoing incident, maintenance in progress and scheduled', () => {
    const s = incidentioProvider.parse(
      {
        page_title: 'Acme Status',
        page_url: 'https://status.acme.test',
        ongoing_incidents: [
          {
            id: 'i1',
            name: 'Slow logins',
            status: 'identified',
            url: 'https://status.acme.test/incidents/i1',
            last_update_at: '2026-06-01T11:50:00Z',
            last_update_message: 'A fix is rolling out.',
            current_worst_impact: 'partial_outage',
            affected_components: [{ id: 'a', name: 'Login', group_name: 'Web' }],
          },
        ],
        in_progress_maintenances: [
          {
            id: 'm1',
            name: 'Queue migration',
            status: 'maintenance_in_progress',
            started_at: '2026-06-01T11:00:00Z',
            scheduled_end_at: '2026-06-01T13:00:00Z',
            affected_components: [{ id: 'q', name: 'Queue' }],
          },
        ],
        scheduled_maintenances: [
          {
            id: 'm2',
            name: 'Storage upgrade',
            status: 'maintenance_scheduled',
            starts_at: '2026-06-03T01:00:00Z',
            ends_at: '2026-06-03T02:00:00Z',
            affected_components: [],
          },
        ],
      },
      ctx,
    );
    expect(s.pageName).toBe('Acme Status');
    expect(s.level).toBe('partial-outage');
    expect(s.incidents).toEqual([
      {
        name: 'Slow logins',
        stage: 'identified',
        impact: 'major',
        startedAt: null,
        updatedAt: '2026-06-01T11:50:00.000Z',
        message: 'A fix is rolling out.',
        components: ['Login'],
        url: 'https://status.acme.test/incidents/i1',
      },
    ]);
    expect(s.maintenanceInProgress).toEqual([
      {
        name: 'Queue migration',
        stage: 'in-progress',
        scheduledFor: '2026-06-01T11:00:00.000Z',
        scheduledUntil: '2026-06-01T13:00:00.000Z',
        components: ['Queue'],
      },
    ]);
    expect(s.maintenanceUpcoming).toEqual([
      {
        name: 'Storage upgrade',
        stage: 'scheduled',
        scheduledFor: '2026-06-03T01:00:00.000Z',
        scheduledUntil: '2026-06-03T02:00:00.000Z',
        components: [],
      },
    ]);
  });

  it('rejects JSON in neither shape', () => {
    expect(() => incidentioProvider.parse({ hello: 1 }, ctx)).toThrow(StatusFormatError);
    expect(() => incidentioProvider.parse('text', ctx)).toThrow(StatusFormatError);
  });
});

describe('Instatus', () => {
  const wrapped = json('instatus-arbitrum-components-mixed-statuses-2024-03-28-WRAPPED.json') as {
    meta: unknown;
    content: unknown;
  };

  it('the real /v2/components.json (the "content" of the wrapped file): group container skipped, worst wins', () => {
    const s = instatusProvider.parse(wrapped.content, ctx);
    expect(s.provider).toBe('instatus');
    expect(s.components).toEqual([
      { name: 'ARB1 - Sequencer', status: 'maintenance', group: 'ARB1' },
      { name: 'ARB1 - Batch Poster', status: 'degraded', group: 'ARB1' },
      { name: 'ARB1 - Validator', status: 'partial-outage', group: 'ARB1' },
      { name: 'ARB1 - Feed', status: 'major-outage', group: 'ARB1' },
      { name: 'ARB1 - Arbiscan', status: 'degraded', group: 'ARB1' },
    ]);
    expect(s.level).toBe('major-outage');
    expect(s.incidents).toEqual([]);
  });

  it('the wrapper itself ({meta, content}) is not an Instatus reply', () => {
    expect(() => instatusProvider.parse(wrapped, ctx)).toThrow(StatusFormatError);
  });

  it('/summary.json with Date.toString() dates, an incident and maintenance (synthetic)', () => {
    const s = instatusProvider.parse(
      {
        page: { name: 'Arbitrum', url: 'https://arbitrum.instatus.com', status: 'HASISSUES' },
        activeIncidents: [
          {
            id: 'i1',
            name: 'Sequencer delays',
            started: 'Thu Mar 28 2024 11:22:33 GMT+0000 (Coordinated Universal Time)',
            status: 'INVESTIGATING',
            impact: 'MINOROUTAGE',
            url: 'https://arbitrum.instatus.com/i1',
          },
          {
            id: 'i2',
            name: 'Done',
            started: '2024-03-27T10:00:00Z',
            status: 'RESOLVED',
            impact: 'MAJOROUTAGE',
          },
        ],
        activeMaintenances: [
          {
            id: 'm1',
            name: 'Node upgrade',
            start: 'Thu Mar 28 2024 10:00:00 GMT+0100',
            status: 'INPROGRESS',
            duration: '90',
          },
          {
            id: 'm2',
            name: 'Later',
            start: '2024-04-02T08:00:00.000Z',
            status: 'NOTSTARTEDYET',
            duration: 30,
          },
        ],
      },
      ctx,
    );
    expect(s.pageName).toBe('Arbitrum');
    expect(s.components).toEqual([]);
    expect(s.incidents).toEqual([
      {
        name: 'Sequencer delays',
        stage: 'investigating',
        impact: 'major',
        startedAt: '2024-03-28T11:22:33.000Z',
        updatedAt: null,
        message: null,
        components: [],
        url: 'https://arbitrum.instatus.com/i1',
      },
    ]);
    expect(s.level).toBe('partial-outage');
    expect(s.maintenanceInProgress).toEqual([
      {
        name: 'Node upgrade',
        stage: 'in-progress',
        scheduledFor: '2024-03-28T09:00:00.000Z',
        scheduledUntil: '2024-03-28T10:30:00.000Z',
        components: [],
      },
    ]);
    expect(s.maintenanceUpcoming.map((m) => [m.name, m.scheduledUntil])).toEqual([
      ['Later', '2024-04-02T08:30:00.000Z'],
    ]);
  });

  it('page UNDERMAINTENANCE alone reads as maintenance; UP as operational', () => {
    expect(instatusProvider.parse({ page: { name: 'x', status: 'UNDERMAINTENANCE' } }, ctx).level).toBe(
      'maintenance',
    );
    expect(instatusProvider.parse({ page: { name: 'x', status: 'UP' } }, ctx).level).toBe('operational');
    expect(() => instatusProvider.parse({ page: { status: 'GREEN' } }, ctx)).toThrow(StatusFormatError);
  });
});

describe('Better Stack (synthetic JSON:API)', () => {
  const index = (aggregate: string, included: unknown[] = []) => ({
    data: { id: '1', type: 'status_page', attributes: { company_name: 'Acme', aggregate_state: aggregate } },
    included,
  });

  it('reads aggregate_state, resources grouped by section, and open reports', () => {
    const s = betterstackProvider.parse(
      index('downtime', [
        { id: '10', type: 'status_page_section', attributes: { name: 'Core' } },
        {
          id: '20',
          type: 'status_page_resource',
          attributes: { public_name: 'API', status: 'downtime', status_page_section_id: 10 },
        },
        {
          id: '21',
          type: 'status_page_resource',
          attributes: { public_name: 'Site', status: 'operational', status_page_section_id: 10 },
        },
        {
          id: '30',
          type: 'status_report',
          attributes: {
            title: 'API down',
            report_type: 'manual',
            aggregate_state: 'downtime',
            starts_at: '2026-06-01T11:40:00Z',
          },
        },
        {
          id: '31',
          type: 'status_report',
          attributes: {
            title: 'Old one',
            report_type: 'manual',
            starts_at: '2026-05-01T11:40:00Z',
            ends_at: '2026-05-01T12:00:00Z',
          },
        },
        {
          id: '32',
          type: 'status_report',
          attributes: {
            title: 'DB window',
            report_type: 'maintenance',
            starts_at: '2026-06-02T01:00:00Z',
            ends_at: '2026-06-02T02:00:00Z',
          },
        },
        {
          id: '33',
          type: 'status_report',
          attributes: {
            title: 'Cache window',
            report_type: 'maintenance',
            starts_at: '2026-06-01T11:00:00Z',
            ends_at: '2026-06-01T13:00:00Z',
          },
        },
      ]),
      ctx,
    );
    expect(s.pageName).toBe('Acme');
    expect(s.components).toEqual([
      { name: 'API', status: 'major-outage', group: 'Core' },
      { name: 'Site', status: 'operational', group: 'Core' },
    ]);
    expect(s.level).toBe('major-outage');
    expect(s.incidents.map((i) => [i.name, i.impact])).toEqual([['API down', 'major']]);
    expect(s.maintenanceUpcoming.map((m) => m.name)).toEqual(['DB window']);
    expect(s.maintenanceInProgress.map((m) => m.name)).toEqual(['Cache window']);
  });

  it('aggregate_state alone: degraded, maintenance, downtime', () => {
    expect(betterstackProvider.parse(index('degraded'), ctx).level).toBe('degraded');
    expect(betterstackProvider.parse(index('maintenance'), ctx).level).toBe('maintenance');
    expect(betterstackProvider.parse(index('downtime'), ctx).level).toBe('partial-outage');
    expect(() => betterstackProvider.parse({ data: { attributes: {} } }, ctx)).toThrow(StatusFormatError);
  });
});

describe('dates', () => {
  it('normalises ISO, Date.toString() and epoch values to ISO; rejects junk', () => {
    expect(asIsoDate('2024-03-28T11:22:33Z')).toBe('2024-03-28T11:22:33.000Z');
    expect(asIsoDate('Thu Mar 28 2024 12:22:33 GMT+0100 (Central European Standard Time)')).toBe(
      '2024-03-28T11:22:33.000Z',
    );
    expect(asIsoDate(1711624953000)).toBe('2024-03-28T11:22:33.000Z');
    expect(asIsoDate('soon')).toBeNull();
    expect(asIsoDate('$undefined')).toBeNull();
    expect(asIsoDate(null)).toBeNull();
  });
});
