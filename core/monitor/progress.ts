// Progress of the round in flight for one target, as the on-demand diagnosis shows it: one check per
// group of probes (direct, alternate, controls), the status page, and the analysis step; and the probes
// settled so far, from which a partial diagnosis can be made while one still hangs.

import type { DiagnoseCheck } from '../../shared/ipc/contract';
import type { Round } from '../../shared/types/monitor';
import type { ProbePath, ProbeResult } from '../../shared/types/probe';

/** The checks an on-demand diagnosis shows. */
export type CheckId = 'direct' | 'alternate' | 'controls' | 'status' | 'analyse';

const LABELS: Record<CheckId, string> = {
  direct: 'Probing the site and its endpoints',
  alternate: 'Probing through the alternate path',
  controls: 'Checking your own connection (control sites)',
  status: 'Reading the status page',
  analyse: 'Weighing the evidence',
};

type RoundCheck = Exclude<CheckId, 'analyse'>;

function groupOf(path: ProbePath): Exclude<RoundCheck, 'status'> {
  // The token endpoint's tokenless twin is part of the direct checks.
  return path === 'control' ? 'controls' : path === 'anonymous' ? 'direct' : path;
}

/** Tracks which checks of the current round are pending, running, done, failed or skipped. */
export class RoundProgress {
  private states = new Map<RoundCheck, DiagnoseCheck['state']>();
  private remaining = new Map<RoundCheck, number>();
  private readonly listeners = new Set<() => void>();
  /** The round in flight: when it started, its probes (name and path only) and those settled so far. */
  private inFlight: {
    startedAt: string;
    planned: { name: string; path: ProbePath }[];
    settled: ProbeResult[];
  } | null = null;

  /** A round starts with these probes (and a status page read when `hasStatus`). */
  begin(
    probes: { name: string; path: ProbePath }[],
    hasStatus: boolean,
    startedAt = new Date().toISOString(),
  ): void {
    this.inFlight = { startedAt, planned: probes.map((p) => ({ name: p.name, path: p.path })), settled: [] };
    this.remaining = new Map();
    for (const p of probes)
      this.remaining.set(groupOf(p.path), (this.remaining.get(groupOf(p.path)) ?? 0) + 1);
    const state = (id: RoundCheck): DiagnoseCheck['state'] =>
      this.remaining.has(id) ? 'running' : 'skipped';
    this.states = new Map<RoundCheck, DiagnoseCheck['state']>([
      ['direct', state('direct')],
      ['alternate', state('alternate')],
      ['controls', state('controls')],
      ['status', hasStatus ? 'running' : 'skipped'],
    ]);
    this.notify();
  }

  /** One probe of the round settled. */
  probeDone(result: ProbeResult): void {
    this.inFlight?.settled.push(result);
    const group = groupOf(result.path);
    const left = (this.remaining.get(group) ?? 1) - 1;
    this.remaining.set(group, left);
    if (left === 0) this.set(group, 'done');
  }

  /** The status page read settled. */
  statusDone(): void {
    if (this.states.get('status') === 'running') this.set('status', 'done');
  }

  /**
   * The round in flight as far as it got (the probes settled so far, no status page reading) and the
   * probes still awaited; null when no round is in flight or none is awaited.
   */
  partial(
    target: string,
    now: number,
  ): { round: Round; pending: { name: string; path: ProbePath }[] } | null {
    const f = this.inFlight;
    if (!f) return null;
    const settled = new Set(f.settled.map((p) => `${p.path}\u0000${p.name}`));
    const pending = f.planned.filter((p) => !settled.has(`${p.path}\u0000${p.name}`));
    if (pending.length === 0) return null;
    const round: Round = {
      target,
      startedAt: f.startedAt,
      finishedAt: new Date(now).toISOString(),
      probes: [...f.settled],
      status: null,
    };
    return { round, pending };
  }

  /** The round ended: checks still running did not finish in time. */
  end(): void {
    this.inFlight = null;
    for (const [id, state] of this.states) if (state === 'running') this.set(id, 'failed');
  }

  /** The checks to show, with the analysis step's state. */
  checks(analyse: DiagnoseCheck['state']): DiagnoseCheck[] {
    const ids: RoundCheck[] = ['direct', 'alternate', 'controls', 'status'];
    const checks: DiagnoseCheck[] = ids.map((id) => ({
      id,
      label: LABELS[id],
      state: this.states.get(id) ?? 'pending',
    }));
    checks.push({ id: 'analyse', label: LABELS.analyse, state: analyse });
    return checks;
  }

  /** Calls `listener` on every change until the returned function is called. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(id: RoundCheck, state: DiagnoseCheck['state']): void {
    if (this.states.get(id) === state) return;
    this.states.set(id, state);
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
