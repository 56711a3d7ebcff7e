// Builds a simulator world from each http entry of the real-response corpus (tests/corpus): the fake
// service answers the entry's status, headers and body verbatim on the routes that a real fault of
// that kind hits, and the world's expected verdict is the manifest's `cause`.

import { recognise } from '../core/evidence/recognise/index';
import { loadCorpus, type HttpCorpusEntry } from '../tests/corpus/load';
import type { Verdict } from '../shared/types/diagnosis';
import { slow } from './replies';
import { HEALTH_AND_USER } from './scenarios/common';
import type { EndpointSpec, Handler, HttpReply, ScenarioDefinition } from './types';

/** Health, the token check, and two public resources (a listing and a config file). */
const ENDPOINTS: EndpointSpec[] = [
  ...HEALTH_AND_USER,
  { name: 'characters', path: '/chat/characters/trending/' },
  { name: 'app-config', path: '/config/app.json' },
];

const PUBLIC_RESOURCES = ['characters', 'app-config'];
const API_ROUTES = ['health', 'user', ...PUBLIC_RESOURCES];
const ALL_ROUTES = ['site', ...API_ROUTES];

/** Headers that describe the recorded connection or encoding, not the answer; the simulator sets its own. */
const HOP_HEADERS = new Set([
  'content-length',
  'transfer-encoding',
  'connection',
  'content-encoding',
  'keep-alive',
]);

/** Which routes fail and how, for one world. */
export interface WorldShape {
  /** Routes that answer the entry. */
  routes: string[];
  /** Only requests by the direct path (the alternate path, a real tinyproxy, works). */
  directOnly?: boolean;
  /** Only requests that carry a token (the token endpoint with the user's token). */
  withTokenOnly?: boolean;
  /** Fail 2 requests in 3, slowly (load), instead of every request. */
  intermittent?: boolean;
  /** In words, for the world's description. */
  says: string;
}

/** A corpus world: the scenario and the entry it replays. */
export interface CorpusWorld {
  entry: HttpCorpusEntry;
  shape: WorldShape;
  scenario: ScenarioDefinition;
}

/** The entry as the fake service sends it: its own status line, headers and body, nothing added. */
export function recordedReply(entry: HttpCorpusEntry): HttpReply {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(entry.headers))
    if (!HOP_HEADERS.has(name)) headers[name] = value;
  return {
    kind: 'http',
    status: entry.status,
    ...(entry.reason ? { reason: entry.reason } : {}),
    headers,
    body: entry.body,
    verbatim: true,
  };
}

/** The routes a real fault of this kind hits, from the manifest's cause and meaning. */
function shapeOf(entry: HttpCorpusEntry): WorldShape {
  switch (entry.cause) {
    case 'overload':
      return { routes: ALL_ROUTES, intermittent: true, says: 'every route, 2 requests in 3, slowly' };
    case 'maintenance':
      return { routes: ALL_ROUTES, says: 'every route, every request' };
    case 'regional':
      return {
        routes: ALL_ROUTES,
        directOnly: true,
        says: 'every route on the direct path; the alternate path works',
      };
    case 'account':
      return { routes: ['user'], withTokenOnly: true, says: 'the token endpoint, with the token only' };
    case 'local-network':
      // A filter on the user's network answers its block page on the usual route; the alternate path
      // (a proxy elsewhere) and the unrelated control sites get through.
      return {
        routes: ALL_ROUTES,
        directOnly: true,
        says: "every route on the direct path (the network's filter); the alternate path works",
      };
    case 'permissions':
      return entry.meaning === 'firewall-block' || entry.meaning === 'ip-ban'
        ? { routes: ALL_ROUTES, says: 'every route, every request' }
        : { routes: PUBLIC_RESOURCES, says: 'the public resources only; the site and health load' };
    default:
      if (entry.meaning === 'app-crash' || entry.meaning === 'error-in-200' || entry.meaning === 'not-found')
        return { routes: API_ROUTES, says: 'every API endpoint; the site loads' };
      return { routes: ALL_ROUTES, says: 'every route, every request' };
  }
}

function handlerFor(reply: HttpReply, shape: WorldShape): Handler {
  return (req, normal) => {
    if (shape.directOnly && req.via !== 'direct') return normal();
    if (shape.withTokenOnly && req.token === 'none') return normal();
    if (shape.intermittent) return req.n % 3 !== 2 ? slow(reply, 400) : slow(normal(), 300);
    return reply;
  };
}

/** The world of one corpus http entry. */
export function corpusWorld(entry: HttpCorpusEntry): CorpusWorld {
  const shape = shapeOf(entry);
  const reply = recordedReply(entry);
  const handler = handlerFor(reply, shape);
  const outcome: Verdict = entry.cause;
  const scenario: ScenarioDefinition = {
    name: `corpus-${entry.id}`,
    outcome,
    description: `Replays ${entry.file} (${entry.vendor}, ${entry.meaning}${entry.code ? ` ${entry.code}` : ''}) on ${shape.says}.`,
    signals: [entry.vendor, entry.layer, entry.meaning, ...(entry.code ? [entry.code] : [])],
    token: 'valid',
    endpoints: ENDPOINTS,
    ...(shape.directOnly ? { alternatePath: true } : {}),
    handlers: Object.fromEntries(shape.routes.map((route) => [route, handler])),
    expectEvidence: {
      says: `the recorded ${entry.status} answer was seen`,
      check: (e) =>
        [...(e.site ? [e.site] : []), ...e.endpoints].some(
          (r) => (r.statuses[String(entry.status)] ?? 0) > 0,
        ),
    },
  };
  return { entry, shape, scenario };
}

/** A world for every http entry of the corpus, in manifest order. */
export function corpusWorlds(): CorpusWorld[] {
  return loadCorpus()
    .filter((e): e is HttpCorpusEntry => e.kind === 'http')
    .map(corpusWorld);
}

/**
 * The vendor name the recognisers give an entry from what a probe sees (status line with its reason
 * phrase, headers, body), or null when only the wording fallback knows it.
 */
export function vendorNameOf(entry: HttpCorpusEntry): string | null {
  const seen = recognise({
    status: entry.status,
    reason: entry.reason,
    headers: entry.headers,
    body: entry.body,
  });
  return seen && seen.vendor !== 'generic' ? seen.name : null;
}
