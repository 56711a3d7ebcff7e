// The fake service: routes each request (site page, endpoints, static assets), works out which path
// it came by and what token it carried, keeps the scenario clock, and sends what the scenario's
// handler answers — or what a healthy service would.

import { createHash } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { hex, sitePage } from './pages';
import { html, json } from './replies';
import type { Build, HttpReply, Reply, ScenarioDefinition, SimRequest, TokenSeen } from './types';

/** The endpoints a scenario gets when it names none: the anonymous health check and the token check. */
export const DEFAULT_ENDPOINTS = [
  { name: 'health', path: '/health' },
  { name: 'user', path: '/chat/user/', auth: true },
];

/** Address tinyproxy binds its outgoing connections to, so the service can tell the alternate path. */
export const ALTERNATE_SOURCE_ADDRESS = '127.0.0.2';

/** Edge colos named in cf-ray per path. */
export const COLOS = { direct: 'AMS', alternate: 'FRA' } as const;

/** The service's changing state: the scenario clock and its counters. */
export interface ServiceState {
  /** The token the service accepts. */
  token: string;
  stage: number;
  /** performance.now() of the stage's first request, or null before it. */
  epoch: number | null;
  /** Wall-clock ms of the stage's first request. */
  epochWall: number | null;
  counters: Map<string, number>;
  /** Clock seconds are real seconds divided by this (a demo slows scenarios down). */
  timeScale: number;
  /** Wall-clock ms when the service started. */
  startedWall: number;
  /** Requests seen per route and path, for tests and the demo. */
  log: { route: string; via: string; status: number | 'hang' | 'reset'; token: TokenSeen }[];
}

/** A fresh state for a service accepting `token`. */
export function newServiceState(token: string, timeScale = 1): ServiceState {
  return {
    token,
    stage: 0,
    epoch: null,
    epochWall: null,
    counters: new Map(),
    timeScale,
    startedWall: Date.now(),
    log: [],
  };
}

/** Moves the scenario to its next stage (the clock restarts at the next request). */
export function advanceStage(state: ServiceState): void {
  state.stage += 1;
  state.epoch = null;
  state.epochWall = null;
  state.counters.clear();
}

function tokenSeen(header: string | undefined, token: string): TokenSeen {
  if (!header) return 'none';
  const match = /^Token\s+(\S+)$/i.exec(header.trim());
  return match && match[1] === token ? 'valid' : 'invalid';
}

/**
 * Whether the deploy has happened. A timed deploy also waits until the site page was served once
 * before it, so the first round sees the old build even when a loaded machine slows that round past
 * the deploy time (else the app, rightly, sees no change at all).
 */
function isDeployed(
  scenario: ScenarioDefinition,
  stage: number,
  t: number,
  siteServedBefore: boolean,
): boolean {
  const deploy = scenario.build?.deploy;
  if (!deploy) return false;
  const deployStage = deploy.stage ?? (deploy.at === undefined ? 1 : 0);
  if (stage > deployStage) return true;
  if (stage < deployStage) return false;
  return t >= (deploy.at ?? 0) && (deploy.at === undefined || deploy.at <= 0 || siteServedBefore);
}

/** Wall time the current build went live, for Last-Modified. */
function buildTime(scenario: ScenarioDefinition, state: ServiceState, deployed: boolean): number {
  const deploy = scenario.build?.deploy;
  if (!deployed || !deploy) return state.startedWall - 3 * 24 * 3600 * 1000;
  return (state.epochWall ?? state.startedWall) + (deploy.at ?? 0) * 1000 * state.timeScale;
}

function normalSite(scenario: ScenarioDefinition, build: Build, modified: number): HttpReply {
  const spec = scenario.build ?? { show: 'next', initial: build };
  const body = sitePage(build, spec.show === 'next' || spec.show === 'assets' ? spec.show : 'none');
  const etag = `"${createHash('sha1').update(build.id).digest('hex').slice(0, 20)}"`;
  const headers: Record<string, string> = {
    etag,
    'last-modified': new Date(Math.floor(modified / 1000) * 1000).toUTCString(),
    'cache-control': 'public, max-age=0, must-revalidate',
  };
  if (spec.show === 'version-header') headers['x-app-version'] = build.version;
  return html(200, body, headers);
}

function normalEndpoint(route: string, auth: boolean, token: TokenSeen): HttpReply {
  if (auth) {
    if (token === 'valid')
      return json(200, {
        user: { user: { id: 424242, username: 'sim_user', first_name: 'Sim' }, is_human: true },
      });
    return json(401, {
      detail: token === 'none' ? 'Authentication credentials were not provided.' : 'Invalid token.',
    });
  }
  if (route === 'health') return json(200, { redis: 'UP' });
  return json(200, { ok: true, route, items: [{ id: 1, name: 'Sim Character' }] });
}

