// StatusPageReader against local 127.0.0.1 servers: detection per provider, caching, ETags, stale
// snapshots and every way a status page can fail to inform us.

import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { ProviderMemory, providerCandidates } from './detect';
import { StatusPageReader, type StatusPageReaderOptions } from './reader';
import {
  jsonReply,
  startStatusServer,
  type StatusTestServer,
  useStatusServers,
} from '../testing/status-server';

const FIXTURES = new URL('../../tests/corpus/status/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');
const GITHUB_OK = fixture('statuspage-github-summary-all-operational-2019-12-30.json');
const GITHUB_INCIDENT = fixture('statuspage-github-summary-incident-partial-outage-2022-11-25.json');
const OPENAI_HTML = fixture('incidentio-openai-status-page-html-ongoing-incident-2026-03-17.html');
const INSTATUS_COMPONENTS = JSON.stringify(
  (
    JSON.parse(fixture('instatus-arbitrum-components-mixed-statuses-2024-03-28-WRAPPED.json')) as {
      content: unknown;
    }
  ).content,
);
const INACTIVE = 'Your page is inactive. Please include an API key to access this resource.';

const { serve } = useStatusServers();

/** A reader with its own detection memory, a fake clock and no proxy from the environment. */
function readerFor(server: StatusTestServer, extra: Partial<StatusPageReaderOptions> = {}) {
  const clock = { t: Date.parse('2026-06-01T12:00:00Z') };
  const reader = new StatusPageReader({
    baseUrl: server.url,
    now: () => clock.t,
    memory: new ProviderMemory(),
    ...extra,
    fetchOptions: { env: {}, ...extra.fetchOptions },
  });
  return { reader, clock };
}

const paths = (server: StatusTestServer) => server.requests.map((r) => r.path);

