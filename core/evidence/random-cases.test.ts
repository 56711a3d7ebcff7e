// Tests of the classifier on seeded random evidence windows.

import { describe, it, expect } from 'vitest';
import { classify } from '../../shared/classifier/classify';
import { DIAGNOSIS_OUTCOMES } from '../../shared/types/diagnosis';
import { calibration, randomCases } from '../testing/random-cases';

// 40 noisy windows per outcome (360), seeded: the same draw every run.
const cases = randomCases(40, 2026);
const results = cases.map((c) => ({ truth: c.truth, d: classify(c.evidence) }));

describe('the classifier on seeded random windows', () => {
  it('draws every outcome', () => {
    for (const o of DIAGNOSIS_OUTCOMES) expect(cases.filter((c) => c.truth === o)).toHaveLength(40);
  });

  it('is right on at least 90% of the windows where it names a verdict, and names one on most', () => {
    const decided = results.filter((r) => r.d.verdict !== 'unknown');
    const right = decided.filter((r) => r.d.verdict === r.truth);
    expect(decided.length / results.length).toBeGreaterThan(0.8);
    expect(right.length / decided.length).toBeGreaterThanOrEqual(0.9);
  });

  it('is calibrated: the leader probability matches how often the leader is right (error ≤ 0.1)', () => {
    const { expectedError, rows } = calibration(
      results.map((r) => ({ confidence: r.d.confidence, right: r.d.ranking[0]!.cause === r.truth })),
    );
    expect(expectedError).toBeLessThanOrEqual(0.1);
    const high = rows.filter((row) => row.from >= 0.8 && row.cases >= 10);
    for (const row of high) expect(row.shareRight).toBeGreaterThanOrEqual(0.8);
  });

  it('never calls a healthy window an outage cause with high confidence', () => {
    for (const r of results.filter((x) => x.truth === 'healthy')) {
      if (r.d.verdict !== 'healthy') expect(r.d.confidence).toBeLessThan(0.7);
    }
  });
});
