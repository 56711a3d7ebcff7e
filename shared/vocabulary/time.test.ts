// Tests of the time wording: today's times without a date, every other time with one.

import { describe, it, expect } from 'vitest';
import { formatAt, formatDuration } from './time';

describe('formatAt', () => {
  const now = '2026-12-01T15:00:00.000Z';

  it('words a time of today as the clock only', () => {
    expect(formatAt('2026-12-01T09:05:00.000Z', now)).toBe('09:05 UTC');
  });

  it('carries the date for any other day, past or future', () => {
    expect(formatAt('2021-03-03T22:30:00.000Z', now)).toBe('3 Mar 2021, 22:30 UTC');
    expect(formatAt('2026-11-30T23:59:00.000Z', now)).toBe('30 Nov 2026, 23:59 UTC');
    expect(formatAt('2026-12-02T00:10:00.000Z', now)).toBe('2 Dec 2026, 00:10 UTC');
  });

  it('gives null for a missing or unreadable time', () => {
    expect(formatAt(null, now)).toBeNull();
    expect(formatAt('not a date', now)).toBeNull();
  });
});

describe('formatDuration', () => {
  it('writes every length of time one way', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(45_000)).toBe('45 s');
    expect(formatDuration(90_000)).toBe('1 min 30 s');
    expect(formatDuration(7 * 60_000)).toBe('7 min');
    expect(formatDuration(22 * 60_000 + 20_000)).toBe('22 min');
    expect(formatDuration(80 * 60_000)).toBe('1 h 20 min');
    expect(formatDuration(3 * 3_600_000)).toBe('3 h');
    expect(formatDuration(12 * 86_400_000)).toBe('12 days');
    expect(formatDuration(-5_000)).toBe('0 s');
    expect(formatDuration(Number.NaN)).toBe('0 s');
  });
});
