// The wording fixes of issue 17, each pinned: failures named as what they are, counts that mean what they
// say, no promise the command line cannot keep, seconds where a hold ends.

import { describe, expect, it } from 'vitest';
import { describe as describeFeature } from '../classifier/explain';
import { readFacts } from '../classifier/features';
import { nextStep } from '../classifier/next-step';
import { endpoint, evidence } from '../testing/evidence';
import { formatAtSeconds } from './time';
import { heldBackWords } from './held-back';
import { DIAGNOSIS_OUTCOMES } from '../types/diagnosis';

describe('wording', () => {
  it('names DNS and certificate failures as such, not as "timeouts or broken connections"', () => {
    const e = evidence({ endpoints: [endpoint('health', { fail: 4, transport: 'dns', code: null })] });
    const text = describeFeature('transport-only', readFacts(e), e);
    expect(text).toBe(
      'No answer came back at all (the address could not be looked up (DNS)) rather than an error page',
    );
    const cert = evidence({ endpoints: [endpoint('health', { fail: 4, code: null })] });
    cert.endpoints[0]!.outcomes = { 'tls-cert': 2, 'timeout-connect': 2 };
    expect(describeFeature('transport-only', readFacts(cert), cert)).toBe(
      'No answer came back at all (certificate or secure-connection failures and timeouts) rather than an error page',
    );
  });

  it('counts failed lookups as checks over rounds, never "twice" after one round', () => {
    const e = evidence({
      rounds: 1,
      endpoints: [
        endpoint('site', { attempts: 1, fail: 1, transport: 'dns', code: null }),
        endpoint('health', { attempts: 1, fail: 1, transport: 'dns', code: null }),
      ],
    });
    const text = describeFeature('dns-failures', readFacts(e), e);
    expect(text).toBe("The service's address could not be looked up (DNS) in 2 checks over 1 round");
    expect(text).not.toMatch(/twice/);
  });

  it('never promises that "this app" tells when it recovers without naming how (a CLI run exits)', () => {
    for (const outcome of DIAGNOSIS_OUTCOMES) {
      const step = nextStep(evidence(), outcome, 'healthy', false, { first: 0.9, second: 0.05 }).sentence;
      if (/tells you when/.test(step)) expect(step, outcome).toContain('"why500 watch"');
    }
  });

  it('writes the end of a hold with its seconds', () => {
    expect(formatAtSeconds('2026-11-26T23:44:10.000Z', '2026-11-26T23:42:00.000Z')).toBe('23:44:10 UTC');
    expect(heldBackWords({ until: '2026-11-26T23:44:10.000Z' }, '2026-11-26T23:42:00.000Z')).toBe(
      'held back until 23:44:10 UTC — the service asked for a pause',
    );
  });
});
