// Uptime from stored probe samples: samples are grouped into rounds (a round's probes start together),
// each round covers the time until the next one unless the gap is too long to count as watched, and a
// round with any failing probe of the service counts its time as failing. Pure functions of their input.

import type { Beat, UptimeSummary, UptimeWindow } from '../../shared/types/uptime';

/** One probe of the watched service, as uptime needs it. */
export interface UptimeSample {
  at: number;
  failed: boolean;
}

/** One round: when it started, its probes and failures. */
export interface RoundMark {
  at: number;
  probes: number;
  failed: number;
}

/** Probes starting further apart than this belong to different rounds. */
const ROUND_SPLIT_MS = 2_000;
/** The least a round counts as watched when rounds are sparse. */
const MIN_GAP_LIMIT_MS = 120_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The windows reported, shortest first. */
export const UPTIME_WINDOWS: readonly { label: string; spanMs: number }[] = [
  { label: '24 h', spanMs: DAY },
  { label: '7 d', spanMs: 7 * DAY },
  { label: '30 d', spanMs: 30 * DAY },
];

/** Groups samples (any order) into rounds, oldest first. */
export function groupRounds(samples: UptimeSample[]): RoundMark[] {
  const sorted = samples.filter((s) => Number.isFinite(s.at)).sort((a, b) => a.at - b.at);
  const rounds: RoundMark[] = [];
  let last = -Infinity;
  for (const s of sorted) {
    if (s.at - last > ROUND_SPLIT_MS || rounds.length === 0) rounds.push({ at: s.at, probes: 0, failed: 0 });
    const r = rounds[rounds.length - 1]!;
    r.probes++;
    if (s.failed) r.failed++;
    last = s.at;
  }
  return rounds;
}

/**
 * The longest gap between two rounds that still counts as watched: three times the usual (median) gap,
 * at least two minutes. A longer gap means the monitor was not running (computer asleep, app closed).
 */
export function gapLimit(rounds: RoundMark[]): number {
  const gaps: number[] = [];
  for (let i = 1; i < rounds.length; i++) gaps.push(rounds[i]!.at - rounds[i - 1]!.at);
  if (gaps.length === 0) return MIN_GAP_LIMIT_MS;
  gaps.sort((a, b) => a - b);
  return Math.max(MIN_GAP_LIMIT_MS, 3 * gaps[gaps.length >> 1]!);
}

/** Uptime windows and the heartbeat of the last `beats` rounds, as of `now`. */
export function summarizeUptime(
  target: string,
  rounds: RoundMark[],
  now: number,
  options: { keptMs: number; beats?: number },
): UptimeSummary {
  const limit = gapLimit(rounds);
  const windows: UptimeWindow[] = UPTIME_WINDOWS.map(({ label, spanMs }) => {
    const from = now - spanMs;
    const w: UptimeWindow = { label, spanMs, watchedMs: 0, failingMs: 0, rounds: 0, failedRounds: 0 };
    rounds.forEach((r, i) => {
      if (r.at > now) return;
      const end = Math.min(rounds[i + 1]?.at ?? now, r.at + limit, now);
      const start = Math.max(r.at, from);
      if (r.at >= from) {
        w.rounds++;
        if (r.failed > 0) w.failedRounds++;
      }
      if (end <= start) return;
      w.watchedMs += end - start;
      if (r.failed > 0) w.failingMs += end - start;
    });
    return w;
  });
  const heartbeat: Beat[] = rounds
    .filter((r) => r.at <= now)
    .slice(-(options.beats ?? 40))
    .map((r) => ({ at: new Date(r.at).toISOString(), probes: r.probes, failed: r.failed }));
  return { target, at: new Date(now).toISOString(), windows, heartbeat, keptMs: options.keptMs };
}
