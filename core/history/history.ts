// The monitor's history: probe samples (7 days) and events, state changes and deploy markers (90 days),
// persisted as daily JSON Lines segments, loaded at start, held in bounded memory, and queried for the
// timeline and for per-endpoint latency baselines. Disk trouble never stops monitoring: it is reported
// once in `problem` and the store carries on in memory.

import type { TimelineData, TimelineRange, TimelineSample } from '../../shared/ipc/contract';
import type { HealthState, MonitorEvent, Round } from '../../shared/types/monitor';
import { isFailure, type ProbePath } from '../../shared/types/probe';
import {
  decodeRecord,
  encodeRecord,
  encodeSample,
  encodeSeries,
  seriesNumber,
  type DeployRecord,
  type EventRecord,
  isSampleRow,
  isSeriesDef,
  type HistorySample,
  type LogRecord,
  type StateRecord,
} from './codec';
import { SampleStore } from './sample-store';
import { groupRounds, summarizeUptime, UPTIME_WINDOWS, type UptimeSample } from './uptime';
import type { UptimeSummary } from '../../shared/types/uptime';
import type { Verdict } from '../../shared/types/diagnosis';
import { RowScanner } from './row-scan';
import { dayOf, listSegments, pruneSegments, readLines, readSegment, SegmentWriter } from './segments';
import { makePrivateDir, UnsafeFileError } from '../storage/private-files';

const DAY_MS = 86_400_000;

/** Options of a {@link HistoryStore}. */
export interface HistoryOptions {
  /** Days of samples kept (default 7). */
  sampleDays?: number;
  /** Days of events, state changes and deploys kept (default 90). */
  eventDays?: number;
  /** Samples held in memory at most (default 300 000, about 10 MB). */
  maxSamples?: number;
  /** Events/state/deploy records held in memory at most (default 20 000). */
  maxRecords?: number;
  /** Most points per endpoint and path a timeline returns (older ranges are downsampled; default 720). */
  maxPointsPerSeries?: number;
  /** Healthy samples a baseline is the median of (default 200). */
  baselineSamples?: number;
  /** Wall clock, epoch ms (default Date.now). */
  now?: () => number;
}

/** What loading found. */
export interface LoadReport {
  samples: number;
  records: number;
  /** Lines skipped because they were corrupt or torn. */
  corrupt: number;
  ms: number;
}

const RANGE_MS: Record<TimelineRange, number> = { hour: 3_600_000, day: DAY_MS, week: 7 * DAY_MS };

/** Persisted, bounded history of samples and events. */
export class HistoryStore {
  /** The first disk problem met (one line), or null. */
  problem: string | null = null;
  /** Corrupt or torn lines skipped so far. */
  corruptLines = 0;
  private readonly sampleMs: number;
  private readonly eventMs: number;
  private readonly maxRecords: number;
  private readonly maxPoints: number;
  private readonly baselineCount: number;
  private readonly now: () => number;
  private readonly store: SampleStore;
  private records: LogRecord[] = [];
  private readonly sampleWriter: SegmentWriter | null;
  private readonly eventWriter: SegmentWriter | null;
  private writable = true;
  private prunedDay: string | null = null;
  /** Series numbers defined in the samples file being written, and its day. */
  private readonly defined = new Map<string, number>();
  private definedDay: string | null = null;
  private readonly baselineCache = new Map<number, { at: number; value: number | null }>();

  /**
   * `dir` is created when missing; nothing is read until {@link load}. A null `dir` keeps the history in
   * memory only, for this run (nothing is read or written).
   */
  constructor(
    readonly dir: string | null,
    options: HistoryOptions = {},
  ) {
    this.sampleMs = (options.sampleDays ?? 7) * DAY_MS;
    this.eventMs = (options.eventDays ?? 90) * DAY_MS;
    this.maxRecords = options.maxRecords ?? 20_000;
    this.maxPoints = options.maxPointsPerSeries ?? 720;
    this.baselineCount = options.baselineSamples ?? 200;
    this.now = options.now ?? Date.now;
    this.store = new SampleStore(options.maxSamples ?? 300_000);
    this.sampleWriter = dir === null ? null : new SegmentWriter(dir, 'samples');
    this.eventWriter = dir === null ? null : new SegmentWriter(dir, 'events');
    if (dir === null) return;
    try {
      makePrivateDir(dir);
    } catch (err) {
      this.fail(err);
    }
  }

