// Every sentence the monitor's events can say, once each, so a change of wording shows in one diff.

import { describe, expect, it } from 'vitest';
import { probe } from '../testing/synthetic';
import {
  causeChangedText,
  causeClause,
  endpointAnswer,
  failedChecksReason,
  interceptedReason,
  intermittentText,
  localNetworkText,
  outageText,
  recoveryText,
  slowText,
  streakReason,
  windowReason,
} from './event-text';

describe('event wording', () => {
  it('says each event and reason the same way', () => {
    const at = '2026-11-25T14:00:00.000Z';
    expect([
      causeClause('overload', 0.82),
      causeClause('unknown', 0.5),
      endpointAnswer(probe(at, { name: 'health', status: 503 })),
      endpointAnswer(probe(at, { name: 'site', outcome: 'timeout-connect' })),
      interceptedReason('a sign-in page'),
      failedChecksReason(3, 4, 0),
      failedChecksReason(3, 4, 1),
      streakReason('health (HTTP 503)', 6),
      windowReason(9, 12, 3, 4),
      outageText('Svc', windowReason(9, 12, 3, 4), 'overload', 0.82),
      outageText('Svc', null, null, null),
      recoveryText('Svc', 90_000),
      localNetworkText('Svc'),
      intermittentText('Svc', 35, 'bad-update', null),
      slowText('Svc', 2.345, null, null),
      causeChangedText('Svc', 'overload', 'maintenance', 0.7, 'outage'),
      causeChangedText('Svc', null, 'overload', null, 'degraded'),
    ]).toEqual([
      " Likely cause: the servers are overwhelmed by traffic (82% of the model's weight).",
      '',
      'health (HTTP 503)',
      'site (timeout-connect)',
      'a Wi-Fi sign-in page answers in place of other sites (a sign-in page)',
      '3 of 4 checks failed',
      '3 of 4 checks failed (1 held back: the service asked to wait)',
      'health (HTTP 503) failed 6 times in a row',
      '9 of its last 12 checks failed, in 3 of the last 4 rounds',
      "Svc is down: 9 of its last 12 checks failed, in 3 of the last 4 rounds. Likely cause: the servers are overwhelmed by traffic (82% of the model's weight).",
      'Svc is failing for you, and the cause is not clear yet: its checks keep failing.',
      'Svc is back: it answers normally again (the failures lasted about 1 min 30 s).',
      'Your network has a problem: the control sites failed too, so Svc itself cannot be judged right now.',
      'Svc has intermittent errors: 35% of its recent requests failed. Likely cause: a recent release broke something.',
      'Svc is slow: answers take about 2.3× its usual time.',
      "Svc: the likely cause changed from overload to maintenance (70% of the model's weight). Svc is in planned maintenance.",
      'Svc: the likely cause changed to overload. Svc is slow or partly failing.',
    ]);
  });
});
