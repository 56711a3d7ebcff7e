// The sentences for the failures' shape: how many failed, a lone miss, on and off or every time,
// slower than usual, fast 500s, some endpoints failing while others work.

import { endpointLabel, ms, names, pct, ratioWords, times, verb } from './sentence-words';
import type { SentenceTable } from './sentence-words';

/** The sentences of the failure-shape features (features-failures.ts). */
export const FAILURES_SENTENCES = {
  'no-failures': (f, e) =>
    f.challenged > 0
      ? `All ${f.reachable} requests to ${e.target} succeeded (not counting ${f.challenged} bot check${f.challenged > 1 ? 's' : ''})`
      : `All ${f.reachable} requests to ${e.target} succeeded`,
  'failures-present': (f, e) =>
    `${f.failures} of ${f.attempts} requests to ${e.target} failed (${pct(f.failures / Math.max(1, f.attempts))}), on ${names(f.failingNames)}`,
  'isolated-failure': (f) =>
    `Only 1 of ${f.attempts} requests failed (on ${names(f.failingNames)}); a single miss is normal noise`,
  'latency-rise': (f) => {
    const l = f.latency;
    if (!l) return 'Responses are much slower than usual';
    return `Responses from ${endpointLabel(l.name)} took ${ms(l.medianMs)}, ${ratioWords(l.ratio)} this service's usual ${ms(l.baselineMs)}`;
  },
  intermittent: (f) => `Requests to ${names(f.intermittentNames)} fail on and off rather than every time`,
  consistent: (f) => `Every request to ${names(f.failingNames)} failed the same way once the errors began`,
  'fast-500s': (f) => {
    const ep = f.direct.find((x) => x.name === f.fast500Names[0]);
    const speed = ep?.medianErrorMs != null ? ` within ${ms(ep.medianErrorMs)}` : '';
    return `${names(f.fast500Names)} ${verb(f.fast500Names, 'fails', 'fail')}${speed} with 500 “Internal Server Error”, every time`;
  },
  'plain-500': (f) => {
    const n = f.errorCodes.find(([c]) => c === 500)?.[1] ?? 0;
    return `The service answered 500 “Internal Server Error” ${times(n)}`;
  },
  'partial-endpoints': (f) => {
    const working = f.workingNames.filter((n) => !f.partialFailingNames.includes(n));
    return `${names(f.partialFailingNames)} ${verb(f.partialFailingNames, 'fails', 'fail')} every time while ${names(working)} ${verb(working, 'works', 'work')}`;
  },
} satisfies SentenceTable;
