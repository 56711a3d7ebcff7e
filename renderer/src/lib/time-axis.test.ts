// The time axis in local time: whole local hours in a half-hour zone, even spacing across DST changes,
// local midnights for days, from the zone's real rules (Intl) and from the process's own zone (TZ).
import { afterEach, describe, expect, it } from 'vitest';
import { fitToData, localOffset, timeAxis, zoneOffset } from './time-axis';
import { overloadTimeline } from '../testing/fixtures';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** "HH:MM" of an instant in a zone. */
function clock(t: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(t);
}

const gaps = (ticks: number[]) => ticks.slice(1).map((t, i) => t - ticks[i]!);

describe('timeAxis in a half-hour zone (Asia/Kolkata, UTC+5:30)', () => {
  const kolkata = zoneOffset('Asia/Kolkata');

  it('puts day-range ticks on whole local hours, every 3 hours', () => {
    const to = Date.UTC(2026, 10, 25, 14, 7);
    const { ticks, days } = timeAxis(to - DAY, to, kolkata);
    expect(days).toBe(false);
    expect(ticks.map((t) => clock(t, 'Asia/Kolkata'))).toEqual([
      '21:00',
      '00:00',
      '03:00',
      '06:00',
      '09:00',
      '12:00',
      '15:00',
      '18:00',
    ]);
    // The old ticks were on UTC hours, which read as :30 here.
    expect(ticks.some((t) => t % HOUR === 0)).toBe(false);
  });

  it('puts hour-range ticks on round local ten minutes and week ticks on local midnights', () => {
    const to = Date.UTC(2026, 10, 25, 14, 7);
    const hour = timeAxis(to - HOUR, to, kolkata);
    expect(hour.ticks.map((t) => clock(t, 'Asia/Kolkata').slice(3))).toEqual([
      '40',
      '50',
      '00',
      '10',
      '20',
      '30',
    ]);
    const week = timeAxis(to - 7 * DAY, to, kolkata);
    expect(week.days).toBe(true);
    expect(week.ticks).toHaveLength(7);
    expect(week.ticks.every((t) => clock(t, 'Asia/Kolkata') === '00:00')).toBe(true);
  });
});

describe('timeAxis across DST changes (America/New_York)', () => {
  const newYork = zoneOffset('America/New_York');

  for (const [name, change] of [
    ['autumn (back to EST)', Date.UTC(2026, 10, 1, 6)],
    ['spring (on to EDT)', Date.UTC(2026, 2, 8, 7)],
  ] as const) {
    it(`keeps day ticks 3 hours apart on whole local hours in ${name}`, () => {
      const { ticks } = timeAxis(change - 12 * HOUR, change + 12 * HOUR, newYork);
      expect(ticks.length).toBeGreaterThanOrEqual(7);
      expect(new Set(gaps(ticks))).toEqual(new Set([3 * HOUR]));
      expect(ticks.every((t) => clock(t, 'America/New_York').endsWith(':00'))).toBe(true);
    });

    it(`keeps week ticks on local midnights in ${name}`, () => {
      const { ticks, days } = timeAxis(change - 3.5 * DAY, change + 3.5 * DAY, newYork);
      expect(days).toBe(true);
      expect(ticks.every((t) => clock(t, 'America/New_York') === '00:00')).toBe(true);
      // One of the days is 23 or 25 hours long; none is off by more.
      expect(gaps(ticks).every((g) => Math.abs(g - DAY) <= HOUR)).toBe(true);
      expect(gaps(ticks).some((g) => g !== DAY)).toBe(true);
    });
  }
});

describe('timeAxis in the process time zone (TZ)', () => {
  // The renderer project has no Node types; the tests still run in Node, whose Date follows TZ.
  const env = (globalThis as unknown as { process: { env: Record<string, string | undefined> } }).process.env;
  const saved = env.TZ;
  afterEach(() => {
    if (saved === undefined) delete env.TZ;
    else env.TZ = saved;
  });

  it('follows TZ=Asia/Kolkata and TZ=America/New_York with the default offset', () => {
    env.TZ = 'Asia/Kolkata';
    expect(localOffset(Date.UTC(2026, 10, 25))).toBe(330);
    const to = Date.UTC(2026, 10, 25, 14, 7);
    const india = timeAxis(to - DAY, to).ticks;
    expect(india.every((t) => new Date(t).getMinutes() === 0 && new Date(t).getHours() % 3 === 0)).toBe(true);

    env.TZ = 'America/New_York';
    const change = Date.UTC(2026, 10, 1, 6);
    const ny = timeAxis(change - 12 * HOUR, change + 12 * HOUR).ticks;
    expect(new Set(gaps(ny))).toEqual(new Set([3 * HOUR]));
    expect(ny.every((t) => new Date(t).getMinutes() === 0)).toBe(true);
    const week = timeAxis(change - 3.5 * DAY, change + 3.5 * DAY).ticks;
    expect(week.every((t) => new Date(t).getHours() === 0 && new Date(t).getMinutes() === 0)).toBe(true);
  });
});

describe('fitToData', () => {
  it('narrows a new install’s week to the minutes it has, about one bucket a round', () => {
    const full = overloadTimeline('week');
    const to = Date.parse(full.to);
    const samples = full.samples.slice(-1);
    const young = {
      ...full,
      samples: [0, 1, 2, 3].map((i) => ({ ...samples[0]!, at: new Date(to - (3 - i) * MIN).toISOString() })),
    };
    const { data, buckets } = fitToData(young, 84);
    // Four rounds a minute apart: at least six rounds (or five minutes) of axis, not a week.
    expect(to - Date.parse(data.from)).toBe(6 * MIN);
    expect(buckets).toBe(6);
  });

  it('takes the probes of one round (started milliseconds apart) as one round, not as many', () => {
    const full = overloadTimeline('hour');
    const to = Date.parse(full.to);
    const one = full.samples.at(-1)!;
    const young = {
      ...full,
      samples: [0, 3, 7, 12].map((ms) => ({ ...one, at: new Date(to - 10_000 + ms).toISOString() })),
    };
    // One round says nothing of the interval: six minutes' worth of axis (the usual minute), six slices.
    const { data, buckets } = fitToData(young, 60);
    expect(to - Date.parse(data.from)).toBe(6 * MIN);
    expect(buckets).toBe(6);
  });

  it('leaves a range full of data alone', () => {
    const full = overloadTimeline('hour');
    expect(fitToData(full, 60)).toEqual({ data: full, buckets: 60 });
  });
});
