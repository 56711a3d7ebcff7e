// Overload: the servers are overwhelmed — intermittent 502/503/504/52x, Retry-After, slow answers,
// a Cloudflare Waiting Room, an incident on the status page. Outages end after a while (for the demo).

import { atlassianIncident, atlassianMaintenance, incidentIoIncident } from '../status-pages';
import { cloudflareError, json, serverError, slow, unavailable, waitingRoom } from '../replies';
import type { Handler, ScenarioDefinition } from '../types';
import { HEALTH_AND_USER, WITH_PUBLIC_API, rows, statusCount } from './common';

/** Seconds after which the overload scenarios recover (beyond any test window; the demo sees it). */
const RECOVERS_AT = 120;

/** Fails 3 requests in 4 per route and path (the 3rd, 7th… get through), slowly. */
const intermittent503: Handler = (r, normal) =>
  r.t < RECOVERS_AT && r.n % 4 !== 2 ? slow(unavailable(r, 30), 450) : slow(normal(), 300);

const cloudflareRotation: Handler = (r, normal) => {
  if (r.t >= RECOVERS_AT) return normal();
  const codes = [502, 504, 524, 0];
  const code = codes[r.n % codes.length] ?? 0;
  return code === 0 ? slow(normal(), 350) : slow(cloudflareError(r, code), code === 524 ? 900 : 500);
};

const slow500: Handler = (r, normal) =>
  r.t < RECOVERS_AT && r.n % 2 === 0 ? slow(serverError(r), 800) : slow(normal(), 600);

/** API rate limiting under load: 2 of 3 requests get 429 with Retry-After. */
const rateLimited: Handler = (r, normal) =>
  r.t < RECOVERS_AT && r.n % 3 !== 2
    ? slow(
        json(
          429,
          { detail: 'Request was throttled. Expected available in 60 seconds.' },
          { 'retry-after': '60' },
        ),
        250,
      )
    : slow(normal(), 400);

/** Fast in the first stage (the baseline run); slow with one 504 in four in the next. */
const againstBaseline: Handler = (r, normal) => {
  if (r.stage === 0) return normal();
  return r.n % 4 === 1 ? slow(cloudflareError(r, 504), 1500) : slow(normal(), 1400 + (r.n % 3) * 100);
};

