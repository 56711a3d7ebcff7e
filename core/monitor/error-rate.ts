// Intermittent-error bookkeeping of one target: the share of recent direct probes that failed, and
// whether it has made the target `degraded`.

import type { HealthState, Round } from '../../shared/types/monitor';
import { isFailure } from '../../shared/types/probe';
import type { HealthRules } from './health-rules';

/** The recent direct probes' failure rate, with the enter/leave thresholds of `degraded`. */
export class ErrorRate {
  /** Recent direct informative outcomes, true = failed; newest last. */
  private window: boolean[] = [];
  private isDegraded = false;

  constructor(private readonly rules: HealthRules) {}

  /** The failure rate has made the target degraded (and has not fallen low enough to end it). */
  get degraded(): boolean {
    return this.isDegraded;
  }

  /** The failed share of the window, in whole percent. */
  percent(): number {
    const failed = this.window.filter(Boolean).length;
    return Math.round((failed / Math.max(1, this.window.length)) * 100);
  }

  /** Forgets the window (an outage ended: its failures say nothing about intermittent errors). */
  clear(): void {
    this.window = [];
  }

  /** Adds a round's direct answers (not during an outage or a local-network spell) and updates `degraded`. */
  track(round: Round, state: HealthState): void {
    if (state === 'outage' || state === 'local-network') return;
    for (const p of round.probes) {
      if (p.path !== 'direct' || p.outcome === 'challenge') continue;
      this.window.push(isFailure(p.outcome));
    }
    const max = this.rules.errorWindowProbes;
    if (this.window.length > max) this.window.splice(0, this.window.length - max);
    const rate = this.window.filter(Boolean).length / Math.max(1, this.window.length);
    if (!this.isDegraded && this.window.length >= max && rate >= this.rules.errorRateEnter) {
      this.isDegraded = true;
    } else if (this.isDegraded && rate < this.rules.errorRateLeave) {
      this.isDegraded = false;
    }
  }
}
