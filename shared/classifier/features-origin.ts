// Features of faults at the service's origin and the gateways in front of it: overload codes, a
// proxy's origin-error pages (down, dead, or asked once), a waiting room, Retry-After, an over-capacity
// answer, a gateway timeout, and part of the service failing on every path.

import { ORIGIN_FAULTS } from '../evidence/signals';
import { patterned, seen, type FeatureScan } from './feature-scan';

/**
 * Adds the features that speak for or against the service's servers being overloaded or down.
 * Reads 'direct-fails-alternate-ok' (networkFeatures), so it runs after that.
 */
export function originFeatures(s: FeatureScan): void {
  const { f, on, anyFailure, isolated } = s;
  if (!isolated && f.unexplainedOverloadAnswers > 0) on.add('overload-codes');
  if (!isolated && (f.cloudflareCodes.length > 0 || f.signals.cloudflareOriginError)) {
    on.add('cloudflare-origin-error');
  }
  if (f.signals.waitingRoom) on.add('waiting-room');
  if (f.signals.retryAfter && anyFailure) on.add('retry-after');

  if (!patterned(s)) return;
  // Now and then, or with answers that vary: the servers behind it are overwhelmed. The very same
  // answer every time: they are down, for a reason the answer does not tell (a crash, a broken
  // release, a switched-off backend).
  if (seen(f, ...ORIGIN_FAULTS)) {
    const sameEveryTime =
      f.allFailingConsistent && f.errorCodes.length === 1 && f.signals.recognitions.length === 1;
    // One answer from each failing endpoint (held back by Retry-After, or a single look) cannot
    // show whether the fault comes and goes or is there every time: load and a dead backend stay open.
    const answeredOnce = f.failingNames.length > 0 && f.direct.every((ep) => ep.failures <= 1);
    on.add(sameEveryTime ? 'origin-dead' : answeredOnce ? 'origin-fault-once' : 'origin-down');
  }
  // The service's own words: over capacity.
  if (seen(f, 'overloaded')) on.add('overloaded-answer');
  // A gateway that gave up waiting: the servers behind it are slow or down, whatever the pattern.
  // (On the usual route only, the route is the question: the path comparison speaks to that.)
  if (seen(f, 'origin-timeout') && !on.has('direct-fails-alternate-ok')) on.add('gateway-timeout');
  // Some endpoints fail on every path while others work: that part of the service, not a region.
  if (f.failingOnEveryPath.length > 0 && f.workingNames.length > 0) on.add('fails-on-every-path');
}
