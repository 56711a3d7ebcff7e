// The in-memory sample store: a columnar ring buffer of typed arrays (about 33 bytes a sample, no object
// per sample), so memory stays bounded however long the app runs; the oldest samples drop out first.

import { OUTCOMES, type Outcome, type ProbePath } from '../../shared/types/probe';
import type { HistorySample } from './codec';

interface Series {
  target: string;
  name: string;
  path: ProbePath;
}

const OUTCOME_INDEX = new Map<Outcome, number>(OUTCOMES.map((o, i) => [o, i]));

/** A bounded store of samples, newest kept. */
export class SampleStore {
  private size = 0;
  private head = 0; // next write position
  private cap: number;
  private at: Float64Array;
  private series: Uint16Array;
  private outcome: Uint8Array;
  private status: Int16Array;
  private dns: Float32Array;
  private connect: Float32Array;
  private tls: Float32Array;
  private firstByte: Float32Array;
  private total: Float32Array;
  private readonly seriesList: Series[] = [];
  private readonly seriesIndex = new Map<string, Map<string, Map<ProbePath, number>>>();

  /** `maxSamples` bounds memory; storage grows by doubling up to it. */
  constructor(private readonly maxSamples: number) {
    this.cap = Math.min(maxSamples, 16_384);
    this.at = new Float64Array(this.cap);
    this.series = new Uint16Array(this.cap);
    this.outcome = new Uint8Array(this.cap);
    this.status = new Int16Array(this.cap);
    this.dns = new Float32Array(this.cap);
    this.connect = new Float32Array(this.cap);
    this.tls = new Float32Array(this.cap);
    this.firstByte = new Float32Array(this.cap);
    this.total = new Float32Array(this.cap);
  }

  /** Samples held. */
  get length(): number {
    return this.size;
  }

  /** Bytes held by the columns. */
  get bytes(): number {
    return this.cap * (8 + 2 + 1 + 2 + 4 * 5);
  }

  /** Adds a sample, dropping the oldest when full. */
  push(s: HistorySample): void {
    const t = s.timings;
    const id = this.seriesFor(s.target, s.name, s.path);
    this.pushValues(s.at, id, s.outcome, s.status, t.dns, t.connect, t.tls, t.firstByte, t.total);
  }

  /** Adds a sample of a known series id (no object made on the way; used when loading). */
  pushValues(
    at: number,
    series: number,
    outcome: Outcome,
    status: number | null,
    dns: number | null,
    connect: number | null,
    tls: number | null,
    firstByte: number | null,
    total: number,
  ): void {
    if (this.size === this.cap && this.cap < this.maxSamples) this.grow();
    const i = this.head;
    this.at[i] = at;
    this.series[i] = series;
    this.outcome[i] = OUTCOME_INDEX.get(outcome) ?? OUTCOME_INDEX.get('error')!;
    this.status[i] = status ?? -1;
    this.dns[i] = dns ?? NaN;
    this.connect[i] = connect ?? NaN;
    this.tls[i] = tls ?? NaN;
    this.firstByte[i] = firstByte ?? NaN;
    this.total[i] = total;
    this.head = this.head + 1 === this.cap ? 0 : this.head + 1;
    if (this.size < this.cap) this.size++;
  }

  /**
   * Visits samples newest first; `visit` returns false to stop. Gives the slot index for {@link get}.
   */
  scanBackwards(visit: (slot: number, at: number, series: number) => boolean): void {
    let slot = this.head;
    for (let k = 0; k < this.size; k++) {
      slot = slot === 0 ? this.cap - 1 : slot - 1;
      if (!visit(slot, this.at[slot]!, this.series[slot]!)) return;
    }
  }

  /**
   * Slots of a target's samples within [from, to]. A series with more than `maxPoints` there is cut into
   * `maxPoints` equal time buckets keeping, per bucket, the first failure or else the slowest answer.
   * Samples are nearly in time order; the scan stops 10 minutes before `from`.
   */
  select(target: string, from: number, to: number, maxPoints: number): number[] {
    const mine = new Uint8Array(this.seriesList.length);
    this.seriesList.forEach((s, id) => (mine[id] = s.target === target ? 1 : 0));
    const counts = new Int32Array(this.seriesList.length);
    const inRange: number[] = [];
    const stopBefore = from - 10 * 60_000;
    let slot = this.head;
    for (let k = 0; k < this.size; k++) {
      slot = slot === 0 ? this.cap - 1 : slot - 1;
      const at = this.at[slot]!;
      if (at < stopBefore) break;
      if (at < from || at > to) continue;
      const id = this.series[slot]!;
      if (!mine[id]) continue;
      counts[id]!++;
      inRange.push(slot);
    }
    const out: number[] = [];
    const picks = new Map<number, Int32Array>();
    const bucketMs = (to - from) / maxPoints;
    for (const s of inRange) {
      const id = this.series[s]!;
      if (counts[id]! <= maxPoints) {
        out.push(s);
        continue;
      }
      let pick = picks.get(id);
      if (!pick) picks.set(id, (pick = new Int32Array(maxPoints + 1).fill(-1)));
      const b = Math.min(maxPoints, Math.floor((this.at[s]! - from) / bucketMs));
      const held = pick[b]!;
      if (held < 0 || this.better(s, held)) pick[b] = s;
    }
    for (const pick of picks.values()) for (const s of pick) if (s >= 0) out.push(s);
    return out;
  }

