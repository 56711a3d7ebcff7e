// The report lists every local check (outcome, time, requests, what it saw) when they ran, and nothing otherwise.

import { describe, expect, it } from 'vitest';
import type { LocalCheckResult } from '../../shared/types/local';
import { LOCAL_CHECK_IDS } from '../../shared/types/local';
import { renderReport } from './report';
import { sampleDiagnosis, sampleEvidence, sampleInput } from '../testing/report-inputs';

function check(
  id: LocalCheckResult['check'],
  outcome: LocalCheckResult['outcome'],
  detail: string,
): LocalCheckResult {
  return { check: id, at: '2026-11-26T00:05:00.000Z', ms: 42, outcome, finding: null, detail, requests: 1 };
}

describe('local checks in the report', () => {
  it('lists every check and names the sub-cause', () => {
    const checks = LOCAL_CHECK_IDS.map((id) => check(id, 'ok', `${id} looked fine`));
    checks[2] = {
      ...check(
        'captive',
        'fault',
        'A sign-in page is intercepting: it sent you to | login.hotel.example (302)',
      ),
      finding: 'captive-redirect',
    };
    const diagnosis = {
      ...sampleDiagnosis(),
      verdict: 'local-network' as const,
      localCause: 'captive-portal' as const,
      evidence: sampleEvidence({ local: { reason: 'the service failed', checks, requests: 6 } }),
    };
    const md = renderReport(sampleInput({ diagnosis }), 'markdown');
    expect(md).toContain('### Checks of your own connection');
    expect(md).toContain('Found: **a Wi-Fi sign-in page**.');
    expect(md).toContain('Run because the service failed; 6 extra requests in all.');
    for (const label of [
      'DNS',
      'IPv4 and IPv6',
      'Wi-Fi sign-in page',
      'Proxy',
      'Certificate interception',
      'Clock',
    ]) {
      expect(md).toMatch(new RegExp(`^\\| ${label} \\| (fine|fault found) \\| 42 \\| 1 \\|`, 'm'));
    }
    // A pipe in remote text cannot break the table.
    expect(md).not.toContain('sent you to | login');
    const json = JSON.parse(renderReport(sampleInput({ diagnosis }), 'json')) as {
      diagnosis: { localCause: string; evidence: { local: { checks: unknown[] } } };
    };
    expect(json.diagnosis.localCause).toBe('captive-portal');
    expect(json.diagnosis.evidence.local.checks).toHaveLength(6);
  });

  it('says nothing about them when they did not run', () => {
    expect(renderReport(sampleInput(), 'markdown')).not.toContain('Checks of your own connection');
  });
});
