// The timeline's time axis in the user's local time: ticks on whole local hours (also in half-hour
// zones such as UTC+5:30), evenly spaced in real time across a DST change (no 4-hour gap), and local
// midnights for day ticks. Also fits the axis to the data a new install has, rather than a whole range.

import type { TimelineData } from '../../../shared/ipc/contract';

/** Minutes east of UTC at an instant (epoch ms), e.g. 330 in India, -240/-300 in New York. */
export type OffsetFn = (utcMs: number) => number;

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** Most ticks on the axis. */
const MAX_TICKS = 60;
/** Ticks the axis aims for at most (labels are about 70 px wide on a 720 px chart). */
const WANTED = 8;
const STEPS = [
  MIN,
  2 * MIN,
  5 * MIN,
  10 * MIN,
  15 * MIN,
  30 * MIN,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
];

/** The machine's own zone, from the Date object. */
export const localOffset: OffsetFn = (t) => -new Date(t).getTimezoneOffset();

/** A named IANA zone's offset, from Intl (for tests and for showing another zone). */
export function zoneOffset(timeZone: string): OffsetFn {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });
  return (t) => {
    const p: Record<string, number> = {};
    for (const part of format.formatToParts(t))
      if (part.type !== 'literal') p[part.type] = Number(part.value);
    const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!);
    return Math.round((wall - (t - (t % MIN))) / MIN);
  };
}

/** The instant a local wall-clock time (as epoch ms of that wall time in UTC) stands for. */
function fromWall(wall: number, offset: OffsetFn): number {
  const guess = wall - offset(wall) * MIN;
  return wall - offset(guess) * MIN;
}

/** Ticks for an axis from `from` to `to` (epoch ms), and whether they mark days (else clock times). */
export function timeAxis(
  from: number,
  to: number,
  offset: OffsetFn = localOffset,
): { ticks: number[]; days: boolean } {
  if (!Number.isFinite(from) || !Number.isFinite(to) || to < from) return { ticks: [], days: false };
  const span = to - from;
  const step = STEPS.find((s) => span / s <= WANTED);
  const ticks: number[] = [];
  if (step !== undefined) {
    // Even in real time, on whole local units: the phase comes from the offset at the start.
    const off = offset(from) * MIN;
    for (let t = Math.ceil((from + off) / step) * step - off; t <= to && ticks.length < MAX_TICKS; t += step)
      ticks.push(t);
    return { ticks, days: false };
  }
  // Local midnights, every `days` days (a DST day is 23 or 25 hours long).
  const days = Math.max(1, Math.ceil(span / DAY / WANTED));
  let wall = Math.ceil((from + offset(from) * MIN) / (days * DAY)) * days * DAY;
  // Bounded by count, not by reaching `to`: past the end of Date's range the offset is NaN.
  for (let i = 0; i < MAX_TICKS + 2 && ticks.length < MAX_TICKS; i++, wall += days * DAY) {
    const t = fromWall(wall, offset);
    if (!Number.isFinite(t) || t > to) break;
    if (t >= from) ticks.push(t);
  }
  return { ticks, days: true };
}

/** Probes starting within this of each other belong to one round (a round's probes start together). */
const ROUND_SPLIT_MS = 2_000;

/** Start times of the rounds among sorted sample times. */
function roundStarts(times: number[]): number[] {
  const starts: number[] = [];
  let last = -Infinity;
  for (const t of times) {
    if (t - last > ROUND_SPLIT_MS) starts.push(t);
    last = t;
  }
  return starts;
}

/**
 * The timeline narrowed to the span its samples cover when that is shorter than the range (a new
 * install): at least six rounds' worth (half a minute at the least), with a bucket count of about one
 * round each (at most `maxBuckets`). A range full of data is returned as it is, with `maxBuckets`.
 */
export function fitToData(data: TimelineData, maxBuckets: number): { data: TimelineData; buckets: number } {
  const from = Date.parse(data.from);
  const to = Date.parse(data.to);
  const times = data.samples
    .map((s) => Date.parse(s.at))
    .filter((t) => Number.isFinite(t) && t >= from && t <= to)
    .sort((a, b) => a - b);
  // No data, or data from (nearly) the range's start: the range is right as it is.
  if (!Number.isFinite(from) || !Number.isFinite(to) || times.length === 0)
    return { data, buckets: maxBuckets };
  if (times[0]! - from < (to - from) / 10) return { data, buckets: maxBuckets };
  const rounds = roundStarts(times);
  const gaps = rounds
    .slice(1)
    .map((t, i) => t - rounds[i]!)
    .sort((a, b) => a - b);
  // One round alone says nothing of the interval: assume the usual minute.
  const gap = Math.max(1_000, gaps[gaps.length >> 1] ?? MIN);
  const minSpan = Math.max(30_000, 6 * gap);
  const start = Math.max(from, Math.min(rounds[0]! - gap / 2, to - minSpan));
  if (start <= from) return { data, buckets: maxBuckets };
  const buckets = Math.max(1, Math.min(maxBuckets, Math.round((to - start) / gap)));
  return { data: { ...data, from: new Date(start).toISOString() }, buckets };
}
