// Queries over the in-memory sample columns: an endpoint's latency baseline, a target's newest sample
// and the samples its uptime is counted from.

import type { UptimeSummary } from '../../shared/types/uptime';
import { isFailure } from '../../shared/types/probe';
import type { SampleStore } from './sample-store';
import { groupRounds, summarizeUptime, UPTIME_WINDOWS, type UptimeSample } from './uptime';

/**
 * Median total latency (ms, two decimals) of the newest `count` `ok` samples of series `id` taken
 * at or after `cutoff`, or null without any.
 */
export function medianOkLatency(
  store: SampleStore,
  id: number,
  cutoff: number,
  count: number,
): number | null {
  const values: number[] = [];
  store.scanBackwards((slot, at, series) => {
    if (at < cutoff) return false;
    if (series === id && store.outcomeAt(slot) === 'ok') values.push(store.totalAt(slot));
    return values.length < count;
  });
  if (values.length === 0) return null;
  values.sort((a, b) => a - b);
  const mid = values.length >> 1;
  const m = values.length % 2 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
  return Math.round(m * 100) / 100;
}

/** When the newest stored sample of a target was taken (epoch ms), or null when there is none. */
export function newestSampleAt(store: SampleStore, target: string): number | null {
  let found: number | null = null;
  store.scanBackwards((_slot, at, series) => {
    if (store.seriesTarget(series) !== target) return true;
    found = at;
    return false;
  });
  return found;
}

/**
 * Uptime of a target over 24 h, 7 d and 30 d and its last rounds, from the stored probes of the
 * service itself (controls, alternate paths and tokenless checks left out). `keptMs`: how long
 * samples are kept.
 */
export function uptimeOf(store: SampleStore, target: string, now: number, keptMs: number): UptimeSummary {
  const from = now - UPTIME_WINDOWS[UPTIME_WINDOWS.length - 1]!.spanMs;
  const samples: UptimeSample[] = [];
  // Whether each series is the target's own direct probe, looked up once per series, not per sample.
  const wanted: (boolean | undefined)[] = [];
  const isWanted = (series: number): boolean =>
    (wanted[series] ??= store.seriesTarget(series) === target && store.seriesPath(series) === 'direct');
  store.scanBackwards((slot, at, series) => {
    // Samples are nearly in time order (rounds of different targets interleave): stop well before `from`.
    if (at < from - 600_000) return false;
    if (at >= from && at <= now && isWanted(series))
      samples.push({ at, failed: isFailure(store.outcomeAt(slot)) });
    return true;
  });
  return summarizeUptime(target, groupRounds(samples), now, { keptMs });
}
