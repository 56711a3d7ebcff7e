// Tests of the one-line verdict: unknown names its leaders, "also possible" leaves none out.

import { describe, it, expect } from 'vitest';
import { alsoPossible, verdictHeadline, type VerdictParts } from './verdict';

const ranking = (list: [string, number][]) =>
  list.map(([cause, probability]) => ({ cause, probability })) as VerdictParts['ranking'];

describe('verdictHeadline', () => {
  it('names the leading causes and their shares when the verdict is unknown', () => {
    const d: VerdictParts = {
      verdict: 'unknown',
      confidence: 0.54,
      ranking: ranking([
        ['healthy', 0.54],
        ['maintenance', 0.24],
        ['overload', 0.12],
        ['account', 0.06],
        ['regional', 0.04],
      ]),
    };
    expect(verdictHeadline(d)).toBe('Unknown — Working normally 54%, Maintenance 24%');
    expect(alsoPossible(d).map((r) => r.cause)).toEqual(['overload', 'account']);
  });

  it('writes a clear verdict with its share, and lists every other cause of 5% or more', () => {
    const d: VerdictParts = {
      verdict: 'maintenance',
      confidence: 0.8,
      ranking: ranking([
        ['maintenance', 0.8],
        ['overload', 0.1],
        ['healthy', 0.05],
        ['account', 0.049],
      ]),
    };
    expect(verdictHeadline(d)).toBe("Maintenance (leads with 80% of the model's weight)");
    expect(alsoPossible(d).map((r) => r.cause)).toEqual(['overload', 'healthy']);
  });

  it('names only the leader when the runner-up is below 5%', () => {
    const d: VerdictParts = {
      verdict: 'unknown',
      confidence: 0.5,
      ranking: ranking([
        ['overload', 0.5],
        ['account', 0.03],
      ]),
    };
    expect(verdictHeadline(d)).toBe('Unknown — Overload 50%');
  });
});
