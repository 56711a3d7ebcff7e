// The on-disk line formats of the history: one JSON value per line. Samples are compact arrays (fast to
// parse, small on disk); events, state changes and deploy markers are tagged objects. Decoders check every
// field and return null for anything malformed, so a bad line is skipped and counted, never fatal.

import type { HealthState, MonitorEvent } from '../../shared/types/monitor';
import { inRange, timingMs } from '../../shared/text/sanitize';
import { OUTCOMES, type Outcome, type ProbePath, type ProbeTimings } from '../../shared/types/probe';

/** What the timeline needs of one probe — never bodies, headers or tokens. */
export interface HistorySample {
  /** Epoch ms the probe started. */
  at: number;
  target: string;
  name: string;
  path: ProbePath;
  outcome: Outcome;
  status: number | null;
  timings: ProbeTimings;
}

/** A state change of a target (for the timeline's bands). */
export interface StateRecord {
  kind: 'state';
  at: number;
  target: string;
  state: HealthState;
  /**
   * For `outage` and `local-network`: when the outage began (its first failing round, which precedes the
   * confirmation at `at`), so a restart can still tell the whole outage's length.
   */
  since?: number;
}

/** A build fingerprint change of a target (deploy marker). */
export interface DeployRecord {
  kind: 'deploy';
  at: number;
  target: string;
  fingerprint: string;
}

/** A monitor event as stored. */
export interface EventRecord {
  kind: 'event';
  event: MonitorEvent;
}

/** Anything stored in an events file. */
export type LogRecord = StateRecord | DeployRecord | EventRecord;

/** Longest event summary accepted from a file. */
const MAX_SUMMARY = 4_000;

const PATHS: readonly ProbePath[] = ['direct', 'alternate', 'control'];
const STATES: readonly HealthState[] = ['healthy', 'degraded', 'outage', 'local-network', 'unknown'];
const EVENT_KINDS = ['outage', 'recovery', 'degraded', 'cause-changed', 'local-network'];

/**
 * A sample as stored: `[at, series, outcome, status, dns, connect, tls, firstByte, total]`, where `series`
 * is a number defined earlier in the same file by a {@link SeriesDef} line. Numbers-only rows keep lines
 * short and parsing fast.
 */
export type SampleRow = [
  number,
  number,
  Outcome,
  number | null,
  number | null,
  number | null,
  number | null,
  number | null,
  number,
];

/**
 * Defines (or, later in the file, redefines) a series number for the sample lines after it. A writer
 * that reopens a file starts numbering again; lines are read in order, so each row means the latest definition.
 */
export interface SeriesDef {
  series: number;
  target: string;
  name: string;
  path: ProbePath;
}

const PATH_SET = new Set<unknown>(PATHS);
const OUTCOME_SET = new Set<unknown>(OUTCOMES);
/** Latest time a JavaScript Date can hold, ms. */
const MAX_EPOCH_MS = 8.64e15;
/** A time in epoch ms that a Date can hold (a hostile or corrupt file may hold anything). */
const isEpoch = (v: unknown): v is number => inRange(v, 0, MAX_EPOCH_MS) !== null;
/** A timing within 0–10 minutes; anything else is not a measurement. */
const isTiming = (v: unknown): v is number => timingMs(v) !== null;
const isTimingOrNull = (v: unknown): v is number | null => v === null || isTiming(v);
const isStatus = (v: unknown): v is number | null =>
  v === null || (Number.isInteger(v) && inRange(v, 100, 999) !== null);
/** Most series one file may define (a writer defines one per probe of a target). */
const MAX_SERIES = 100_000;
/** Longest target or probe name accepted from a file. */
const MAX_NAME = 1_000;
const isName = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_NAME;
const round2 = (v: number | null): number | null => (v === null ? null : Math.round(v * 100) / 100);

/** A sample row as a line, for series number `series`. */
export function encodeSample(s: HistorySample, series: number): string {
  const t = s.timings;
  return JSON.stringify([
    s.at,
    series,
    s.outcome,
    s.status,
    round2(t.dns),
    round2(t.connect),
    round2(t.tls),
    round2(t.firstByte),
    round2(t.total),
  ]);
}

/** A series definition as a line. */
export function encodeSeries(def: SeriesDef): string {
  return JSON.stringify(def);
}

/** Encodes samples as a whole segment's text (definitions included), e.g. for tests. */
export function encodeSegment(samples: HistorySample[]): string {
  const ids = new Map<string, number>();
  const lines: string[] = [];
  for (const s of samples) {
    const key = `${s.target}\u0000${s.name}\u0000${s.path}`;
    let id = ids.get(key);
    if (id === undefined) {
      ids.set(key, (id = ids.size));
      lines.push(encodeSeries({ series: id, target: s.target, name: s.name, path: s.path }));
    }
    lines.push(encodeSample(s, id));
  }
  return lines.map((l) => `${l}\n`).join('');
}

/**
 * True when a parsed JSON value is a well-formed sample row with plausible values: a time a Date can
 * hold, an HTTP status (100–999) or null, and timings within 0–10 minutes. A row with a total of
 * `1e308` is not a sample (it would make the timeline's axis endless).
 */
export function isSampleRow(v: unknown): v is SampleRow {
  return (
    Array.isArray(v) &&
    v.length === 9 &&
    isEpoch(v[0]) &&
    isSeriesNumber(v[1]) &&
    OUTCOME_SET.has(v[2]) &&
    isStatus(v[3]) &&
    isTimingOrNull(v[4]) &&
    isTimingOrNull(v[5]) &&
    isTimingOrNull(v[6]) &&
    isTimingOrNull(v[7]) &&
    isTiming(v[8])
  );
}

function isSeriesNumber(v: unknown): v is number {
  return Number.isInteger(v) && inRange(v, 0, MAX_SERIES) !== null;
}

/** True when a parsed JSON value is a well-formed series definition. */
export function isSeriesDef(v: unknown): v is SeriesDef {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const d = v as Record<string, unknown>;
  return isSeriesNumber(d.series) && isName(d.target) && isName(d.name) && PATH_SET.has(d.path);
}

/** One events-file record as a line. */
export function encodeRecord(r: LogRecord): string {
  return JSON.stringify(r);
}

/** Parses an events-file line, or null when it is not a valid record. */
export function decodeRecord(line: string): LogRecord | null {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof v !== 'object' || v === null) return null;
  const r = v as Record<string, unknown>;
  if (r.kind === 'state') {
    if (!isEpoch(r.at) || !isName(r.target) || !STATES.includes(r.state as HealthState)) return null;
    const state: StateRecord = { kind: 'state', at: r.at, target: r.target, state: r.state as HealthState };
    if (isEpoch(r.since)) state.since = r.since;
    return state;
  }
  if (r.kind === 'deploy') {
    if (!isEpoch(r.at) || !isName(r.target) || !isName(r.fingerprint)) return null;
    return { kind: 'deploy', at: r.at, target: r.target, fingerprint: r.fingerprint };
  }
  if (r.kind === 'event') {
    const e = r.event as Record<string, unknown> | null;
    if (typeof e !== 'object' || e === null) return null;
    if (!EVENT_KINDS.includes(e.event as string) || !isName(e.target)) return null;
    if (typeof e.at !== 'string' || Number.isNaN(Date.parse(e.at)) || typeof e.summary !== 'string')
      return null;
    if (e.summary.length > MAX_SUMMARY) return null;
    return { kind: 'event', event: e as unknown as MonitorEvent };
  }
  return null;
}