  /** Samples held in memory. */
  get sampleCount(): number {
    return this.store.length;
  }

  /** Bytes held by the in-memory sample columns. */
  get sampleBytes(): number {
    return this.store.bytes;
  }

  /** Reads the segments still within retention (deleting expired ones first). Never throws. */
  load(): LoadReport {
    if (this.dir === null) return { samples: 0, records: 0, corrupt: 0, ms: 0 };
    const started = performance.now();
    const now = this.now();
    this.prune(now);
    let samples = 0;
    const before = this.corruptLines;
    const sampleCutoff = now - this.sampleMs;
    for (const seg of listSegments(this.dir, 'samples')) {
      try {
        samples += this.loadSamples(readSegment(seg.file), sampleCutoff);
      } catch (err) {
        this.fail(err);
      }
    }
    const recordCutoff = now - this.eventMs;
    const loaded: LogRecord[] = [];
    for (const seg of listSegments(this.dir, 'events')) {
      try {
        readLines(seg.file, (line) => {
          const r = decodeRecord(line);
          if (!r) this.corruptLines++;
          else if (recordAt(r) >= recordCutoff) loaded.push(r);
        });
      } catch (err) {
        this.fail(err);
      }
    }
    this.records = loaded.slice(-this.maxRecords);
    return {
      samples,
      records: this.records.length,
      corrupt: this.corruptLines - before,
      ms: performance.now() - started,
    };
  }

  /** Loads one samples segment's text; returns the samples kept. */
  private loadSamples(bytes: Buffer, cutoff: number): number {
    const series = new Map<number, number>();
    let kept = 0;
    const take = (v: unknown): void => {
      if (isSampleRow(v)) {
        const id = series.get(v[1]);
        if (id === undefined) this.corruptLines++;
        else if (v[0] >= cutoff) {
          this.store.pushValues(v[0], id, v[2], v[3], v[4], v[5], v[6], v[7], v[8]);
          kept++;
        }
      } else if (isSeriesDef(v)) {
        series.set(v.series, this.store.seriesFor(v.target, v.name, v.path));
      } else {
        this.corruptLines++;
      }
    };
    // Rows in the shape the writer makes are read in place (no JSON.parse, no array per line); any
    // other line (series definitions, torn or foreign lines) goes through JSON.parse and the same checks.
    const scanner = new RowScanner();
    let start = 0;
    while (start < bytes.length) {
      let end = scanner.scan(bytes, start);
      if (end >= 0) {
        take(scanner.row);
      } else {
        end = bytes.indexOf(0x0a, start);
        if (end < 0) end = bytes.length;
        if (end > start) take(parseOrNull(bytes.toString('utf8', start, end)));
      }
      start = end + 1;
    }
    return kept;
  }

  /** Stores the timeline's view of every probe of a round. */
  appendRound(round: Round): void {
    this.appendSamples(
      round.probes.map((p) => ({
        at: Date.parse(p.at) || Date.parse(round.startedAt),
        target: round.target,
        name: p.name,
        path: p.path,
        outcome: p.outcome,
        status: p.status,
        timings: p.timings,
      })),
    );
  }

  /** Stores samples (memory and disk). */
  appendSamples(samples: HistorySample[]): void {
    for (const s of samples) {
      this.store.push(s);
      const day = dayOf(Number.isFinite(s.at) ? s.at : this.now());
      if (day !== this.definedDay) {
        // A new file (or a new process on today's file): series numbers are defined afresh.
        this.defined.clear();
        this.definedDay = day;
      }
      const key = `${s.target}\u0000${s.name}\u0000${s.path}`;
      let id = this.defined.get(key);
      if (id === undefined) {
        // Numbered by the series itself, not by this process: another process writing to the same file
        // (the CLI beside the app) defines the same number for the same series, never another.
        id = seriesNumber(s.target, s.name, s.path);
        const line = encodeSeries({ series: id, target: s.target, name: s.name, path: s.path });
        // Without its definition on disk, the sample's number could name another series an earlier run
        // defined in the same file: skip the sample on disk, and define the series again next time.
        if (!this.write(this.sampleWriter, s.at, line)) continue;
        this.defined.set(key, id);
      }
      this.write(this.sampleWriter, s.at, encodeSample(s, id));
    }
  }

  /** Stores a monitor event. */
  appendEvent(event: MonitorEvent): void {
    this.addRecord({ kind: 'event', event });
  }

