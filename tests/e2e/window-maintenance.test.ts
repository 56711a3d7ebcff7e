// End to end: planned maintenance in progress on the status page, 503 with maintenance wording.
import { describeScenarioWindow } from './support/scenario-window';

describeScenarioWindow({
  scenario: 'maintenance-atlassian-in-progress',
  states: ['outage', 'degraded'],
  verdict: /is in planned maintenance|most likely because of planned maintenance/,
  topCause: 'Maintenance',
  evidence: /maintenance/i,
  timeline: /\d+ failed \(\d+ server error \(5xx\).*(Down|Failing|Maintenance|Degraded) from/,
  status: /in progress/,
});
