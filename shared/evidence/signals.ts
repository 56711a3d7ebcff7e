// The named response signals as values: an empty set and the union of sets. Pure, so the core's
// evidence builder, the classifier and test fixtures all start from the same "nothing seen".

import type { ResponseSignals } from '../types/evidence';

/** A signals object with nothing seen. */
export function noSignals(): ResponseSignals {
  return {
    waitingRoom: false,
    retryAfter: false,
    maintenanceWording: false,
    accessDenied: false,
    challenge: false,
    cloudflareOriginError: false,
    csrf: false,
  };
}

const SIGNAL_NAMES = Object.keys(noSignals()) as (keyof ResponseSignals)[];

/** The union of signal sets: a signal seen in any of them is seen (none seen for no sets). */
export function mergeSignals(...sets: ResponseSignals[]): ResponseSignals {
  const out = noSignals();
  for (const set of sets) for (const name of SIGNAL_NAMES) if (set[name]) out[name] = true;
  return out;
}
