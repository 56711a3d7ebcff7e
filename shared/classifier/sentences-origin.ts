// The sentences for faults at the service's origin and the gateways in front of it: overload codes,
// proxies' origin-error pages, waiting rooms, over-capacity answers, gateway timeouts.

import { countOf, ORIGIN_FAULTS } from '../evidence/signals';
import { namedOr, pagesBy, recognised } from './recognition-words';
import { codes, names, times, verb } from './sentence-words';
import type { SentenceTable } from './sentence-words';

/** The sentences of the origin and gateway features (features-origin.ts). */
export const ORIGIN_SENTENCES = {
  'overload-codes': (f) => `The service answered ${codes(f.overloadCodes)}${pagesBy(f)}`,
  'cloudflare-origin-error': (f) =>
    f.cloudflareCodes.length > 0
      ? `Cloudflare, which sits in front of the service, could not get a proper answer from its servers (${codes(f.cloudflareCodes)})`
      : 'Cloudflare, which sits in front of the service, could not get a proper answer from its servers',
  'waiting-room': (f) =>
    `${namedOr(f, ['queue'], 'A waiting room queued the visit')} — sites switch that on when too many people arrive at once`,
  'retry-after': () => 'The service told browsers to come back later (it sent a Retry-After header)',
  'origin-down': (f) => recognised(f, ...ORIGIN_FAULTS),
  'origin-fault-once': (f) =>
    `${recognised(f, ...ORIGIN_FAULTS)}; asked once, so whether the servers behind it are busy or down is open`,
  'origin-dead': (f) =>
    `${recognised(f, ...ORIGIN_FAULTS)}, every time: the servers behind it are down, not just busy`,
  'overloaded-answer': (f) => recognised(f, 'overloaded'),
  'gateway-timeout': (f) =>
    `A gateway gave up waiting ${times(countOf(f.signals, 'origin-timeout'))}: the servers behind it are too slow to answer, or down`,
  'fails-on-every-path': (f) =>
    `${names(f.failingOnEveryPath)} ${verb(f.failingOnEveryPath, 'fails', 'fail')} through the alternate path too while ${names(f.workingNames)} ${verb(f.workingNames, 'works', 'work')}: that part of the service is broken, not a region`,
} satisfies SentenceTable;