describe('detection', () => {
  it('Atlassian: summary.json with page.time_zone', async () => {
    const server = await serve({ '/api/v2/summary.json': jsonReply(GITHUB_INCIDENT) });
    const { reader } = readerFor(server);
    const r = await reader.read();
    expect(r.unavailable).toBeNull();
    expect(r.stale).toBe(false);
    expect(r.snapshot?.provider).toBe('atlassian');
    expect(r.snapshot?.level).toBe('partial-outage');
    expect(r.snapshot?.pageUrl).toBe(server.url);
    expect(r.snapshot?.fetchedAt).toBe('2026-06-01T12:00:00.000Z');
    expect(paths(server)).toEqual(['/api/v2/summary.json']);
    const seen = server.requests[0]!.headers;
    expect(seen.accept).toBe('application/json');
    expect(seen['user-agent']).toMatch(/^why500\/\d+\.\d+\.\d+/);
  });

  it('incident.io: compat summary without time_zone, combined with the widget API', async () => {
    const server = await serve({
      '/api/v2/summary.json': jsonReply({
        page: { id: 'x', name: 'Acme', url: 'https://status.acme.test', updated_at: '2026-06-01T11:00:00Z' },
        status: { indicator: 'minor', description: 'Degraded' },
        components: [{ id: 'a', name: 'Login', status: 'degraded_performance' }],
      }),
      '/api/v1/summary': jsonReply({
        page_title: 'Acme',
        ongoing_incidents: [
          {
            id: 'i',
            name: 'Slow logins',
            status: 'investigating',
            current_worst_impact: 'degraded_performance',
            affected_components: [{ id: 'a', name: 'Login' }],
          },
        ],
        in_progress_maintenances: [],
        scheduled_maintenances: [],
      }),
    });
    const { reader } = readerFor(server);
    const r = await reader.read();
    expect(r.snapshot?.provider).toBe('incidentio');
    expect(r.snapshot?.level).toBe('degraded');
    expect(r.snapshot?.components).toEqual([{ name: 'Login', status: 'degraded' }]);
    expect(r.snapshot?.incidents.map((i) => [i.name, i.impact, i.components])).toEqual([
      ['Slow logins', 'minor', ['Login']],
    ]);
    // The shared summary endpoint is fetched once although two providers looked at it.
    expect(paths(server)).toEqual(['/api/v2/summary.json', '/api/v1/summary']);
  });

  it('incident.io: an HTML page that embeds its summary, when no API answers', async () => {
    const server = await serve({
      '/': { status: 200, headers: { 'content-type': 'text/html' }, body: OPENAI_HTML },
    });
    const { reader } = readerFor(server);
    const r = await reader.read();
    expect(r.unavailable).toBeNull();
    expect(r.snapshot?.provider).toBe('incidentio');
    expect(r.snapshot?.incidents.map((i) => i.name)).toEqual([
      'Elevated errors for sign-in and account creation',
    ]);
    expect(r.snapshot?.components).toHaveLength(31);
  });

  it('Instatus: summary.json and v2/components.json combined', async () => {
    const server = await serve({
      '/summary.json': jsonReply({
        page: { name: 'Arbitrum', url: 'https://arbitrum.instatus.com', status: 'HASISSUES' },
        activeIncidents: [],
        activeMaintenances: [
          {
            id: 'm',
            name: 'Sequencer upgrade',
            start: 'Mon Jun 01 2026 11:00:00 GMT+0000 (Coordinated Universal Time)',
            status: 'INPROGRESS',
            duration: '120',
          },
        ],
      }),
      '/v2/components.json': jsonReply(INSTATUS_COMPONENTS),
    });
    const { reader } = readerFor(server);
    const r = await reader.read();
    expect(r.snapshot?.provider).toBe('instatus');
    expect(r.snapshot?.pageName).toBe('Arbitrum');
    expect(r.snapshot?.components).toHaveLength(5);
    expect(r.snapshot?.level).toBe('major-outage');
    expect(r.snapshot?.maintenanceInProgress).toEqual([
      {
        name: 'Sequencer upgrade',
        stage: 'in-progress',
        scheduledFor: '2026-06-01T11:00:00.000Z',
        scheduledUntil: '2026-06-01T13:00:00.000Z',
        components: [],
      },
    ]);
  });

  it('Better Stack: index.json', async () => {
    const server = await serve({
      '/index.json': jsonReply({
        data: {
          id: '1',
          type: 'status_page',
          attributes: { company_name: 'Acme', aggregate_state: 'degraded' },
        },
        included: [
          { id: '2', type: 'status_page_resource', attributes: { public_name: 'API', status: 'degraded' } },
        ],
      }),
    });
    const { reader } = readerFor(server);
    const r = await reader.read();
    expect(r.snapshot?.provider).toBe('betterstack');
    expect(r.snapshot?.level).toBe('degraded');
    expect(r.snapshot?.components).toEqual([{ name: 'API', status: 'degraded' }]);
    expect(paths(server)).toEqual([
      '/api/v2/summary.json',
      '/api/v1/summary',
      '/summary.json',
      '/v2/components.json',
      '/index.json',
    ]);
  });

  it('remembers the provider per base URL: the next read asks only its endpoints', async () => {
    const server = await serve({
      '/index.json': jsonReply({ data: { attributes: { aggregate_state: 'operational' } } }),
    });
    const memory = new ProviderMemory();
    const { reader, clock } = readerFor(server, { memory });
    await reader.read();
    expect(memory.get(server.url)).toBe('betterstack');
    const before = server.requests.length;
    clock.t += 61_000;
    const r = await reader.read();
    expect(r.snapshot?.provider).toBe('betterstack');
    expect(paths(server).slice(before)).toEqual(['/index.json']);
    // A second reader of the same page shares the memory.
    const other = new StatusPageReader({ baseUrl: server.url, memory, fetchOptions: { env: {} } });
    const count = server.requests.length;
    await other.read();
    expect(paths(server).slice(count)).toEqual(['/index.json']);
  });

  it("re-detects when the remembered provider's endpoints are gone", async () => {
    const server = await serve({
      '/index.json': jsonReply({ data: { attributes: { aggregate_state: 'operational' } } }),
    });
    const { reader, clock } = readerFor(server);
    expect((await reader.read()).snapshot?.provider).toBe('betterstack');
    server.route('/index.json', { status: 404, body: 'gone' });
    server.route('/api/v2/summary.json', jsonReply(GITHUB_OK));
    clock.t += 61_000;
    const r = await reader.read();
    expect(r.unavailable).toBeNull();
    expect(r.snapshot?.provider).toBe('atlassian');
  });

  it('host hints put the hosting provider first', () => {
    const order = (u: string) => providerCandidates(new URL(u)).map((p) => p.id);
    expect(order('https://arbitrum.instatus.com')).toEqual([
      'instatus',
      'atlassian',
      'incidentio',
      'betterstack',
    ]);
    expect(order('https://acme.betteruptime.com')).toEqual([
      'betterstack',
      'atlassian',
      'incidentio',
      'instatus',
    ]);
    expect(order('https://characteraistatus.statuspage.io')[0]).toBe('atlassian');
    expect(order('https://status.character.ai')).toEqual([
      'atlassian',
      'incidentio',
      'instatus',
      'betterstack',
    ]);
  });

  it('no known API anywhere: unknown-provider, no snapshot', async () => {
    const server = await serve({
      '/': { status: 200, headers: { 'content-type': 'text/html' }, body: '<html>hi</html>' },
    });
    const { reader } = readerFor(server);
    const r = await reader.read();
    expect(r.snapshot).toBeNull();
    expect(r.unavailable?.reason).toBe('unknown-provider');
  });
});

