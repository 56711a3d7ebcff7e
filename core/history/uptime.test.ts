// Uptime from stored rounds: rounds grouped from probe samples, the time watched as the denominator
// (gaps the monitor was not running left out), failing time from failing rounds, and the heartbeat.
import { describe, expect, it } from 'vitest';
import type { HistorySample } from './codec';
import { HistoryStore } from './history';
import { groupRounds, summarizeUptime, type RoundMark } from './uptime';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 5, 10, 12);

function sample(at: number, over: Partial<HistorySample> = {}): HistorySample {
  return {
    at,
    target: 'Svc',
    name: 'site',
    path: 'direct',
    outcome: 'ok',
    status: 200,
    timings: { dns: 1, connect: 2, tls: 3, firstByte: 50, total: 60 },
    ...over,
  };
}

/** Rounds every minute from `from` to `to` (exclusive), failing where `fails(at)`. */
function minutely(from: number, to: number, fails: (at: number) => boolean = () => false): RoundMark[] {
  const out: RoundMark[] = [];
  for (let at = from; at < to; at += MIN) out.push({ at, probes: 3, failed: fails(at) ? 1 : 0 });
  return out;
}

describe('groupRounds', () => {
  it('puts probes that start together in one round', () => {
    const rounds = groupRounds([
      { at: 1_000, failed: false },
      { at: 61_000, failed: true },
      { at: 1_020, failed: true },
      { at: 61_005, failed: false },
      { at: 1_010, failed: false },
    ]);
    expect(rounds).toEqual([
      { at: 1_000, probes: 3, failed: 1 },
      { at: 61_000, probes: 2, failed: 1 },
    ]);
  });
});

describe('summarizeUptime', () => {
  it('counts a failing round until the next round as failing time', () => {
    const rounds = minutely(NOW - DAY, NOW, (at) => at >= NOW - 2 * HOUR && at < NOW - 2 * HOUR + 30 * MIN);
    const day = summarizeUptime('Svc', rounds, NOW, { keptMs: 7 * DAY }).windows[0]!;
    expect(day.label).toBe('24 h');
    expect(day.watchedMs).toBe(DAY);
    expect(day.failingMs).toBe(30 * MIN);
    expect(day.failedRounds).toBe(30);
    expect(day.rounds).toBe(24 * 60);
  });

  it('leaves the time the monitor was not running out of the denominator', () => {
    // Watched 06:00–08:00 and 10:00–12:00 only (asleep in between and before).
    const rounds = [
      ...minutely(NOW - 6 * HOUR, NOW - 4 * HOUR, (at) => at < NOW - 6 * HOUR + 12 * MIN),
      ...minutely(NOW - 2 * HOUR, NOW),
    ];
    const [day, week, month] = summarizeUptime('Svc', rounds, NOW, { keptMs: 7 * DAY }).windows;
    // The last round before the gap counts up to the gap limit (three usual gaps: 3 min), not across
    // the 2-hour gap: 119 min + 3 min, then 2 h.
    expect(day!.watchedMs).toBe(4 * HOUR + 2 * MIN);
    expect(day!.failingMs).toBe(12 * MIN);
    expect(week!.watchedMs).toBe(day!.watchedMs);
    expect(month!.spanMs).toBe(30 * DAY);
  });

  it('gives the last rounds as the heartbeat, oldest first', () => {
    const rounds = minutely(NOW - HOUR, NOW, (at) => at === NOW - MIN);
    const { heartbeat } = summarizeUptime('Svc', rounds, NOW, { keptMs: 7 * DAY, beats: 3 });
    expect(heartbeat).toEqual([
      { at: new Date(NOW - 3 * MIN).toISOString(), probes: 3, failed: 0 },
      { at: new Date(NOW - 2 * MIN).toISOString(), probes: 3, failed: 0 },
      { at: new Date(NOW - MIN).toISOString(), probes: 3, failed: 1 },
    ]);
  });

  it('has nothing watched without rounds', () => {
    const w = summarizeUptime('Svc', [], NOW, { keptMs: 7 * DAY }).windows;
    expect(w.map((x) => x.watchedMs)).toEqual([0, 0, 0]);
  });
});

describe('HistoryStore.uptime', () => {
  it('computes from the stored probes of the service only', () => {
    const store = new HistoryStore(null, { now: () => NOW });
    for (let at = NOW - HOUR; at < NOW; at += MIN) {
      const failing = at >= NOW - 10 * MIN;
      store.appendSamples([
        sample(at, failing ? { outcome: 'http-5xx', status: 503 } : {}),
        sample(at + 5, { name: 'health' }),
        // A failing control (the user's network) and the tokenless check are not the service.
        sample(at + 7, { name: 'example.com', path: 'control', outcome: 'timeout-connect', status: null }),
        sample(at + 9, { name: 'chat', path: 'anonymous', outcome: 'http-4xx', status: 401 }),
        sample(at + 3, { target: 'Other', outcome: 'http-5xx', status: 500 }),
      ]);
    }
    const summary = store.uptime('Svc');
    const day = summary.windows[0]!;
    expect(day.rounds).toBe(60);
    expect(day.failedRounds).toBe(10);
    expect(day.watchedMs).toBe(HOUR);
    expect(day.failingMs).toBe(10 * MIN);
    expect(summary.heartbeat.at(-1)).toEqual({ at: new Date(NOW - MIN).toISOString(), probes: 2, failed: 1 });
    expect(summary.keptMs).toBe(7 * DAY);
  });
});
