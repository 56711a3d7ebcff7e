// Formatting helpers: percentages, latencies, durations and "ago".
import { describe, it, expect } from 'vitest';
import { asSentence, formatAgo, formatDuration, formatMs, formatPercent } from './format';

describe('format', () => {
  it('writes probabilities as whole percentages, tiny ones as <1%', () => {
    expect(formatPercent(0.824)).toBe('82%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(0.001)).toBe('<1%');
    expect(formatPercent(1.2)).toBe('>99%');
    expect(formatPercent(0.999)).toBe('>99%');
  });

  it('writes latencies in ms below a second, else seconds', () => {
    expect(formatMs(340.4)).toBe('340 ms');
    expect(formatMs(2400)).toBe('2.4 s');
    expect(formatMs(null)).toBe('—');
  });

  it('writes durations and ages in words', () => {
    expect(formatDuration(45_000)).toBe('45 s');
    expect(formatDuration(22 * 60_000)).toBe('22 min');
    expect(formatDuration(192 * 60_000)).toBe('3 h 12 min');
    expect(formatDuration(3 * 86_400_000)).toBe('3 days');
    const now = Date.parse('2026-11-25T14:30:00Z');
    expect(formatAgo('2026-11-25T14:29:50Z', now)).toBe('just now');
    expect(formatAgo('2026-11-25T14:08:00Z', now)).toBe('22 min ago');
  });

  it('ends a sentence with a full stop once', () => {
    expect(asSentence('Wait for it')).toBe('Wait for it.');
    expect(asSentence('Wait for it.')).toBe('Wait for it.');
    expect(asSentence('Is it back?')).toBe('Is it back?');
  });
});
