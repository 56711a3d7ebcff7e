// `why500 diagnose` (text): the part of the connection at fault and one line per local check.

import { describe, expect, it } from 'vitest';
import { diagnosisText } from '../../cli/table';
import { classify } from '../../shared/classifier/classify';
import { evidence } from '../../shared/testing/evidence';
import type { LocalCheckResult } from '../../shared/types/local';

const at = '2026-11-25T14:00:00.000Z';

describe('diagnose text output', () => {
  it('names the sub-cause and lists every check that ran', () => {
    const checks: LocalCheckResult[] = [
      {
        check: 'dns',
        at,
        ms: 12.4,
        outcome: 'ok',
        finding: null,
        detail: 'Your DNS server and 1.1.1.1 both found svc.test',
        requests: 1,
      },
      {
        check: 'clock',
        at,
        ms: 30,
        outcome: 'fault',
        finding: 'clock-off',
        detail: "Your computer's clock is 2 h 14 min behind the servers'",
        requests: 1,
        facts: { skewSeconds: 8040 },
      },
    ];
    const d = classify(evidence({ local: { reason: 'the service failed', checks, requests: 2 } }));
    const text = diagnosisText(d, 'UTC').join('\n');
    expect(text).toContain("  Your connection: your computer's clock (checked because the service failed)");
    expect(text).toContain('    DNS: fine — Your DNS server and 1.1.1.1 both found svc.test (12 ms)');
    expect(text).toContain(
      "    Clock: fault found — Your computer's clock is 2 h 14 min behind the servers' (30 ms)",
    );
    expect(text).toContain(
      "  Next step: Your computer's clock is 2 h 14 min behind: set the time automatically",
    );
    expect(diagnosisText(classify(evidence()), 'UTC').join('\n')).not.toContain('Your connection');
  });
});
