// The monitor's history: probe samples (7 days) and events, state changes and deploy markers (90 days),
// persisted as daily JSON Lines segments, loaded at start, held in bounded memory, and queried for the
// timeline and for per-endpoint latency baselines (the queries are in timeline.ts and sample-queries.ts,
// reading a samples segment back in load-samples.ts). Disk trouble never stops monitoring: it is reported
// once in `problem` and the store carries on in memory.

import type { TimelineData, TimelineRange, TimelineSample } from '../../shared/ipc/contract';
import type { HealthState, MonitorEvent, Round } from '../../shared/types/monitor';
import type { ProbePath } from '../../shared/types/probe';
import type { UptimeSummary } from '../../shared/types/uptime';
import { makePrivateDir, UnsafeFileError } from '../storage/private-files';
import {
  decodeRecord,
  encodeRecord,
  encodeSample,
  encodeSeries,
  seriesNumber,
  type HistorySample,
  type LogRecord,
  type StateRecord,
} from './codec';
import { loadSampleSegment } from './load-samples';
import { medianOkLatency, newestSampleAt, uptimeOf } from './sample-queries';
import { SampleStore } from './sample-store';
import { dayOf, listSegments, pruneSegments, readLines, readSegment, SegmentWriter } from './segments';
import { deployMarks, RANGE_MS, stateBands } from './timeline';

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
        samples += loadSampleSegment(readSegment(seg.file), sampleCutoff, this.store, () => {
          this.corruptLines++;
        });
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
    const deploys = deployMarks(this.records, target, from, now);
    return {
      target,
      range,
      from: new Date(from).toISOString(),
      to: new Date(now).toISOString(),
      samples,
      events: this.events(target, from, now),
      deploys,
      bands: stateBands(this.records, target, from, now),
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
    return medianOkLatency(this.store, id, this.now() - this.sampleMs, this.baselineCount);
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
    return newestSampleAt(this.store, target);
  }

  /**
   * Uptime of a target over 24 h, 7 d and 30 d and its last rounds, from the stored probes of the
   * service itself (controls, alternate paths and tokenless checks left out).
   */
  uptime(target: string, now = this.now()): UptimeSummary {
    return uptimeOf(this.store, target, now, this.sampleMs);
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

function recordAt(r: LogRecord): number {
  return r.kind === 'event' ? Date.parse(r.event.at) : r.at;
}
