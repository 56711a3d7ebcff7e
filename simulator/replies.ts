// Reply builders scenarios use in their handlers: each fault as the fake service sends it, HTML for
// the site page and JSON for API endpoints.

import {
  challengePage,
  cloudflareErrorPage,
  csrfPage,
  gcsAccessDenied,
  internalErrorPage,
  maintenanceJson,
  maintenancePage,
  s3AccessDenied,
  waitingRoomJson,
  waitingRoomPage,
} from './pages';
import type { HttpReply, Reply, SimRequest } from './types';

const HTML = 'text/html; charset=utf-8';
const JSON_TYPE = 'application/json';

/** A JSON answer. */
export function json(status: number, value: unknown, headers: Record<string, string> = {}): HttpReply {
  return {
    kind: 'http',
    status,
    headers: { 'content-type': JSON_TYPE, ...headers },
    body: JSON.stringify(value),
  };
}

/** An HTML answer. */
export function html(status: number, body: string, headers: Record<string, string> = {}): HttpReply {
  return { kind: 'http', status, headers: { 'content-type': HTML, ...headers }, body };
}

/** The same reply sent after `ms` milliseconds. */
export function slow(reply: HttpReply, ms: number): HttpReply {
  return { ...reply, delayMs: ms };
}

/** A 500 "Internal Server Error" from the origin: an HTML page for the site, plain text for APIs. */
export function serverError(req: SimRequest): HttpReply {
  if (req.route === 'site') return html(500, internalErrorPage());
  return {
    kind: 'http',
    status: 500,
    headers: { 'content-type': 'text/plain' },
    body: 'Internal Server Error',
  };
}

/** A Cloudflare-generated 5xx (502, 504, 520–524) with its error page. */
export function cloudflareError(req: SimRequest, status: number): HttpReply {
  return html(status, cloudflareErrorPage(status, req.ray, req.host), {
    'cache-control': 'private, max-age=0, no-store, no-cache, must-revalidate',
  });
}

/** 503 Service Unavailable with `Retry-After` (load shedding). */
export function unavailable(req: SimRequest, retryAfterSeconds: number): HttpReply {
  const headers = { 'retry-after': String(retryAfterSeconds) };
  if (req.route === 'site')
    return html(
      503,
      '<!DOCTYPE html><title>503 Service Unavailable</title><h1>Service Unavailable</h1>',
      headers,
    );
  return json(503, { detail: 'Service temporarily unavailable, please try again later.' }, headers);
}

/** 503 with `Retry-After` and maintenance wording. */
export function maintenance(req: SimRequest, retryAfterSeconds: number): HttpReply {
  const until = new Date(Date.now() + retryAfterSeconds * 1000).toISOString().slice(11, 16) + ' UTC';
  const headers = { 'retry-after': String(retryAfterSeconds) };
  return req.route === 'site'
    ? html(503, maintenancePage(until), headers)
    : json(503, JSON.parse(maintenanceJson(until)) as unknown, headers);
}

/** A Cloudflare Waiting Room: the queue page for the site (status 200), 429 JSON for API clients. */
export function waitingRoom(req: SimRequest, minutes: number): HttpReply {
  const headers = { 'set-cookie': `__cfwaitingroom=${req.ray.split('-')[0]}; Path=/; HttpOnly; Secure` };
  return req.route === 'site'
    ? html(200, waitingRoomPage(minutes), { ...headers, 'cache-control': 'no-store' })
    : json(429, JSON.parse(waitingRoomJson(minutes)) as unknown, { 'retry-after': '20', ...headers });
}

/** Cloudflare's bot challenge: 403, `cf-mitigated: challenge`, "Just a moment...". */
export function challenge(req: SimRequest): HttpReply {
  return html(403, challengePage(req.ray), {
    'cf-mitigated': 'challenge',
    'cache-control': 'private, max-age=0, no-store, no-cache, must-revalidate',
  });
}

/** 403 with an object-store AccessDenied document. */
export function accessDenied(req: SimRequest, store: 's3' | 'gcs'): HttpReply {
  const body = store === 's3' ? s3AccessDenied() : gcsAccessDenied(req.path.replace(/^\//, ''));
  return { kind: 'http', status: 403, headers: { 'content-type': 'application/xml' }, body };
}

/** 401 with a "permission denied" JSON body. */
export function permissionDenied(status: 401 | 403): HttpReply {
  return json(status, { detail: 'Permission denied: this resource is not accessible.' });
}

/** Django's 403 "CSRF verification failed". */
export function csrf(): HttpReply {
  return html(403, csrfPage());
}

/** Accept the request and never answer. */
export const hang: Reply = { kind: 'hang' };

/** Reset the connection. */
export const reset: Reply = { kind: 'reset' };
