// The named response signals as values: an empty set and the union of sets. Pure, so the core's
// evidence builder, the classifier and test fixtures all start from the same "nothing seen".

import type { ResponseSignals } from '../types/evidence';
import type { Meaning, Recognition, SeenRecognition } from '../types/recognition';

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
    recognitions: [],
  };
}

type FlagName = Exclude<keyof ResponseSignals, 'recognitions'>;

const FLAG_NAMES = (Object.keys(noSignals()) as (keyof ResponseSignals)[]).filter(
  (n): n is FlagName => n !== 'recognitions',
);

/** The key two recognitions share when they are the same finding. */
function recognitionKey(r: Recognition): string {
  return `${r.vendor}\u0000${r.meaning}\u0000${r.code ?? ''}`;
}

/** The union of signal sets: a signal seen in any of them is seen; recognitions add up (none seen for no sets). */
export function mergeSignals(...sets: ResponseSignals[]): ResponseSignals {
  const out = noSignals();
  const seen = new Map<string, SeenRecognition>();
  for (const set of sets) {
    for (const name of FLAG_NAMES) if (set[name]) out[name] = true;
    for (const r of set.recognitions ?? []) {
      const key = recognitionKey(r);
      const had = seen.get(key);
      if (had) had.count += r.count;
      else seen.set(key, { ...r });
    }
  }
  out.recognitions = [...seen.values()].sort((a, b) => b.count - a.count);
  return out;
}

/** The recognitions of a signal set with one of `meanings`, most seen first. */
export function recognitionsOf(signals: ResponseSignals, ...meanings: Meaning[]): SeenRecognition[] {
  return (signals.recognitions ?? []).filter((r) => meanings.includes(r.meaning));
}

/** How many answers of a signal set carried a recognition with one of `meanings`. */
export function countOf(signals: ResponseSignals, ...meanings: Meaning[]): number {
  return recognitionsOf(signals, ...meanings).reduce((n, r) => n + r.count, 0);
}

/** What the classifier reads as an origin fault: the proxy could not reach it, it timed out, or it failed. */
export const ORIGIN_FAULTS: readonly Meaning[] = ['origin-unreachable', 'origin-timeout', 'origin-error'];