/** The overload variants. */
export const OVERLOAD: ScenarioDefinition[] = [
  {
    name: 'overload-503-retry-after',
    outcome: 'overload',
    description:
      'Intermittent, slow 503s with Retry-After on the site and every endpoint while the status page (Atlassian) shows an open incident.',
    signals: ['503 + Retry-After', 'intermittent', 'slow', 'Atlassian incident'],
    statusPage: {
      kind: 'atlassian',
      summary: atlassianIncident({
        name: 'Elevated error rates',
        component: 'Chat',
        message: 'We are seeing elevated error rates due to high traffic and are adding capacity.',
      }),
    },
    endpoints: WITH_PUBLIC_API,
    handlers: {
      site: intermittent503,
      health: intermittent503,
      user: intermittent503,
      characters: intermittent503,
    },
    expectEvidence: {
      says: '503s with Retry-After were seen',
      check: (e) => statusCount(e, 503) > 0 && rows(e).some((r) => r.signals.retryAfter),
    },
  },
  {
    name: 'overload-cloudflare-52x-page-inactive',
    outcome: 'overload',
    description:
      'Cloudflare 502, 504 and 524 error pages in rotation with one success in four, slow; the status page is inactive (302 then 401).',
    signals: ['Cloudflare 502/504/524 pages', 'intermittent', 'status page inactive'],
    statusPage: { kind: 'inactive' },
    endpoints: WITH_PUBLIC_API,
    handlers: { site: cloudflareRotation, health: cloudflareRotation, characters: cloudflareRotation },
    expectEvidence: {
      says: 'Cloudflare origin errors were seen and the status page gave no information',
      check: (e) =>
        rows(e).some((r) => r.signals.cloudflareOriginError) &&
        !e.statusPage.available &&
        e.statusPage.configured,
    },
  },
  {
    name: 'overload-waiting-room',
    outcome: 'overload',
    description:
      'A Cloudflare Waiting Room: the site shows the queue page, the API answers 429 with the queue JSON and Retry-After; health says UP. No status page.',
    signals: ['waiting room page', '429 + Retry-After', 'no status page'],
    endpoints: WITH_PUBLIC_API,
    handlers: {
      site: (r, normal) => (r.t < RECOVERS_AT ? waitingRoom(r, 12) : normal()),
      characters: (r, normal) => (r.t < RECOVERS_AT ? slow(waitingRoom(r, 12), 200) : normal()),
    },
    expectEvidence: {
      says: 'the waiting room was recognised',
      check: (e) => rows(e).some((r) => r.signals.waitingRoom),
    },
  },
  {
    name: 'overload-slow-500-incidentio',
    outcome: 'overload',
    description:
      'Every other request fails with a slow 500 and the rest are slow; the incident.io status page reports an ongoing incident with partial outage.',
    signals: ['slow intermittent 500', 'incident.io incident'],
    statusPage: {
      kind: 'incidentio',
      ...incidentIoIncident({ name: 'Elevated error rates and latency', impact: 'partial_outage' }),
    },
    endpoints: WITH_PUBLIC_API,
    handlers: { site: slow500, health: slow500, characters: slow500 },
    expectEvidence: {
      says: 'the status page showed an open incident',
      check: (e) => e.statusPage.openIncidents >= 1,
    },
  },
  {
    name: 'overload-429-rate-limited',
    outcome: 'overload',
    description:
      'The API throttles two requests in three with 429 and Retry-After: 60 while the site page loads slowly; a valid token is set; no status page.',
    signals: ['429 + Retry-After', 'intermittent', 'token set', 'no status page'],
    token: 'valid',
    endpoints: WITH_PUBLIC_API,
    handlers: { site: (r, normal) => slow(normal(), 600), user: rateLimited, characters: rateLimited },
    expectEvidence: {
      says: '429s with Retry-After were seen',
      check: (e) => statusCount(e, 429) > 0 && rows(e).some((r) => r.signals.retryAfter),
    },
  },
  {
    name: 'overload-latency-vs-baseline',
    outcome: 'overload',
    description:
      'The last run saw everything answer within milliseconds (the baseline); now every answer takes about 1.5 s and one request in four times out at the edge with 504. No status page.',
    signals: ['latency far above its own baseline (remembered)', 'occasional 504', 'no status page'],
    priorRun: true,
    endpoints: WITH_PUBLIC_API,
    handlers: { site: againstBaseline, health: againstBaseline, characters: againstBaseline },
    expectEvidence: {
      says: 'a latency baseline from the last run was known',
      check: (e) =>
        rows(e).some((r) => r.baselineMs !== null && r.medianMs !== null && r.medianMs > r.baselineMs * 3),
    },
  },
  {
    name: 'overload-with-upcoming-maintenance',
    outcome: 'overload',
    decoyFor: 'maintenance',
    description:
      'Intermittent 503 + Retry-After under load while the status page only announces a maintenance two days ahead (not in progress).',
    signals: ['503 + Retry-After', 'intermittent', 'upcoming maintenance (decoy)'],
    statusPage: {
      kind: 'atlassian',
      summary: atlassianMaintenance({ inProgress: false, startsInHours: 48 }),
    },
    endpoints: HEALTH_AND_USER,
    handlers: { site: intermittent503, health: intermittent503 },
    expectEvidence: {
      says: 'the maintenance was seen as upcoming, not in progress',
      check: (e) => e.statusPage.maintenanceUpcoming && !e.statusPage.maintenanceInProgress,
    },
  },
];
