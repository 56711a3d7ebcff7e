// Turns timeline data into what the chart draws: time buckets with median phase latencies and error
// counts by kind, the latency axis, and a one-paragraph text summary for screen readers (the time
// axis is in time-axis.ts).

import type { TimelineData, TimelineRange, TimelineSample } from '../../../shared/ipc/contract';
import type { StatusReading } from '../../../shared/types/status';
import { isReachable, type Outcome } from '../../../shared/types/probe';
import { MAX_TIMING_MS, timingMs } from '../../../shared/text/sanitize';
import { STANDING_WORDS, standingOf } from '../../../shared/vocabulary/standing';
import { formatDuration, formatMs, formatTime } from './format';

/** Most buckets a chart draws, whatever it is asked. */
const MAX_BUCKETS = 500;
/** Most ticks on either axis. */
const MAX_TICKS = 60;

/**
 * True when a sample's timings are measurements (finite, within 0–10 minutes); anything else, from a
 * corrupt or hostile history, is left out of the chart rather than stretching its axis without end.
 */
function plausibleSample(s: TimelineSample): boolean {
  const t = s.timings;
  return (
    timingMs(t.total) !== null &&
    [t.dns, t.connect, t.tls, t.firstByte].every((v) => v === null || timingMs(v) !== null)
  );
}

/** How errors are grouped on the chart (each kind has its own marker shape). */
export type ErrorKind = 'server' | 'client' | 'timeout' | 'network' | 'challenge';

/** Error kinds in legend order, with their words. */
export const ERROR_KINDS: { kind: ErrorKind; label: string }[] = [
  { kind: 'server', label: 'Server error (5xx)' },
  { kind: 'timeout', label: 'Timeout' },
  { kind: 'network', label: 'Connection failure' },
  { kind: 'client', label: 'Refused (4xx)' },
  { kind: 'challenge', label: 'Bot check' },
];

/** The phases stacked in each bar, bottom first. */
export const PHASES = [
  { key: 'dns', label: 'DNS' },
  { key: 'connect', label: 'Connect' },
  { key: 'tls', label: 'TLS' },
  { key: 'firstByte', label: 'First byte' },
  { key: 'rest', label: 'Download' },
] as const;

/** A phase key. */
export type PhaseKey = (typeof PHASES)[number]['key'];

/** One time slice of the chart. */
export interface Bucket {
  from: number;
  to: number;
  samples: number;
  /** Median duration of each phase over the answered samples, ms (0 when none). */
  phases: Record<PhaseKey, number>;
  /** Median total of the answered samples, or null when nothing answered. */
  medianTotal: number | null;
  errors: Record<ErrorKind, number>;
}

