// Latency bookkeeping of one target: the usual latency of each direct endpoint (the median of calm
// answers, or a baseline seeded from history) and the slow spells measured against it.

import type { HealthState, Round } from '../../shared/types/monitor';
import type { ProbeResult } from '../../shared/types/probe';
import type { HealthRules } from './health-rules';

/** The median of `values`, or null when there are none. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Baselines per direct endpoint and whether latency has made the target `degraded`. */
export class LatencyWatch {
  private slowStreak = 0;
  private normalStreak = 0;
  private isDegraded = false;
  private healthyLatencies = new Map<string, number[]>();
  private seeded = new Map<string, number>();

  constructor(
    private readonly rules: HealthRules,
    baselines: Record<string, number | null> = {},
  ) {
    for (const [name, ms] of Object.entries(baselines)) if (ms !== null) this.seeded.set(name, ms);
  }

  /** Slow rounds in a row have made the target degraded (and normal ones have not ended it yet). */
  get degraded(): boolean {
    return this.isDegraded;
  }

  /** The baseline (ms) used for a direct endpoint, or null while unknown. */
  baseline(name: string): number | null {
    const own = this.healthyLatencies.get(name) ?? [];
    if (own.length >= this.rules.baselineMinSamples) return median(own);
    return this.seeded.get(name) ?? null;
  }

  /** Every known baseline, by direct endpoint name. */
  baselines(): Record<string, number | null> {
    const names = new Set([...this.healthyLatencies.keys(), ...this.seeded.keys()]);
    // No prototype: endpoint names are user data ("constructor" is a name like any other).
    const out: Record<string, number | null> = Object.create(null);
    for (const name of names) out[name] = this.baseline(name);
    return out;
  }

  /** Whether most baselined answers among `direct` were slow, and the median total/baseline ratio. */
  slowness(direct: ProbeResult[]): { slow: boolean; ratio: number | null } {
    const ratios: number[] = [];
    let slow = 0;
    for (const p of direct) {
      if (p.outcome !== 'ok') continue;
      const base = this.baseline(p.name);
      if (base === null || base <= 0) continue;
      const total = p.timings.total;
      ratios.push(total / base);
      if (total >= base * this.rules.slowFactor && total - base >= this.rules.slowMinExtraMs) slow++;
    }
    return { slow: ratios.length > 0 && slow * 2 > ratios.length, ratio: median(ratios) };
  }

  /**
   * Counts a round as slow or normal and, when it was calm (not slow, not down, in `state` healthy
   * or unknown), learns its direct answers' latencies.
   */
  track(
    round: Round,
    a: { slow: boolean; slowRatio: number | null; down: boolean },
    state: HealthState,
  ): void {
    if (a.slow) {
      this.slowStreak++;
      this.normalStreak = 0;
    } else if (a.slowRatio !== null) {
      this.normalStreak++;
      this.slowStreak = 0;
    }
    if (!this.isDegraded && this.slowStreak >= this.rules.slowRounds) this.isDegraded = true;
    if (this.isDegraded && this.normalStreak >= this.rules.normalRounds) this.isDegraded = false;
    // Only calm answers teach the baseline, so a slow spell never becomes the new normal.
    if (a.slow || a.down || (state !== 'healthy' && state !== 'unknown')) return;
    for (const p of round.probes) {
      if (p.path !== 'direct' || p.outcome !== 'ok') continue;
      const list = this.healthyLatencies.get(p.name) ?? [];
      list.push(p.timings.total);
      if (list.length > this.rules.baselineSamples) list.shift();
      this.healthyLatencies.set(p.name, list);
    }
  }
}
