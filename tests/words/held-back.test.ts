// Endpoints held back by a Retry-After are listed with the second they are asked again, on the CLI
// (check table, diagnose text and its round lines) and in the report; never dropped, never "0 of 0".

import { describe, expect, it } from 'vitest';
import { roundSummary } from '../../cli/commands/diagnose';
import { checkTable, diagnosisText } from '../../cli/table';
import { renderReport } from '../../core/report/report';
import { sampleDiagnosis, sampleEvidence, sampleInput } from '../../core/testing/report-inputs';
import { roundOf } from '../../core/testing/test-rounds';
import type { Round } from '../../shared/types/monitor';
import type { HeldProbe } from '../../shared/types/probe';

const AT = Date.UTC(2026, 10, 26, 23, 42, 10);
const HELD: HeldProbe = {
  name: 'health',
  path: 'direct',
  until: '2026-11-26T23:44:10.000Z',
  reason: 'it answered 429 with Retry-After: 120',
};
const WORDS = 'held back until 23:44:10 UTC — the service asked for a pause';

function heldRound(probes: Parameters<typeof roundOf>[2]): Round {
  return { ...roundOf('Svc', AT, probes), heldBack: [HELD] };
}

describe('held-back endpoints', () => {
  it('keep their row in the check table, with the second they are asked again', () => {
    const table = checkTable(heldRound([{ name: 'site', outcome: 'ok' }]), 'UTC').join('\n');
    expect(table).toMatch(new RegExp(`^ {2}health\\s+direct\\s+–.*${WORDS}$`, 'm'));
  });

  it('are counted in the round line, which never says "0 of 0 answered"', () => {
    expect(roundSummary(heldRound([{ name: 'control', path: 'control', outcome: 'ok' }]))).toBe(
      `1 held back, ${WORDS}`,
    );
    expect(
      roundSummary(
        heldRound([
          { name: 'site', outcome: 'ok' },
          { name: 'user', path: 'anonymous', outcome: 'http-4xx', status: 401 },
        ]),
      ),
    ).toBe(`1 of 1 answered, 1 held back, ${WORDS}`);
  });

  it('are listed in the diagnosis text and the report', () => {
    const d = { ...sampleDiagnosis(), evidence: { ...sampleEvidence(), heldBack: [HELD] } };
    expect(diagnosisText(d, 'UTC').join('\n')).toContain(
      `    - health: ${WORDS} (it answered 429 with Retry-After: 120)`,
    );
    const input = sampleInput({ diagnosis: d });
    const md = renderReport({ ...input, lastRound: { ...input.lastRound!, heldBack: [HELD] } }, 'markdown');
    expect(md.replace(/\\/g, '')).toContain(`- health: ${WORDS} (it answered 429 with Retry-After: 120)`);
  });
});