  /** The series id of a target/name/path, or -1 when never seen. */
  seriesId(target: string, name: string, path: ProbePath): number {
    return this.seriesIndex.get(target)?.get(name)?.get(path) ?? -1;
  }

  /** The target of a series id. */
  seriesTarget(id: number): string | undefined {
    return this.seriesList[id]?.target;
  }

  /** The probe path of a series id. */
  seriesPath(id: number): ProbePath | undefined {
    return this.seriesList[id]?.path;
  }

  /** Outcome at a slot. */
  outcomeAt(slot: number): Outcome {
    return OUTCOMES[this.outcome[slot]!]!;
  }

  /** Start time (epoch ms) at a slot. */
  atAt(slot: number): number {
    return this.at[slot]!;
  }

  /** Total ms at a slot. */
  totalAt(slot: number): number {
    return this.total[slot]!;
  }

  /** The sample at a slot, as an object. */
  get(slot: number): HistorySample {
    const s = this.seriesList[this.series[slot]!]!;
    const opt = (v: number): number | null => (Number.isNaN(v) ? null : Math.round(v * 100) / 100);
    const status = this.status[slot]!;
    return {
      at: this.at[slot]!,
      target: s.target,
      name: s.name,
      path: s.path,
      outcome: this.outcomeAt(slot),
      status: status < 0 ? null : status,
      timings: {
        dns: opt(this.dns[slot]!),
        connect: opt(this.connect[slot]!),
        tls: opt(this.tls[slot]!),
        firstByte: opt(this.firstByte[slot]!),
        total: opt(this.total[slot]!) ?? 0,
      },
    };
  }

  /** Prefer a failure, then the slower answer, as a bucket's representative. */
  private better(slot: number, held: number): boolean {
    const ok = OUTCOME_INDEX.get('ok')!;
    if (this.outcome[held] !== ok) return false;
    if (this.outcome[slot] !== ok) return true;
    return this.total[slot]! > this.total[held]!;
  }

  /** The series id of a target/name/path, created on first use. */
  seriesFor(target: string, name: string, path: ProbePath): number {
    let byName = this.seriesIndex.get(target);
    if (!byName) this.seriesIndex.set(target, (byName = new Map()));
    let byPath = byName.get(name);
    if (!byPath) byName.set(name, (byPath = new Map()));
    let id = byPath.get(path);
    if (id === undefined) {
      // Series are bounded by the configuration; past 65 535 the last id is shared rather than growing.
      id = Math.min(this.seriesList.length, 0xffff);
      if (id === this.seriesList.length) this.seriesList.push({ target, name, path });
      byPath.set(path, id);
    }
    return id;
  }

  private grow(): void {
    const next = Math.min(this.maxSamples, this.cap * 2);
    this.at = this.unroll(this.at, (n) => new Float64Array(n), next);
    this.series = this.unroll(this.series, (n) => new Uint16Array(n), next);
    this.outcome = this.unroll(this.outcome, (n) => new Uint8Array(n), next);
    this.status = this.unroll(this.status, (n) => new Int16Array(n), next);
    this.dns = this.unroll(this.dns, (n) => new Float32Array(n), next);
    this.connect = this.unroll(this.connect, (n) => new Float32Array(n), next);
    this.tls = this.unroll(this.tls, (n) => new Float32Array(n), next);
    this.firstByte = this.unroll(this.firstByte, (n) => new Float32Array(n), next);
    this.total = this.unroll(this.total, (n) => new Float32Array(n), next);
    this.head = this.size;
    this.cap = next;
  }

  /** Copies a full ring into a larger array, oldest first, so writing resumes at `size`. */
  private unroll<T extends Typed>(src: T, make: (n: number) => T, next: number): T {
    const dst = make(next);
    const tail: ArrayLike<number> = src.subarray(this.head);
    dst.set(tail, 0);
    dst.set(src.subarray(0, this.head), tail.length);
    return dst;
  }
}

type Typed = Float64Array | Float32Array | Uint16Array | Uint8Array | Int16Array;
