// The monitor: for every target, a scheduler running rounds, the health state machine reading them, the
// classifier (injected `diagnose`) naming the cause, and the history storing samples and events (the
// timeline is read from the history, not from here). The app core (core/app/create.ts) wires the real
// probe, status reader, classifier and token source. Its types are in monitor-types.ts, the diagnosis a
// user asks for in on-demand.ts, and restoring a standing after a restart in restore.ts.

import type { ResolvedConfig, ResolvedTarget } from '../../shared/types/config';
import type { Diagnosis } from '../../shared/types/diagnosis';
import type { MonitorEvent, Round, TargetStatus } from '../../shared/types/monitor';
import type { ProbeResult } from '../../shared/types/probe';
import type { StatusReading } from '../../shared/types/status';
import { maintenanceEnd } from '../../shared/vocabulary/standing';
import { boundToken, tokenUsable } from '../config/token-origins';
import { cadencePolicy, nextRound } from './cadence';
import { systemClock, type Clock } from './clock';
import { HoldBacks } from './hold-back';
import type {
  DiagnoseContext,
  DiagnoseOptions,
  MonitorDeps,
  MonitorOptions,
  TargetRuntime,
} from './monitor-types';
import { diagnoseOnDemand } from './on-demand';
import { RoundProgress } from './progress';
import { savedHealth } from './restore';
import { planProbes, runRound } from './round';
import { RoundScheduler } from './scheduler';
import { TargetHealth } from './state';

/** The running monitor over every configured target. */
export class Monitor {
  private config: ResolvedConfig;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly runtimes = new Map<string, TargetRuntime>();
  private readonly eventListeners = new Set<(event: MonitorEvent) => void>();
  private readonly changeListeners = new Set<() => void>();
  private started = false;
  private paused = false;

  constructor(
    config: ResolvedConfig,
    private readonly deps: MonitorDeps,
    private readonly options: MonitorOptions = {},
  ) {
    this.config = config;
    this.clock = deps.clock ?? systemClock;
    this.random = deps.random ?? Math.random;
    for (const target of config.targets) this.runtimes.set(target.name, this.createRuntime(target));
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    for (const rt of this.runtimes.values()) {
      rt.scheduler.start(0);
      if (this.paused) rt.scheduler.pause();
    }
  }

  async stop(options: { abort?: boolean } = {}): Promise<void> {
    this.started = false;
    await Promise.all([...this.runtimes.values()].map((rt) => rt.scheduler.stop(options)));
    this.deps.history?.close();
  }

  pause(): void {
    this.paused = true;
    for (const rt of this.runtimes.values()) rt.scheduler.pause();
    this.changed();
  }

  resume(options: { probeNow?: boolean } = {}): void {
    this.paused = false;
    for (const rt of this.runtimes.values()) rt.scheduler.resume(options.probeNow ?? false);
    this.changed();
  }

  /** Whether probing is paused. */
  get isPaused(): boolean {
    return this.paused;
  }

  statuses(): TargetStatus[] {
    return [...this.runtimes.values()].map((rt) => ({ ...rt.health.status(), diagnosis: rt.diagnosis }));
  }

  lastRound(target: string): Round | null {
    return this.runtimes.get(target)?.lastRound ?? null;
  }

  statusReading(target: string): StatusReading | null {
    return this.runtimes.get(target)?.statusReading ?? null;
  }

  /** The recent rounds kept for a target (oldest first). */
  recentRounds(target: string): Round[] {
    return [...(this.runtimes.get(target)?.window ?? [])];
  }

  /** Diagnoses a target now (see core/monitor/on-demand.ts); null for an unknown target or when cancelled. */
  async diagnoseNow(target: string, options: DiagnoseOptions = {}): Promise<Diagnosis | null> {
    const rt = this.runtimes.get(target);
    if (!rt) return null;
    return diagnoseOnDemand(rt, options, {
      clock: this.clock,
      diagnose: (...args) => this.diagnose(...args),
      changed: () => this.changed(),
      error: (text) => this.error(text),
    });
  }

