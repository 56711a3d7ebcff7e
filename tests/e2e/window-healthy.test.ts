// End to end: everything answers normally and the status page says all is operational.
import { describeScenarioWindow } from './support/scenario-window';

describeScenarioWindow({
  scenario: 'healthy-operational',
  states: ['healthy'],
  verdict: /is (working|answering) normally/,
  topCause: 'Working normally',
  evidence: /./,
  timeline: /checks, none failed/,
  status: /Operational/,
});
