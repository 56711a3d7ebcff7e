// Features of the network path and region: the usual route against the alternate one, the unrelated
// control sites, a local fault, no answer at all, DNS, refusals of public addresses, bot checks,
// firewalls, location blocks and network filters.

import { patterned, seen, type FeatureScan } from './feature-scan';

/** Adds the features that speak for or against a fault of the user's connection, route or region. */
export function networkFeatures(s: FeatureScan): void {
  const { e, f, on, anyFailure, isolated, localFault } = s;
  if (e.alternateConfigured && f.directRate !== null && f.alternateRate !== null) {
    if (f.directRate >= 0.5 && f.alternateRate <= 0.2) on.add('direct-fails-alternate-ok');
    else if (f.directRate >= 0.5 && f.alternateRate >= 0.5) on.add('both-paths-fail');
    if (
      anyFailure &&
      f.directEdges.length > 0 &&
      f.alternateEdges.length > 0 &&
      !f.directEdges.some((x) => f.alternateEdges.includes(x))
    ) {
      on.add('edge-differs');
    }
  } else if (!e.alternateConfigured && anyFailure) {
    on.add('no-alternate');
  }

  if (f.controlRate !== null) {
    if (f.controlRate >= 0.5) on.add('controls-fail');
    else if (f.controlRate > 0) on.add('controls-partial');
    else if (!localFault) on.add('controls-ok');
  }
  if (localFault) on.add('local-fault');
  if (anyFailure && !isolated && f.transportFailures === f.failures) on.add('transport-only');
  if (f.dnsFailures > 0) on.add('dns-failures');
  if (f.httpFailures > 0) on.add('server-answered');

  if (f.deniedNames.length > 0) {
    on.add('anon-denied');
    if (e.alternateConfigured && f.deniedOnAlternate) on.add('denied-all-paths');
  }
  if (f.signals.accessDenied) on.add('access-denied-body');
  if (f.challenged > 0 || f.signals.challenge) on.add('challenge');

  if (!patterned(s)) return;
  // Blocked on the usual route only (read above, with the alternate path): where the request comes from.
  if (seen(f, 'firewall-block', 'ip-ban'))
    on.add(on.has('direct-fails-alternate-ok') ? 'firewall-one-path' : 'firewall-block');
  if (seen(f, 'geo-block')) on.add('geo-block');
  if (seen(f, 'network-filter')) on.add('network-filter');
}