  reconfigure(config: ResolvedConfig): void {
    const names = new Set(config.targets.map((t) => t.name));
    for (const [name, rt] of this.runtimes) {
      if (names.has(name)) continue;
      void rt.scheduler.stop();
      this.runtimes.delete(name);
    }
    this.config = config;
    for (const target of config.targets) {
      const rt = this.runtimes.get(target.name);
      if (rt) {
        rt.target = target;
        continue;
      }
      const fresh = this.createRuntime(target);
      this.runtimes.set(target.name, fresh);
      if (this.started) {
        fresh.scheduler.start(0);
        if (this.paused) fresh.scheduler.pause();
      }
    }
    this.changed();
  }

  onEvent(listener: (event: MonitorEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  private createRuntime(target: ResolvedTarget): TargetRuntime {
    const names = ['site', ...target.endpoints.map((e) => e.name)];
    const baselines = this.deps.history?.baselines(target.name, names) ?? {};
    const rt: TargetRuntime = {
      target,
      health: new TargetHealth({
        target: target.name,
        rules: this.options.rules,
        baselines,
        startedAt: this.clock.wallNow(),
      }),
      scheduler: undefined as unknown as RoundScheduler<Round>,
      window: [],
      lastRound: null,
      statusReading: null,
      diagnosis: null,
      suspectRounds: 0,
      nextSymptom: false,
      fingerprint: null,
      progress: new RoundProgress(),
      holds: new HoldBacks(),
    };
    const saved = savedHealth(this.deps.history, target.name, this.clock.wallNow(), (text) =>
      this.error(text),
    );
    if (saved) rt.health.restore(saved);
    const deadlineMs = this.options.roundDeadlineMs ?? 20_000;
    rt.scheduler = new RoundScheduler<Round>({
      clock: this.clock,
      deadlineMs: deadlineMs + 1_000,
      run: (signal) => this.round(rt, signal, deadlineMs),
      nextDelayMs: () => this.nextDelay(rt),
      onError: (err) => this.error(`round of ${rt.target.name} failed: ${message(err)}`),
    });
    return rt;
  }

  private nextDelay(rt: TargetRuntime): number {
    const policy = cadencePolicy(this.config.intervalSeconds, this.options.cadence);
    const input = {
      state: rt.health.current,
      suspect: rt.health.suspect,
      confirmations: Math.max(0, rt.suspectRounds - 1),
    };
    return nextRound(input, policy, this.random).delayMs;
  }

  /** One scheduled (or on-demand) round: probe, store, diagnose, advance the state machine, notify. */
  private async round(rt: TargetRuntime, signal: AbortSignal, deadlineMs: number): Promise<Round> {
    const target = rt.target;
    const token = boundToken(this.deps.tokens, target);
    const symptom = rt.nextSymptom;
    const plan = {
      target,
      controls: this.config.controls,
      alternateProxy: this.config.alternatePath?.proxy ?? null,
      token: token?.value ?? null,
      ...(token ? { tokenOrigins: token.origins } : {}),
      deadlineMs,
      symptom,
      // The user is looking at an error right now: ask the status page afresh (the reader still rate-limits).
      forceStatus: symptom,
      signal,
      ...(this.options.limits ? { limits: this.options.limits } : {}),
      ...(this.options.ca ? { ca: this.options.ca } : {}),
      heldBack: rt.holds.active(this.clock.wallNow()),
    };
    rt.progress.begin(
      planProbes(plan),
      Boolean(this.deps.readStatus && target.statusPage),
      new Date(this.clock.wallNow()).toISOString(),
    );
    const round = await runRound(
      {
        ...plan,
        onProbe: (result: ProbeResult) => rt.progress.probeDone(result),
        onStatus: () => rt.progress.statusDone(),
      },
      {
        probe: this.deps.probeFor?.(target.name) ?? this.deps.probe,
        readStatus: this.deps.readStatus ?? null,
        clock: this.clock,
      },
    );
    rt.progress.end();
    rt.holds.note(round, this.clock.wallNow());

    rt.lastRound = round;
    if (round.status) rt.statusReading = round.status;
    rt.window.push(round);
    this.trimWindow(rt);
    this.safely(() => this.deps.history?.appendRound(round));

    let diagnosis: Diagnosis | null = null;
    try {
      diagnosis = await this.diagnose(rt, symptom);
      rt.diagnosis = diagnosis;
    } catch (err) {
      this.error(`diagnosis of ${target.name} failed: ${message(err)}`);
    }
    const before = rt.health.current;
    const events = rt.health.observe(
      round,
      diagnosis
        ? {
            verdict: diagnosis.verdict,
            confidence: diagnosis.confidence,
            maintenanceUntil: maintenanceEnd(diagnosis),
          }
        : null,
    );
    rt.suspectRounds = rt.health.suspect ? rt.suspectRounds + 1 : 0;
    const after = rt.health.current;
    if (after !== before) {
      const outageStart = rt.health.outageStart;
      const since =
        (after === 'outage' || after === 'local-network') && outageStart !== null ? outageStart : undefined;
      this.safely(() =>
        this.deps.history?.appendState(target.name, after, Date.parse(round.finishedAt), since),
      );
    }
    this.noteFingerprint(rt, diagnosis, round);
    const local = diagnosis?.localCause
      ? { localCause: diagnosis.localCause, localStep: diagnosis.nextStep }
      : {};
    for (const event of events) this.emit({ ...event, ...local });
    this.changed();
    return round;
  }

  private async diagnose(
    rt: TargetRuntime,
    symptom: boolean,
    signal?: AbortSignal,
    rounds: Round[] = [...rt.window],
    partial = false,
  ): Promise<Diagnosis> {
    const target = rt.target;
    const names = ['site', ...target.endpoints.map((e) => e.name)];
    const direct = this.deps.history?.baselines(target.name, names, 'direct') ?? {};
    const alternate = this.deps.history?.baselines(target.name, names, 'alternate') ?? {};
    const baselines: Record<string, number | null> = {};
    for (const name of names) {
      baselines[`direct:${name}`] = direct[name] ?? rt.health.baseline(name);
      if (this.config.alternatePath) baselines[`alternate:${name}`] = alternate[name] ?? null;
    }
    const context: DiagnoseContext = {
      target,
      symptom,
      tokenConfigured: tokenUsable(this.deps.tokens, target),
      alternateConfigured: this.config.alternatePath !== null,
      baselines,
      ...(signal ? { signal } : {}),
      ...(partial ? { partial } : {}),
    };
    return await this.deps.diagnose(rounds, context);
  }

  private noteFingerprint(rt: TargetRuntime, diagnosis: Diagnosis | null, round: Round): void {
    const current = diagnosis?.evidence?.fingerprint?.current ?? null;
    if (!current) return;
    if (rt.fingerprint !== null && rt.fingerprint !== current) {
      this.safely(() =>
        this.deps.history?.appendDeploy(rt.target.name, current, Date.parse(round.finishedAt)),
      );
    }
    rt.fingerprint = current;
  }

  private trimWindow(rt: TargetRuntime): void {
    const maxRounds = this.options.windowRounds ?? 20;
    const oldest = this.clock.wallNow() - (this.options.windowMs ?? 15 * 60_000);
    while (rt.window.length > maxRounds) rt.window.shift();
    // Keep the latest round even if the wall clock jumped.
    while (rt.window.length > 1 && Date.parse(rt.window[0]!.finishedAt) < oldest) rt.window.shift();
  }

  private emit(event: MonitorEvent): void {
    this.safely(() => this.deps.history?.appendEvent(event));
    for (const listener of this.eventListeners) this.safely(() => listener(event));
  }

  private changed(): void {
    for (const listener of this.changeListeners) this.safely(() => listener());
  }

  private safely(fn: () => void): void {
    try {
      fn();
    } catch (err) {
      this.error(message(err));
    }
  }

  private error(text: string): void {
    try {
      this.deps.onError?.(text);
    } catch {
      // Nowhere left to report to.
    }
  }
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