/** The error kind of an outcome, or null when the request was answered normally. */
export function errorKind(outcome: Outcome): ErrorKind | null {
  if (isReachable(outcome)) return null;
  if (outcome === 'http-5xx') return 'server';
  if (outcome === 'http-4xx') return 'client';
  if (outcome === 'challenge') return 'challenge';
  if (outcome.startsWith('timeout')) return 'timeout';
  return 'network';
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

function restOf(s: TimelineSample): number {
  const t = s.timings;
  return Math.max(0, t.total - (t.dns ?? 0) - (t.connect ?? 0) - (t.tls ?? 0) - (t.firstByte ?? 0));
}

/**
 * Groups the plausible samples of the chosen paths into `requested` equal time buckets (at most
 * {@link MAX_BUCKETS}); none when the range itself is not a valid time span.
 */
export function bucketize(data: TimelineData, requested: number, paths = ['direct']): Bucket[] {
  const from = Date.parse(data.from);
  const to = Date.parse(data.to);
  if (!Number.isFinite(from) || !Number.isFinite(to) || to < from) return [];
  const count = Math.min(MAX_BUCKETS, Math.max(1, Math.floor(requested) || 1));
  const width = Math.max(1, (to - from) / count);
  const groups: TimelineSample[][] = Array.from({ length: count }, () => []);
  for (const s of data.samples) {
    if (!paths.includes(s.path) || !plausibleSample(s)) continue;
    const t = Date.parse(s.at);
    if (!(t >= from && t <= to)) continue;
    const i = Math.min(count - 1, Math.floor((t - from) / width));
    groups[i]?.push(s);
  }
  return groups.map((group, i) => {
    const answered = group.filter((s) => s.status !== null && errorKind(s.outcome) !== 'timeout');
    const errors: Record<ErrorKind, number> = { server: 0, client: 0, timeout: 0, network: 0, challenge: 0 };
    for (const s of group) {
      const kind = errorKind(s.outcome);
      if (kind) errors[kind]++;
    }
    return {
      from: from + i * width,
      to: from + (i + 1) * width,
      samples: group.length,
      phases: {
        dns: median(answered.map((s) => s.timings.dns ?? 0)),
        connect: median(answered.map((s) => s.timings.connect ?? 0)),
        tls: median(answered.map((s) => s.timings.tls ?? 0)),
        firstByte: median(answered.map((s) => s.timings.firstByte ?? 0)),
        rest: median(answered.map(restOf)),
      },
      medianTotal: answered.length ? median(answered.map((s) => s.timings.total)) : null,
      errors,
    };
  });
}

/** Bucket counts per range: fine enough to see an outage, coarse enough to stay light. */
export const BUCKETS: Record<TimelineRange, number> = { hour: 60, day: 96, week: 84 };

/**
 * A rounded upper bound for the latency axis and its ticks. Bars are clamped to 10 minutes (the longest
 * plausible timing), so the axis has at most 11 ticks whatever the buckets hold.
 */
export function latencyScale(buckets: Bucket[]): { max: number; ticks: number[] } {
  const heights = buckets
    .map((b) => b.phases.dns + b.phases.connect + b.phases.tls + b.phases.firstByte + b.phases.rest)
    .map((h) => timingMs(h) ?? (h > 0 ? MAX_TIMING_MS : 0));
  const highest = Math.max(100, ...heights);
  const steps = [100, 200, 250, 500, 1000, 2000, 2500, 5000, 10_000, 20_000, 30_000, 60_000];
  const step = steps.find((s) => highest / s <= 4) ?? 60_000;
  const max = Math.ceil(highest / step) * step;
  const ticks: number[] = [];
  for (let i = 0; i * step <= max && i < MAX_TICKS; i++) ticks.push(i * step);
  return { max, ticks };
}

/** Status-page incidents and maintenance windows as time spans to draw on the chart. */
export function statusSpans(
  reading: StatusReading | null,
  now: number,
): { kind: 'incident' | 'maintenance'; name: string; from: number; to: number }[] {
  const snap = reading?.snapshot;
  if (!snap) return [];
  const spans: { kind: 'incident' | 'maintenance'; name: string; from: number; to: number }[] = [];
  for (const i of snap.incidents) {
    if (i.startedAt) spans.push({ kind: 'incident', name: i.name, from: Date.parse(i.startedAt), to: now });
  }
  for (const m of [...snap.maintenanceInProgress, ...snap.maintenanceUpcoming]) {
    if (!m.scheduledFor) continue;
    const from = Date.parse(m.scheduledFor);
    const to = m.scheduledUntil ? Date.parse(m.scheduledUntil) : now;
    spans.push({ kind: 'maintenance', name: m.name, from, to });
  }
  return spans.filter((s) => Number.isFinite(s.from) && Number.isFinite(s.to));
}

const RANGE_WORDS: Record<TimelineRange, string> = {
  hour: 'the last hour',
  day: 'the last day',
  week: 'the last week',
};

/** The chart in words: probes, failures by kind, typical latency, bands and deploys. */
export function summarize(data: TimelineData, buckets: Bucket[], now: number): string {
  const samples = buckets.reduce((n, b) => n + b.samples, 0);
  if (samples === 0) return `No checks were recorded over ${RANGE_WORDS[data.range]}.`;
  const totals: Record<ErrorKind, number> = { server: 0, client: 0, timeout: 0, network: 0, challenge: 0 };
  for (const b of buckets) for (const k of Object.keys(totals) as ErrorKind[]) totals[k] += b.errors[k];
  const failed = Object.values(totals).reduce((a, b) => a + b, 0);
  const kinds = ERROR_KINDS.filter((k) => totals[k.kind] > 0)
    .map((k) => `${totals[k.kind]} ${k.label.toLowerCase()}`)
    .join(', ');
  const answered = data.samples
    .filter(
      (s) =>
        s.path === 'direct' && s.status !== null && errorKind(s.outcome) !== 'timeout' && plausibleSample(s),
    )
    .map((s) => s.timings.total);
  const parts = [
    `Over ${RANGE_WORDS[data.range]}: ${samples} checks, ${failed === 0 ? 'none failed' : `${failed} failed (${kinds})`}.`,
  ];
  if (answered.length) parts.push(`Typical response time ${formatMs(median(answered))}.`);
  for (const band of data.bands) {
    const end = band.to ? Date.parse(band.to) : now;
    parts.push(
      `${bandLabel(band)} from ${formatTime(band.from, now)} ${band.to ? `to ${formatTime(band.to, now)}` : 'until now'} (${formatDuration(end - Date.parse(band.from))}).`,
    );
  }
  for (const d of data.deploys) parts.push(`The site changed its build at ${formatTime(d.at, now)}.`);
  return parts.join(' ');
}

/**
 * A state band in the words every other surface uses for that state and cause ("Down", "Refuses your
 * account", "Maintenance", "Degraded"): a refusal of one account is never labelled an outage.
 */
export function bandLabel(band: TimelineData['bands'][number]): string {
  return STANDING_WORDS[standingOf(band.state, band.cause ?? null)].badge;
}
