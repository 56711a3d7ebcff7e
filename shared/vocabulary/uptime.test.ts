// Uptime words: 100% only without a failure, one decimal rounded down otherwise, coverage always said.
import { describe, expect, it } from 'vitest';
import type { UptimeWindow } from '../types/uptime';
import { uptimeCoverage, uptimeLine, uptimePercent } from './uptime';

const DAY = 86_400_000;
const w = (over: Partial<UptimeWindow>): UptimeWindow => ({
  label: '24 h',
  spanMs: DAY,
  watchedMs: DAY,
  failingMs: 0,
  rounds: 1440,
  failedRounds: 0,
  ...over,
});

describe('uptime words', () => {
  it('says 100% only when nothing failed', () => {
    expect(uptimePercent(w({}))).toBe('100%');
    // One failing minute in a day is 99.93%: it must not round up to 100.
    expect(uptimePercent(w({ failingMs: 60_000, failedRounds: 1 }))).toBe('99.9%');
    expect(uptimePercent(w({ failingMs: 1, failedRounds: 1 }))).toBe('99.9%');
    expect(uptimePercent(w({ failingMs: DAY / 4, failedRounds: 300 }))).toBe('75.0%');
    expect(uptimePercent(w({ failingMs: DAY, failedRounds: 1440 }))).toBe('0.0%');
  });

  it('measures against the time watched and says how much that was', () => {
    const half = w({ watchedMs: DAY / 2, failingMs: DAY / 8, failedRounds: 10, rounds: 720 });
    expect(uptimePercent(half)).toBe('75.0%');
    expect(uptimeCoverage(half)).toBe('watched 12 h of 24 h');
    expect(uptimeLine(half)).toBe('24 h: 75.0% (10 of 720 rounds failed; watched 12 h of 24 h)');
    expect(uptimeLine(w({}))).toBe('24 h: 100% (no round failed; watched all of it)');
  });

  it('gives no figure for a window nobody watched', () => {
    const none = w({ watchedMs: 0, rounds: 0 });
    expect(uptimePercent(none)).toBeNull();
    expect(uptimeLine(none)).toBe('24 h: no rounds (not watched)');
  });
});