function routeOf(scenario: ScenarioDefinition, path: string): { route: string; auth: boolean } {
  if (path === '/') return { route: 'site', auth: false };
  const endpoint = (scenario.endpoints ?? DEFAULT_ENDPOINTS).find((e) => e.path === path);
  if (endpoint) return { route: endpoint.name, auth: endpoint.auth === true };
  if (path.startsWith('/_next/static/') || path.startsWith('/static/') || path.startsWith('/assets/'))
    return { route: 'asset', auth: false };
  return { route: 'other', auth: false };
}

/** Builds the SimRequest a handler sees, advancing the clock and counters. */
export function describeRequest(
  scenario: ScenarioDefinition,
  state: ServiceState,
  req: IncomingMessage,
): { sim: SimRequest; auth: boolean } {
  const now = performance.now();
  if (state.epoch === null) {
    state.epoch = now;
    state.epochWall = Date.now();
  }
  const url = new URL(req.url ?? '/', 'http://sim.invalid');
  const { route, auth } = routeOf(scenario, url.pathname);
  const via =
    req.socket.remoteAddress?.endsWith(ALTERNATE_SOURCE_ADDRESS) ||
    /tinyproxy/i.test(String(req.headers.via ?? ''))
      ? 'alternate'
      : 'direct';
  const key = `${route}:${via}`;
  const siteServedBefore =
    (state.counters.get('site:direct') ?? 0) + (state.counters.get('site:alternate') ?? 0) > 0;
  const n = state.counters.get(key) ?? 0;
  state.counters.set(key, n + 1);
  const t = (now - state.epoch) / 1000 / state.timeScale;
  const sim: SimRequest = {
    route,
    path: url.pathname,
    via,
    token: tokenSeen(req.headers.authorization, state.token),
    t,
    n,
    stage: state.stage,
    deployed: isDeployed(scenario, state.stage, t, siteServedBefore),
    ray: `${hex(16)}-${COLOS[via]}`,
    host: req.headers.host ?? '127.0.0.1',
    headers: req.headers,
  };
  return { sim, auth };
}

/** What the service answers for one request (the handler's reply, or the healthy one). */
export function answer(
  scenario: ScenarioDefinition,
  state: ServiceState,
  sim: SimRequest,
  auth: boolean,
): Reply {
  const build =
    sim.deployed && scenario.build?.deploy ? scenario.build.deploy.build : scenario.build?.initial;
  const normal = (): HttpReply => {
    if (sim.route === 'site')
      return normalSite(
        scenario,
        build ?? { version: '1.0.0', id: 'b1a2c3d4e5f6a7b8c9d0' },
        buildTime(scenario, state, sim.deployed),
      );
    if (sim.route === 'asset')
      return {
        kind: 'http',
        status: 200,
        headers: { 'content-type': 'application/javascript' },
        body: '// asset\n',
      };
    if (sim.route === 'other') return json(404, { detail: 'Not found.' });
    return normalEndpoint(sim.route, auth, sim.token);
  };
  const handler = scenario.handlers?.[sim.route];
  return handler ? handler(sim, normal) : normal();
}

/** The request listener of the fake service for `scenario`. */
export function serviceHandler(scenario: ScenarioDefinition, state: ServiceState): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    const { sim, auth } = describeRequest(scenario, state, req);
    const reply = answer(scenario, state, sim, auth);
    if (state.log.length < 10_000)
      state.log.push({
        route: sim.route,
        via: sim.via,
        status: reply.kind === 'http' ? reply.status : reply.kind,
        token: sim.token,
      });
    if (reply.kind === 'hang') return;
    if (reply.kind === 'reset') {
      req.socket.resetAndDestroy();
      return;
    }
    const send = () => {
      if (res.destroyed) return;
      const headers: Record<string, string> = {
        ...(reply.verbatim ? {} : { server: 'cloudflare', 'cf-ray': sim.ray, 'cf-cache-status': 'DYNAMIC' }),
        ...reply.headers,
        'content-length': String(Buffer.byteLength(reply.body)),
      };
      if (reply.reason) res.writeHead(reply.status, reply.reason, headers);
      else res.writeHead(reply.status, headers);
      res.end(req.method === 'HEAD' ? undefined : reply.body);
    };
    if (reply.delayMs && reply.delayMs > 0) {
      const timer = setTimeout(send, reply.delayMs);
      res.on('close', () => clearTimeout(timer));
    } else send();
  };
}
