// How a probe held back by a Retry-After reads everywhere it is listed (CLI, report, window): never
// dropped, always with the moment, to the second, it will be asked again.

import type { HeldProbe } from '../types/probe';
import { formatAtSeconds } from './time';

/**
 * "held back until 23:44:10 UTC — the service asked for a pause"; `when` is the end of the hold already
 * written in the surface's clock (with seconds), by default in UTC.
 */
export function heldBackWords(
  h: Pick<HeldProbe, 'until'>,
  now: string | number | Date = Date.now(),
  when: string | null = formatAtSeconds(h.until, now),
): string {
  return `held back until ${when ?? 'a while'} — the service asked for a pause`;
}

/**
 * "health: held back until 23:44:10 UTC — the service asked for a pause (it answered 429 with
 * Retry-After: 120)".
 */
export function heldBackLine(h: HeldProbe, now: string | number | Date = Date.now()): string {
  const path = h.path === 'direct' ? '' : `${h.path} `;
  return `${path}${h.name}: ${heldBackWords(h, now)} (${h.reason})`;
}
