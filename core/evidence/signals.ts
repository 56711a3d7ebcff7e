// Reads the named signals of one probe from what the recognisers (./recognise) say about its status,
// headers and body: the boolean signals the classifier has always weighed are derived from them.

import { noSignals } from '../../shared/evidence/signals';
import type { ResponseSignals } from '../../shared/types/evidence';
import type { ProbeResult } from '../../shared/types/probe';
import type { Recognition } from '../../shared/types/recognition';
import { generic } from './recognise/generic';
import { recognise } from './recognise/index';
import { found } from './recognise/types';

/** What the recognisers make of one probe's answer, or null (no answer, or nothing recognised). */
export function recogniseProbe(probe: ProbeResult): Recognition | null {
  if (probe.status === null) return null;
  const seen = recognise({
    status: probe.status,
    ...(probe.reason !== undefined ? { reason: probe.reason } : {}),
    headers: probe.headers ?? {},
    body: probe.body ?? '',
  });
  // A bot check the probe itself labelled is one even when no recogniser knows the page.
  if (!seen && probe.outcome === 'challenge') return found(generic, 'cdn', 'bot-check');
  return seen;
}

const ORIGIN_MEANINGS = new Set(['origin-unreachable', 'origin-timeout', 'origin-error', 'origin-tls']);

/** The signals one probe shows. */
export function readSignals(probe: ProbeResult): ResponseSignals {
  const seen = recogniseProbe(probe);
  const status = probe.status ?? 0;
  const meaning = seen?.meaning ?? null;
  return {
    ...noSignals(),
    waitingRoom: meaning === 'queue',
    // A proxy's page for an origin it could not reach carries its template's Retry-After (Varnish's
    // builtin VCL always sends 5 s): that is not the service asking for room. (Hold-back still honours it.)
    retryAfter: (probe.headers ?? {})['retry-after'] !== undefined && !ORIGIN_MEANINGS.has(meaning ?? ''),
    maintenanceWording: meaning === 'maintenance',
    accessDenied: meaning === 'access-denied',
    challenge: meaning === 'bot-check' || probe.outcome === 'challenge',
    cloudflareOriginError:
      seen?.vendor === 'cloudflare' && ORIGIN_MEANINGS.has(seen.meaning) && status >= 520 && status <= 530,
    csrf: meaning === 'csrf',
    recognitions: seen ? [{ ...seen, count: 1 }] : [],
  };
}

/** The Cloudflare edge airport code from a `cf-ray: <id>-<COLO>` header, or null. */
export function edgeFromRay(ray: string | undefined): string | null {
  if (!ray) return null;
  const m = /-([A-Za-z]{3})\s*$/.exec(ray.trim());
  return m?.[1] ? m[1].toUpperCase() : null;
}
