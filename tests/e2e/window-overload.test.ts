// End to end: the overload scenario (intermittent slow 503s with Retry-After, an Atlassian incident).
import { describeScenarioWindow } from './support/scenario-window';

describeScenarioWindow({
  scenario: 'overload-503-retry-after',
  states: ['outage', 'degraded'],
  verdict: /most likely because of too much traffic on their servers/,
  topCause: 'Overload',
  evidence: /503|Retry-After/i,
  timeline: /\d+ failed \(\d+ server error \(5xx\).*(Down|Failing|Maintenance|Degraded) from/,
  status: /Elevated error rates/,
});
