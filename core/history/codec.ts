// The on-disk line formats of the history: one JSON value per line. Samples are compact arrays (fast to
// parse, small on disk); events, state changes and deploy markers are tagged objects. Decoders check every
// field and return null for anything malformed, so a bad line is skipped and counted, never fatal.

import { DIAGNOSIS_OUTCOMES, type Verdict } from '../../shared/types/diagnosis';
import { LOCAL_CAUSES, type LocalCause } from '../../shared/types/local';
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
/** Longest outage an event may report: the events' retention (90 days) with room to spare. */
const MAX_DURATION_MS = 366 * 86_400_000;
const VERDICT_SET = new Set<unknown>([...DIAGNOSIS_OUTCOMES, 'unknown']);
const LOCAL_CAUSE_SET = new Set<unknown>(LOCAL_CAUSES);
const isVerdictOrNull = (v: unknown): v is Verdict | null => v === null || VERDICT_SET.has(v);

const PATHS: readonly ProbePath[] = ['direct', 'alternate', 'control', 'anonymous'];
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
 * Defines a series number for the sample lines after it. Numbers are {@link seriesNumber} hashes, so
 * every writer gives a series the same one; older files numbered from 0 per writer, and lines are read
 * in order, so each row means the latest definition of its number.
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
/** Largest series number: numbers are 32-bit hashes of the series (see {@link seriesNumber}). */
const MAX_SERIES = 0xffff_ffff;
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

/**
 * The number of a series in every samples file: a 32-bit FNV-1a hash of its target, probe name and
 * path, so two processes appending to the same day's file (the CLI and the app sharing a data folder)
 * give one series the same number and never one number to two series (a collision needs ~65 000
 * series in a file to become likely; a few dozen are usual).
 */
export function seriesNumber(target: string, name: string, path: ProbePath): number {
  const key = `${target}\u0000${name}\u0000${path}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
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
      ids.set(key, (id = seriesNumber(s.target, s.name, s.path)));
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
    if (typeof e.at !== 'string' || e.at.length > 40 || Number.isNaN(Date.parse(e.at))) return null;
    if (typeof e.summary !== 'string' || e.summary.length > MAX_SUMMARY) return null;
    if (!isVerdictOrNull(e.cause)) return null;
    // Every field read back is checked like a fresh one; a field out of bounds is dropped, not shown.
    const event: MonitorEvent = {
      event: e.event as MonitorEvent['event'],
      target: e.target,
      at: e.at,
      cause: e.cause,
      summary: e.summary,
    };
    if (inRange(e.durationMs, 0, MAX_DURATION_MS) !== null) event.durationMs = e.durationMs as number;
    if (e.previousCause !== undefined && isVerdictOrNull(e.previousCause))
      event.previousCause = e.previousCause;
    if (inRange(e.confidence, 0, 1) !== null) event.confidence = e.confidence as number;
    if (LOCAL_CAUSE_SET.has(e.localCause)) event.localCause = e.localCause as LocalCause;
    if (typeof e.localStep === 'string' && e.localStep.length <= MAX_SUMMARY) event.localStep = e.localStep;
    return { kind: 'event', event };
  }
  return null;
}
