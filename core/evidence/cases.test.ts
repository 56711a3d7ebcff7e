// Tests of the evidence and verdicts for the table of synthetic cases, and that no secret leaks.

import { describe, it, expect } from 'vitest';
import { classify } from '../../shared/classifier/classify';
import { DIAGNOSIS_OUTCOMES } from '../../shared/types/diagnosis';
import { evidenceCases } from '../testing/evidence-cases';
import { buildEvidence } from './build';
import { probe, rounds, SAMPLE_TARGET } from '../testing/synthetic';

const cases = evidenceCases();

describe('the case table (evidence built from synthetic rounds)', () => {
  it('has at least three variants of every outcome', () => {
    for (const o of DIAGNOSIS_OUTCOMES) {
      expect(cases.filter((c) => c.expect === o).length, o).toBeGreaterThanOrEqual(3);
    }
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const d = classify(c.evidence);
    expect(d.verdict).toBe(c.expect);
    expect(d.ranking).toHaveLength(9);
    expect(d.ranking.reduce((a, r) => a + r.probability, 0)).toBeCloseTo(1, 9);
    if (c.expect !== 'unknown') {
      expect(d.ranking[0]!.for.length).toBeGreaterThan(0);
      expect(d.nextStep.length).toBeGreaterThan(10);
    }
  });

  it('a symptom with no suspect extension and no token asks for the token; with suspects, a clean session', () => {
    const thin = cases.find((c) => c.name.startsWith('unknown: symptom, every probe fine, no token'))!;
    const d = classify(thin.evidence);
    expect(d.verdict).toBe('unknown');
    expect(d.nextAction).toBe('add-token');
    expect(d.nextStep).toMatch(/^Add your token to test your account/);
    const suspects = cases.find((c) => c.name.startsWith('extensions: user sees an error'))!;
    expect(classify(suspects.evidence)).toMatchObject({ verdict: 'extensions', nextAction: 'clean-session' });
  });

  it('is deterministic over the whole table', () => {
    const again = evidenceCases();
    cases.forEach((c, i) => {
      expect(JSON.stringify(classify(c.evidence))).toBe(JSON.stringify(classify(again[i]!.evidence)));
    });
  });
});

describe('secrets', () => {
  it('never puts the token into the evidence or the diagnosis', () => {
    const token = 'tok_9f8e7d6c5b4a39281706f5e4d3c2b1a0secret';
    const evidence = buildEvidence({
      target: { ...SAMPLE_TARGET, auth: { scheme: 'Token', tokenEnv: 'WHY500_TOKEN' } },
      tokenConfigured: true,
      alternateConfigured: false,
      symptom: false,
      rounds: rounds(3, (_i, at) => ({
        probes: [
          probe(at, { name: 'site' }),
          // A hostile server echoing the token in its body, URL and error line: none of it may reach the output.
          {
            ...probe(at, {
              name: 'user',
              auth: true,
              status: 401,
              body: `{"detail":"Invalid token ${token}"}`,
            }),
            error: `401 for Token ${token}`,
            finalUrl: `https://plus.character.ai/chat/user/?t=${token}`,
          },
        ],
      })),
    });
    const out = JSON.stringify(classify(evidence));
    expect(out).not.toContain(token);
    expect(out).not.toContain('secret');
    expect(out).toContain('"tokenConfigured":true');
  });
});