  /** Stores a state change of a target. */
  appendState(target: string, state: HealthState, at: number, since?: number): void {
    this.addRecord({ kind: 'state', target, state, at, ...(since !== undefined ? { since } : {}) });
  }

  /** Stores a build fingerprint change (deploy marker). */
  appendDeploy(target: string, fingerprint: string, at: number): void {
    this.addRecord({ kind: 'deploy', target, fingerprint, at });
  }

  /**
   * Samples of a target within [from, to], oldest first. When a series has more than `maxPoints`, it is
   * downsampled into equal time buckets keeping, per bucket, the first failure or else the slowest answer
   * (so outages and spikes stay visible).
   */
  samples(target: string, from: number, to: number, maxPoints = this.maxPoints): HistorySample[] {
    const out = this.store.select(target, from, to, maxPoints).map((slot) => this.store.get(slot));
    return out.sort((a, b) => a.at - b.at);
  }

  /** Events of a target (or all) within [from, to], oldest first. */
  events(target: string | null, from = 0, to = Infinity): MonitorEvent[] {
    const out: MonitorEvent[] = [];
    for (const r of this.records) {
      if (r.kind !== 'event' || (target !== null && r.event.target !== target)) continue;
      const at = Date.parse(r.event.at);
      if (at >= from && at <= to) out.push(r.event);
    }
    return out;
  }

  /** The timeline of a target for a range ending now. */
  timeline(target: string, range: TimelineRange, now = this.now()): TimelineData {
    const from = now - RANGE_MS[range];
    const samples: TimelineSample[] = this.samples(target, from, now).map((s) => ({
      at: new Date(s.at).toISOString(),
      name: s.name,
      path: s.path,
      outcome: s.outcome,
      status: s.status,
      timings: s.timings,
    }));
    const deploys = this.records
      .filter(
        (r): r is DeployRecord => r.kind === 'deploy' && r.target === target && r.at >= from && r.at <= now,
      )
      .map((r) => ({ at: new Date(r.at).toISOString(), fingerprint: r.fingerprint }));
    return {
      target,
      range,
      from: new Date(from).toISOString(),
      to: new Date(now).toISOString(),
      samples,
      events: this.events(target, from, now),
      deploys,
      bands: this.bands(target, from, now),
      uptime: this.uptime(target, now),
    };
  }

  /** Median total latency (ms) of the most recent `ok` samples of an endpoint, or null without any. */
  baseline(target: string, name: string, path: ProbePath = 'direct'): number | null {
    const id = this.store.seriesId(target, name, path);
    if (id < 0) return null;
    // Asked every round; a minute-old median is as good and saves rescanning a failing endpoint's history.
    const cached = this.baselineCache.get(id);
    const now = this.now();
    if (cached && now - cached.at < 60_000 && now >= cached.at) return cached.value;
    const value = this.computeBaseline(id);
    this.baselineCache.set(id, { at: now, value });
    return value;
  }

  private computeBaseline(id: number): number | null {
    const values: number[] = [];
    const cutoff = this.now() - this.sampleMs;
    this.store.scanBackwards((slot, at, series) => {
      if (at < cutoff) return false;
      if (series === id && this.store.outcomeAt(slot) === 'ok') values.push(this.store.totalAt(slot));
      return values.length < this.baselineCount;
    });
    if (values.length === 0) return null;
    values.sort((a, b) => a - b);
    const mid = values.length >> 1;
    const m = values.length % 2 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
    return Math.round(m * 100) / 100;
  }

  /** Baselines of the given endpoint names on a path. */
  baselines(target: string, names: string[], path: ProbePath = 'direct'): Record<string, number | null> {
    // No prototype: endpoint names are user data ("constructor" is a name like any other).
    const out: Record<string, number | null> = Object.create(null);
    for (const name of names) out[name] = this.baseline(target, name, path);
    return out;
  }

  /** The latest stored state of a target, if any. */
  lastState(target: string): StateRecord | null {
    for (let i = this.records.length - 1; i >= 0; i--) {
      const r = this.records[i]!;
      if (r.kind === 'state' && r.target === target) return r;
    }
    return null;
  }

  /** When the newest stored sample of a target was taken (epoch ms), or null when there is none. */
  lastSampleAt(target: string): number | null {
    let found: number | null = null;
    this.store.scanBackwards((_slot, at, series) => {
      if (this.store.seriesTarget(series) !== target) return true;
      found = at;
      return false;
    });
    return found;
  }

