// Scoring of the scenario suite: accuracy, the confusion matrix and the calibration table.

import { describe, expect, it } from 'vitest';
import { calibrationLines, claimsRelease, matrixLines, scoreSuite, type ScoredCase } from './metrics';

const cases: ScoredCase[] = [
  { name: 'a', expected: 'overload', verdict: 'overload', confidence: 0.95 },
  { name: 'b', expected: 'overload', verdict: 'regional', confidence: 0.92 },
  { name: 'c', expected: 'healthy', verdict: 'healthy', confidence: 0.55 },
  { name: 'd', expected: 'account', verdict: 'unknown', confidence: 0.4 },
  { name: 'e', expected: 'maintenance', verdict: null, confidence: null },
];

describe('scoreSuite', () => {
  it('counts right answers and fills the matrix by expected row and said column', () => {
    const s = scoreSuite(cases);
    expect(s.cases).toBe(5);
    expect(s.right).toBe(2);
    expect(s.accuracy).toBeCloseTo(0.4);
    expect(s.matrix.overload?.overload).toBe(1);
    expect(s.matrix.overload?.regional).toBe(1);
    expect(s.matrix.account?.unknown).toBe(1);
    expect(s.matrix.maintenance?.none).toBe(1);
    expect(s.wrong.map((w) => w.name)).toEqual(['b', 'd', 'e']);
  });

  it('buckets confidence and reports the share right per bucket', () => {
    const s = scoreSuite(cases);
    const top = s.calibration.find((b) => b.from === 0.9);
    expect(top?.count).toBe(2);
    expect(top?.shareRight).toBeCloseTo(0.5);
    expect(top?.meanConfidence).toBeCloseTo(0.935);
    const low = s.calibration.find((b) => b.from === 0);
    expect(low?.count).toBe(2); // 0.4 and the missing diagnosis (0)
    expect(s.calibration.find((b) => b.from === 0.5)?.shareRight).toBe(1);
    // ECE: 2/5·|0.935−0.5| + 1/5·|0.55−1| + 2/5·|0.2−0|
    expect(s.ece).toBeCloseTo((2 / 5) * 0.435 + (1 / 5) * 0.45 + (2 / 5) * 0.2, 6);
    expect(s.brier).toBeGreaterThan(0);
  });

  it('a perfect, fully confident suite has accuracy 1, ECE 0 and Brier 0', () => {
    const s = scoreSuite([{ name: 'x', expected: 'healthy', verdict: 'healthy', confidence: 1 }]);
    expect([s.accuracy, s.ece, s.brier]).toEqual([1, 0, 0]);
  });

  it('prints a 10-row matrix and one line per bucket', () => {
    const s = scoreSuite(cases);
    expect(matrixLines(s)).toHaveLength(11);
    expect(matrixLines(s)[1]).toMatch(/^overload\s+1\s/);
    expect(calibrationLines(s)).toHaveLength(7);
  });
});

describe('claimsRelease', () => {
  it('catches a sentence that says the site changed, not one that says no change was seen', () => {
    expect(claimsRelease('The site was updated 7 minutes before the errors began')).toBe(true);
    expect(claimsRelease('A new release was deployed at 14:02')).toBe(true);
    expect(
      claimsRelease(
        'No new release of the site was seen close to when the errors began; the errors alone do not show a bad update',
      ),
    ).toBe(false);
    expect(claimsRelease('Cloudflare could not reach the servers (error 521)')).toBe(false);
  });
});
