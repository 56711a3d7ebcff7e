// The pace of an observation window; the observation itself is tested through the app core
// (create.test.ts) and the CLI.

import { describe, expect, it } from 'vitest';
import { roundTimes } from './observe';

describe('roundTimes', () => {
  it('probes every interval and once more at the end of the window', () => {
    expect(roundTimes(0, 5000)).toEqual([0]);
    expect(roundTimes(2000, 1000)).toEqual([0, 1000, 2000]);
    expect(roundTimes(3000, 5000)).toEqual([0, 3000]);
    expect(roundTimes(12_000, 5000)).toEqual([0, 5000, 10_000, 12_000]);
  });
});
