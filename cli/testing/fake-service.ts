// A small fake web service for the CLI's tests, on 127.0.0.1: a site page, a health endpoint, an
// authenticated user endpoint, a control site and an Atlassian-style status page. Its behaviour can be
// switched while a CLI child process probes it, so tests can watch it fail and recover.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the fake service answers. */
export type FakeMode =
  /** Everything answers normally. */
  | 'ok'
  /** Site, health and user answer 503 quickly with a plain error page. */
  | 'down'
  /** Site, health and user answer 500 and echo the request's Authorization header and query in the body. */
  | 'echo';

/** A running fake service. */
export interface FakeService {
  url: string;
  /** Current mode; change it at any time. */
  mode: FakeMode;
  /** Authorization headers received (to check the token was sent, and only where it should be). */
  authSeen: string[];
  /** Requests received, by path. */
  hits: Map<string, number>;
  /** The status page's `summary.json` body; change it at any time (default: all operational). */
  statusBody: string;
  /** A config file body pointing at this service. */
  config(extra?: Record<string, unknown>, target?: Record<string, unknown>): Record<string, unknown>;
  close(): Promise<void>;
}

const SUMMARY = {
  page: {
    id: 'x',
    name: 'Fake',
    url: 'http://127.0.0.1',
    time_zone: 'Etc/UTC',
    updated_at: '2026-11-26T00:00:00.000Z',
  },
  status: { indicator: 'none', description: 'All Systems Operational' },
  components: [{ id: 'c1', name: 'API', status: 'operational', group_id: null, group: false }],
  incidents: [],
  scheduled_maintenances: [],
};

/** The default status summary: all operational. */
export const FAKE_STATUS_SUMMARY: Record<string, unknown> = SUMMARY;

/** Starts the fake service; `token` is the only Authorization value `/user` accepts. */
export async function startFakeService(token: string): Promise<FakeService> {
  const state = {
    mode: 'ok' as FakeMode,
    authSeen: [] as string[],
    hits: new Map<string, number>(),
    statusBody: JSON.stringify(SUMMARY),
  };
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://x');
    state.hits.set(url.pathname, (state.hits.get(url.pathname) ?? 0) + 1);
    if (req.headers.authorization) state.authSeen.push(req.headers.authorization);
    const send = (status: number, body: string, type = 'text/html', headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), ...headers });
      res.end(body);
    };
    if (url.pathname === '/control') return send(204, '');
    if (url.pathname === '/status/api/v2/summary.json')
      return send(200, state.statusBody, 'application/json');
    if (url.pathname.startsWith('/status/')) return send(404, 'not found', 'text/plain');
    const own = ['/', '/health', '/user'].includes(url.pathname);
    if (!own) return send(404, 'not found', 'text/plain');
    if (state.mode === 'down') return send(503, '<html><title>503 Service Unavailable</title></html>');
    if (state.mode === 'echo') {
      return send(
        500,
        `Internal Server Error. You sent: ${req.headers.authorization ?? '(none)'} ${req.url ?? ''}`,
        'text/plain',
      );
    }
    if (url.pathname === '/') {
      return send(200, '<html><head><title>Fake</title></head><body>hello</body></html>', 'text/html', {
        etag: '"build-1"',
      });
    }
    if (url.pathname === '/health') return send(200, '{"redis":"UP"}', 'application/json');
    if (req.headers.authorization !== `Token ${token}`)
      return send(401, '{"detail":"bad token"}', 'application/json');
    return send(200, '{"user":{"name":"me"}}', 'application/json');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const fake: FakeService = {
    url,
    get mode() {
      return state.mode;
    },
    set mode(m: FakeMode) {
      state.mode = m;
    },
    authSeen: state.authSeen,
    hits: state.hits,
    get statusBody() {
      return state.statusBody;
    },
    set statusBody(body: string) {
      state.statusBody = body;
    },
    config(extra = {}, target = {}) {
      return {
        controls: [`${url}/control`],
        browserProfiles: [],
        targets: [
          {
            name: 'Fake',
            site: `${url}/`,
            endpoints: [
              { name: 'health', url: `${url}/health` },
              { name: 'user', url: `${url}/user`, auth: true },
            ],
            statusPage: `${url}/status`,
            auth: { scheme: 'Token', tokenEnv: 'WHY500_FAKE_TOKEN' },
            ...target,
          },
        ],
        ...extra,
      };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return fake;
}