describe('caching and conditional requests', () => {
  it('a read within 60 s returns the cached reading without a request; force asks again', async () => {
    const server = await serve({ '/api/v2/summary.json': jsonReply(GITHUB_OK) });
    const { reader, clock } = readerFor(server, { minIntervalMs: 1_000 });
    const first = await reader.read();
    clock.t += 59_000;
    const second = await reader.read();
    expect(second).toBe(first);
    expect(server.requests).toHaveLength(1);
    await reader.read({ force: true });
    expect(server.requests).toHaveLength(2);
    clock.t += 60_000;
    await reader.read();
    expect(server.requests).toHaveLength(3);
  });

  it('concurrent reads share one request', async () => {
    const server = await serve({ '/api/v2/summary.json': jsonReply(GITHUB_OK) });
    const { reader } = readerFor(server);
    const [a, b] = await Promise.all([reader.read(), reader.read({ force: true })]);
    expect(a).toBe(b);
    expect(server.requests).toHaveLength(1);
  });

  it('sends If-None-Match with the ETag and reuses the snapshot on 304', async () => {
    const server = await serve({
      '/api/v2/summary.json': jsonReply(GITHUB_INCIDENT, { headers: { etag: '"v1"' } }),
    });
    const { reader, clock } = readerFor(server);
    const first = await reader.read();
    clock.t += 61_000;
    const second = await reader.read();
    expect(server.requests).toHaveLength(2);
    expect(server.requests[0]!.headers['if-none-match']).toBeUndefined();
    expect(server.requests[1]!.headers['if-none-match']).toBe('"v1"');
    expect(second.unavailable).toBeNull();
    expect(second.stale).toBe(false);
    expect(second.snapshot).toEqual({ ...first.snapshot, fetchedAt: '2026-06-01T12:01:01.000Z' });
  });

  it('keeps the last good snapshot, marked stale, when a later read fails; fresh again after', async () => {
    const server = await serve({ '/api/v2/summary.json': jsonReply(GITHUB_INCIDENT) });
    const { reader, clock } = readerFor(server);
    const good = await reader.read();
    server.route('/api/v2/summary.json', { status: 503, body: 'upstream unavailable' });
    clock.t += 61_000;
    const failed = await reader.read();
    expect(failed.stale).toBe(true);
    expect(failed.snapshot).toEqual(good.snapshot);
    expect(failed.unavailable).toEqual({
      reason: 'http-error',
      detail: `HTTP 503 from ${server.url}/api/v2/summary.json: upstream unavailable`,
      at: '2026-06-01T12:01:01.000Z',
    });
    server.route('/api/v2/summary.json', jsonReply(GITHUB_OK));
    clock.t += 61_000;
    const back = await reader.read();
    expect(back.stale).toBe(false);
    expect(back.unavailable).toBeNull();
    expect(back.snapshot?.level).toBe('operational');
  });
});