  /**
   * Uptime of a target over 24 h, 7 d and 30 d and its last rounds, from the stored probes of the
   * service itself (controls, alternate paths and tokenless checks left out).
   */
  uptime(target: string, now = this.now()): UptimeSummary {
    const from = now - UPTIME_WINDOWS[UPTIME_WINDOWS.length - 1]!.spanMs;
    const samples: UptimeSample[] = [];
    // Whether each series is the target's own direct probe, looked up once per series, not per sample.
    const wanted: (boolean | undefined)[] = [];
    const isWanted = (series: number): boolean =>
      (wanted[series] ??=
        this.store.seriesTarget(series) === target && this.store.seriesPath(series) === 'direct');
    this.store.scanBackwards((slot, at, series) => {
      // Samples are nearly in time order (rounds of different targets interleave): stop well before `from`.
      if (at < from - 600_000) return false;
      if (at >= from && at <= now && isWanted(series))
        samples.push({ at, failed: isFailure(this.store.outcomeAt(slot)) });
      return true;
    });
    return summarizeUptime(target, groupRounds(samples), now, { keptMs: this.sampleMs });
  }

  /** Deletes expired segments and drops expired records from memory. */
  prune(now = this.now()): void {
    this.prunedDay = dayOf(now);
    try {
      if (this.dir !== null) {
        pruneSegments(this.dir, 'samples', this.sampleMs, now);
        pruneSegments(this.dir, 'events', this.eventMs, now);
      }
    } catch (err) {
      this.fail(err);
    }
    const cutoff = now - this.eventMs;
    if (this.records.length > 0 && recordAt(this.records[0]!) < cutoff) {
      this.records = this.records.filter((r) => recordAt(r) >= cutoff);
    }
  }

  /** Closes the open files. */
  close(): void {
    this.defined.clear();
    this.definedDay = null;
    this.sampleWriter?.close();
    this.eventWriter?.close();
  }

  private bands(target: string, from: number, to: number): TimelineData['bands'] {
    const states = this.records.filter((r): r is StateRecord => r.kind === 'state' && r.target === target);
    const events = this.records.filter(
      (r): r is EventRecord =>
        r.kind === 'event' && r.event.target === target && r.event.event !== 'recovery',
    );
    const bands: TimelineData['bands'] = [];
    states.forEach((r, i) => {
      if (r.state === 'healthy' || r.state === 'unknown') return;
      const end = states[i + 1]?.at ?? null;
      if ((end !== null && end < from) || r.at > to) return;
      bands.push({
        state: r.state,
        from: new Date(Math.max(r.at, from)).toISOString(),
        to: end === null ? null : new Date(end).toISOString(),
        cause: bandCause(events, r.at, end),
      });
    });
    return bands;
  }

  private addRecord(r: LogRecord): void {
    this.records.push(r);
    if (this.records.length > this.maxRecords) this.records.splice(0, this.records.length - this.maxRecords);
    this.write(this.eventWriter, recordAt(r), encodeRecord(r));
  }

  /** Appends a line to the writer's segment of `at`'s day; false when nothing was written. */
  private write(writer: SegmentWriter | null, at: number, line: string): boolean {
    if (!writer || !this.writable) return false;
    const day = dayOf(this.now());
    if (day !== this.prunedDay) this.prune();
    try {
      writer.append(dayOf(Number.isFinite(at) ? at : this.now()), line);
      return true;
    } catch (err) {
      this.fail(err);
      return false;
    }
  }

  private fail(err: unknown): void {
    const code = (err as NodeJS.ErrnoException)?.code;
    const why = err instanceof UnsafeFileError ? err.message : (code ?? String(err));
    this.problem ??= `history in ${this.dir} is not writable or readable (${why}); keeping it in memory only`;
    if (code === 'EACCES' || code === 'EROFS' || code === 'ENOSPC' || code === 'ENOTDIR')
      this.writable = false;
  }
}

function parseOrNull(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return null;
  }
}

function recordAt(r: LogRecord): number {
  return r.kind === 'event' ? Date.parse(r.event.at) : r.at;
}

/**
 * The cause a state band ended with: that of the last event (outage, degraded, cause change) raised
 * from its start to its end, so the timeline can word a refusal of one account apart from an outage.
 */
function bandCause(events: readonly EventRecord[], start: number, end: number | null): Verdict | null {
  let cause: Verdict | null = null;
  for (const { event } of events) {
    const at = Date.parse(event.at);
    if (at >= start && (end === null || at < end)) cause = event.cause;
  }
  return cause;
}
