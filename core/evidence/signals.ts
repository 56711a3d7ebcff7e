// Reads the named signals (waiting room, Retry-After, maintenance wording, access denied, bot
// check, Cloudflare origin error, CSRF) from one probe's status, headers and body start.

import type { ResponseSignals } from '../../shared/types/evidence';
import type { ProbeResult } from '../../shared/types/probe';

const WAITING_ROOM = /cf[-_]?waiting[-_]?room|waiting room|you are (?:now )?in (?:the )?(?:line|queue)/i;
const MAINTENANCE =
  /\b(?:down for (?:scheduled )?maintenance|scheduled maintenance|under maintenance|maintenance (?:mode|window|in progress)|undergoing maintenance|planned maintenance|scheduled downtime)\b/i;
const ACCESS_DENIED =
  /<Code>\s*AccessDenied\s*<\/Code>|\bAccessDenied\b|permission denied|access denied|PERMISSION_DENIED|\bforbidden\b/i;
const CHALLENGE =
  /<title>\s*just a moment\.\.\.|\/cdn-cgi\/challenge-platform\/|cf-chl-|challenges\.cloudflare\.com/i;
const CSRF = /CSRF verification failed|CSRF token (?:missing|incorrect|invalid)/i;

/** The signals one probe shows. */
export function readSignals(probe: ProbeResult): ResponseSignals {
  const status = probe.status ?? 0;
  const body = probe.body ?? '';
  const headers = probe.headers ?? {};
  const headerNames = Object.keys(headers).join(' ');
  const challenge =
    probe.outcome === 'challenge' ||
    (headers['cf-mitigated'] ?? '').toLowerCase().includes('challenge') ||
    ((status === 403 || status === 503 || status === 429) && CHALLENGE.test(body));
  const csrf = status === 403 && CSRF.test(body);
  return {
    waitingRoom: /waiting-?room/i.test(headerNames) || WAITING_ROOM.test(body),
    retryAfter: headers['retry-after'] !== undefined,
    maintenanceWording: status >= 500 && MAINTENANCE.test(body),
    accessDenied: !challenge && !csrf && (status === 401 || status === 403) && ACCESS_DENIED.test(body),
    challenge,
    cloudflareOriginError: status >= 520 && status <= 527,
    csrf,
  };
}

/** The Cloudflare edge airport code from a `cf-ray: <id>-<COLO>` header, or null. */
export function edgeFromRay(ray: string | undefined): string | null {
  if (!ray) return null;
  const m = /-([A-Za-z]{3})\s*$/.exec(ray.trim());
  return m?.[1] ? m[1].toUpperCase() : null;
}