describe('no information, never "down"', () => {
  it("Character.AI's real behaviour: 302 then 401 page inactive → inactive, nothing else tried", async () => {
    const server = await serve({
      '/api/v2/summary.json': { status: 302, headers: { location: '/api/v2/summary.json/login' } },
      '/api/v2/summary.json/login': {
        status: 401,
        headers: { 'content-type': 'text/plain' },
        body: INACTIVE,
      },
    });
    const { reader } = readerFor(server);
    const r = await reader.read();
    expect(r.snapshot).toBeNull();
    expect(r.stale).toBe(false);
    expect(r.unavailable?.reason).toBe('inactive');
    expect(r.unavailable?.detail).toContain('HTTP 401');
    expect(r.unavailable?.detail).toContain('Your page is inactive');
    expect(paths(server)).toEqual(['/api/v2/summary.json', '/api/v2/summary.json/login']);
  });

  it('an HTML page where JSON should be → not-json', async () => {
    const html = {
      status: 200,
      headers: { 'content-type': 'text/html' },
      body: '<!doctype html><title>Status</title>',
    };
    const server = await serve({
      '/api/v2/summary.json': html,
      '/api/v1/summary': html,
      '/summary.json': html,
      '/v2/components.json': html,
      '/index.json': html,
    });
    const { reader } = readerFor(server);
    const r = await reader.read();
    expect(r.snapshot).toBeNull();
    expect(r.unavailable?.reason).toBe('not-json');
  });

  it('HTML from a known page after a good read → not-json with the stale snapshot', async () => {
    const server = await serve({ '/api/v2/summary.json': jsonReply(GITHUB_OK) });
    const { reader, clock } = readerFor(server);
    await reader.read();
    server.route('/api/v2/summary.json', { status: 200, body: '<html><body>Just a moment...</body></html>' });
    clock.t += 61_000;
    const r = await reader.read();
    expect(r.unavailable?.reason).toBe('not-json');
    expect(r.stale).toBe(true);
    expect(r.snapshot?.level).toBe('operational');
  });

  it('truncated JSON → malformed', async () => {
    const server = await serve({ '/api/v2/summary.json': jsonReply(GITHUB_INCIDENT.slice(0, 5000)) });
    const { reader } = readerFor(server);
    const r = await reader.read();
    expect(r.unavailable?.reason).toBe('malformed');
    expect(r.unavailable?.detail).toMatch(/truncated JSON \(5000 bytes\)/);
    expect(r.unavailable?.detail).not.toContain('\n');
  });

  it('a 20 MB reply streamed without length → too-large, read no further than the cap', async () => {
    let written = 0;
    let closed = false;
    const server = await serve({
      '/api/v2/summary.json': (_req, res: ServerResponse) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        const total = 20 * 1024 * 1024;
        res.on('close', () => (closed = true));
        const pump = () => {
          while (written < total && !closed) {
            written += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end();
        };
        res.write('{"page":{"time_zone":"UTC","name":"');
        pump();
      },
    });
    const { reader } = readerFor(server);
    const heapBefore = process.memoryUsage().heapUsed;
    const r = await reader.read();
    expect(r.unavailable?.reason).toBe('too-large');
    expect(r.snapshot).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(closed).toBe(true);
    // Backpressure stopped the server long before 20 MB: we destroyed the body past 2 MiB.
    expect(written).toBeLessThan(12 * 1024 * 1024);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
  });

  it('a 20 MB reply announced by content-length is refused without reading it', async () => {
    const server = await serve({
      '/api/v2/summary.json': (_req, res: ServerResponse) => {
        res.writeHead(200, {
          'content-type': 'application/json',
          'content-length': String(20 * 1024 * 1024),
        });
        res.write('{');
      },
    });
    const { reader } = readerFor(server);
    const r = await reader.read();
    expect(r.unavailable?.reason).toBe('too-large');
  });

  it('a server that never answers → timeout within the deadline', async () => {
    const server = await serve({ '/api/v2/summary.json': () => undefined });
    const { reader } = readerFor(server, { fetchOptions: { deadlineMs: 600 } });
    const started = performance.now();
    const r = await reader.read();
    const elapsed = performance.now() - started;
    expect(r.unavailable?.reason).toBe('timeout');
    expect(elapsed).toBeGreaterThanOrEqual(550);
    expect(elapsed).toBeLessThan(3_000);
    // Terminal: the other providers' endpoints were not tried against a silent host.
    expect(paths(server)).toEqual(['/api/v2/summary.json']);
  });

  it('a redirect loop → http-error after 5 redirects', async () => {
    const server = await serve({
      '/api/v2/summary.json': { status: 302, headers: { location: '/api/v2/summary.json' } },
    });
    const { reader } = readerFor(server);
    const r = await reader.read();
    expect(r.unavailable?.reason).toBe('http-error');
    expect(r.unavailable?.detail).toMatch(/more than 5 redirects/);
    expect(paths(server).filter((p) => p === '/api/v2/summary.json')).toHaveLength(6);
  });

  it('connection refused → network', async () => {
    const server = await startStatusServer();
    const url = server.url;
    await server.close();
    const reader = new StatusPageReader({
      baseUrl: url,
      memory: new ProviderMemory(),
      fetchOptions: { env: {} },
    });
    const r = await reader.read();
    expect(r.unavailable?.reason).toBe('network');
    expect(r.unavailable?.detail).toContain('ECONNREFUSED');
  });

  it('a bad base URL → not-configured, no request', async () => {
    const reader = new StatusPageReader({ baseUrl: 'status dot example', memory: new ProviderMemory() });
    const r = await reader.read();
    expect(r).toEqual({
      snapshot: null,
      stale: false,
      unavailable: {
        reason: 'not-configured',
        detail: 'not a status page URL: status dot example',
        at: expect.any(String),
      },
    });
  });
});

describe('the status line of a reading', () => {
  it('says what is known, and never turns a failed read into an outage', async () => {
    const { describeStatusReading } = await import('../report/status-words');
    const server = await serve({ '/api/v2/summary.json': jsonReply(GITHUB_INCIDENT) });
    const { reader, clock } = readerFor(server);
    // GitHub's page of 2022, read now: shown with its dates, its level marked out of date.
    const first = describeStatusReading(await reader.read());
    expect(first).toContain('Incident with Packages and Pages');
    expect(first).toContain('(partial-outage, out of date)');
    server.route('/api/v2/summary.json', { status: 401, body: INACTIVE });
    clock.t += 61_000;
    const later = describeStatusReading(await reader.read());
    expect(later).toContain('Incident with Packages and Pages');
    expect(later).toMatch(/earlier reading \(stale, from 12:00 UTC\): now the status page is inactive/);
    expect(describeStatusReading(null)).toBe('No status page is configured.');
  });
});
