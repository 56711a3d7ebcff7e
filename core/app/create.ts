// The composition root: wires the monitor (core/monitor) to the real probe (core/probe), one status
// page reader per target (core/status), the history and the fingerprint memory in the data folder,
// the evidence builder and the classifier. The CLI, the desktop app and the window harness all start here.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TimelineData, TimelineRange } from '../../shared/ipc/contract';
import type { ResolvedConfig, ResolvedTarget } from '../../shared/types/config';
import type { Diagnosis } from '../../shared/types/diagnosis';
import type { MonitorEvent, Round, TargetStatus } from '../../shared/types/monitor';
import type { StatusReading } from '../../shared/types/status';
import { HistoryStore } from '../history/history';
import { sleep, systemClock, type Clock } from '../monitor/clock';
import { Monitor, type DiagnoseContext, type DiagnoseOptions } from '../monitor/monitor';
import type { ProbeFn } from '../monitor/round';
import type { ProbeLimits } from '../probe/types';
import { renderReport } from '../report/report';
import type { ReportFormat, ReportInput } from '../report/types';
import { appInfo, type AppInfo } from './app-info';
import type { ExtensionScan } from '../diagnose/extensions';
import { Diagnoser } from '../diagnose/diagnoser';
import type { TokenSource } from '../config/token-origins';
import type { AppCore, ObserveOptions, ReportOptions } from './app-core';
import { describeTried } from './tried';
import { RoundRunner } from './round-runner';
import type { SystemResolver } from '../local/resolver';

/** Pace overrides; the CLI's test-only fast mode and the window harness use them. */
export interface AppCoreTiming {
  /** Regular interval between rounds, ms (default: the config's intervalSeconds). */
  intervalMs?: number;
  /** Delays of the quick confirmation rounds after a failure, ms. */
  confirmDelaysMs?: number[];
  /** Interval during a confirmed outage, ms. */
  outageIntervalMs?: number;
  /** Hard deadline of one round, ms. */
  roundDeadlineMs?: number;
}

/** Everything the app core is built from. */
export interface AppCoreOptions {
  config: ResolvedConfig;
  /** Folder for history and the fingerprint memory; null keeps everything in memory. */
  dataDir: string | null;
  tokens: TokenSource;
  /** Wall clock (default `new Date()`). */
  now?: () => Date;
  /** Monotonic clock and timers for scheduling (default the system clock). */
  clock?: Clock;
  /** Environment for HTTPS_PROXY/HTTP_PROXY/NO_PROXY (default process.env). */
  env?: Record<string, string | undefined>;
  /** Extra trusted CA certificates as PEM text (tests against local TLS servers). */
  ca?: string[];
  /** Files holding extra trusted CA certificates (PEM). Unreadable files are ignored. */
  caFiles?: string[];
  timing?: AppCoreTiming;
  /** Probe limits (tests shorten them). */
  limits?: Partial<ProbeLimits>;
  /** Replaces the real probe (tests). */
  probe?: ProbeFn;
  /** Replaces the real extension scan (tests). */
  scanExtensions?: (target: ResolvedTarget, profiles: string[]) => Promise<ExtensionScan>;
  /** Told about errors that did not stop monitoring (one line, never a secret). */
  onError?: (message: string) => void;
  /** App identity for reports (default: why500, this OS, this time zone). */
  app?: AppInfo;
  /** Replaces the system resolver for probes and local checks (tests only: WHY500_TEST_HOSTS). */
  resolver?: SystemResolver;
  /** Run the "Is it me?" checks after failures (default: yes, unless `probe` is a fake). */
  localChecks?: boolean;
}

/** Builds the app core; nothing runs until `start()`, `check()`, `observe()` or `diagnoseNow()`. */
export function createAppCore(options: AppCoreOptions): AppCore {
  return new Core(options);
}

/** Wall time the latest diagnosis of a target covered, with what was tried. */
interface Latest {
  diagnosis: Diagnosis;
  tried: string[];
  round: Round | null;
}

class Core implements AppCore {
  private readonly now: () => Date;
  private readonly clock: Clock;
  private readonly rounds: RoundRunner;
  private readonly diagnoser: Diagnoser;
  private readonly history: HistoryStore | null;
  private readonly monitor: Monitor;
  private readonly latest = new Map<string, Latest>();
  private readonly app: AppInfo;
  private readonly tokens: TokenSource;
  /** Targets whose next monitor diagnosis the user asked for ("Diagnose now"): it runs the local checks. */
  private readonly asked = new Set<string>();
  private config: ResolvedConfig;
  private stopped = false;

  constructor(private readonly options: AppCoreOptions) {
    this.now = options.now ?? (() => new Date());
    this.clock = options.clock ?? systemClock;
    this.app = options.app ?? appInfo();
    this.tokens = options.tokens;
    this.config = withTiming(options.config, options.timing);
    this.history = options.dataDir
      ? new HistoryStore(join(options.dataDir, 'history'), { now: () => this.now().getTime() })
      : null;
    if (this.history) {
      this.history.load();
      if (this.history.problem) this.error(`history: ${this.history.problem}`);
    }
    const ca = [...(options.ca ?? []), ...readCaFiles(options.caFiles ?? [])];
    const roundDeadlineMs = options.timing?.roundDeadlineMs;
    this.rounds = new RoundRunner({
      config: this.config,
      tokens: options.tokens,
      history: this.history,
      now: this.now,
      clock: this.clock,
      ...(options.env ? { env: options.env } : {}),
      ...(ca.length > 0 ? { ca } : {}),
      ...(options.probe ? { probe: options.probe } : {}),
      ...(roundDeadlineMs ? { roundDeadlineMs } : {}),
      ...(options.limits ? { limits: options.limits } : {}),
      ...(options.resolver ? { resolver: options.resolver } : {}),
      onRound: (target, round) => this.diagnoser.rememberRound(target, round),
    });
    this.diagnoser = new Diagnoser({
      config: this.config,
      tokens: options.tokens,
      dataDir: options.dataDir,
      history: this.history,
      now: this.now,
      probe: this.rounds.probe,
      ...(options.env ? { env: options.env } : {}),
      ...(ca.length > 0 ? { ca } : {}),
      ...(options.scanExtensions ? { scanExtensions: options.scanExtensions } : {}),
      ...(options.resolver ? { resolver: options.resolver } : {}),
      // A fake probe is a fake network: the local checks would reach the real one.
      localChecks: options.localChecks ?? options.probe === undefined,
    });
    const cadence = {
      ...(options.timing?.confirmDelaysMs ? { confirmDelaysMs: options.timing.confirmDelaysMs } : {}),
      ...(options.timing?.outageIntervalMs ? { outageIntervalMs: options.timing.outageIntervalMs } : {}),
    };
    this.monitor = new Monitor(
      this.config,
      {
        probe: this.rounds.probe,
        readStatus: this.rounds.readStatus,
        diagnose: (rounds, context) => this.diagnoseForMonitor(rounds, context),
        tokens: options.tokens,
        history: this.history,
        clock: this.clock,
        onError: (message) => this.error(message),
      },
      {
        ...(roundDeadlineMs ? { roundDeadlineMs } : {}),
        ...(Object.keys(cadence).length > 0 ? { cadence } : {}),
        ...(options.limits ? { limits: options.limits } : {}),
      },
    );
  }

  get notice(): string | null {
    return this.diagnoser.notice;
  }

  // --- the monitor ----------------------------------------------------------------------------

  start(): void {
    if (!this.stopped) this.monitor.start();
  }

  async stop(options: { abort?: boolean } = {}): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    // The monitor waits for rounds in flight (or aborts them) and closes the history.
    await this.monitor.stop(options);
    this.rounds.close();
  }

  pause(): void {
    this.monitor.pause();
  }

  resume(options?: { probeNow?: boolean }): void {
    this.monitor.resume(options);
  }

  statuses(): TargetStatus[] {
    return this.monitor.statuses();
  }

  lastRound(target: string): Round | null {
    return this.monitor.lastRound(target) ?? this.latest.get(target)?.round ?? null;
  }

  statusReading(target: string): StatusReading | null {
    const t = this.target(target);
    return this.monitor.statusReading(target) ?? (t ? this.rounds.peekStatus(t) : null);
  }

  async diagnoseNow(target: string, options: DiagnoseOptions = {}): Promise<Diagnosis | null> {
    this.asked.add(target);
    let diagnosis: Diagnosis | null;
    try {
      diagnosis = await this.monitor.diagnoseNow(target, options);
    } finally {
      this.asked.delete(target);
    }
    if (diagnosis) {
      const rounds = this.monitor.recentRounds(target);
      const t = this.target(target);
      this.latest.set(target, {
        diagnosis,
        round: rounds.at(-1) ?? null,
        tried: t
          ? describeTried({
              target: t,
              config: this.config,
              rounds,
              intervalMs: this.config.intervalSeconds * 1000,
              evidence: diagnosis.evidence,
            })
          : [],
      });
    }
    return diagnosis;
  }

  timeline(target: string, range: TimelineRange): TimelineData {
    return this.monitor.timeline(target, range);
  }

  reconfigure(config: ResolvedConfig): void {
    this.config = withTiming(config, this.options.timing);
    this.rounds.reconfigure(this.config);
    this.diagnoser.reconfigure(this.config);
    this.monitor.reconfigure(this.config);
  }

  onEvent(listener: (event: MonitorEvent) => void): () => void {
    return this.monitor.onEvent(listener);
  }

  onChange(listener: () => void): () => void {
    return this.monitor.onChange(listener);
  }

  // --- CLI and report -------------------------------------------------------------------------

  async check(target: string, options: { signal?: AbortSignal } = {}): Promise<Round> {
    const t = this.requireTarget(target);
    return this.rounds.round(t, { forceStatus: true, ...(options.signal ? { signal: options.signal } : {}) });
  }

  async observe(target: string, options: ObserveOptions): Promise<Diagnosis | null> {
    const t = this.requireTarget(target);
    const rounds: Round[] = [];
    const started = this.clock.now();
    const interval = Math.max(1, options.intervalMs);
    const symptom = options.symptom === true;
    for (const [k, at] of roundTimes(options.durationMs, interval).entries()) {
      if (k > 0) {
        try {
          await sleep(this.clock, Math.max(0, started + at - this.clock.now()), options.signal);
        } catch {
          break;
        }
      }
      if (options.signal?.aborted) break;
      const round = await this.rounds.round(t, {
        symptom,
        forceStatus: k === 0,
        ...(options.signal ? { signal: options.signal } : {}),
      });
      // A round cut short by Ctrl-C says nothing about the service; keep it only if it is all we have.
      if (options.signal?.aborted && rounds.length > 0) break;
      rounds.push(round);
      options.onRound?.(round);
      trimOldBodies(rounds);
      if (options.signal?.aborted) break;
    }
    if (rounds.length === 0 || (options.signal?.aborted && rounds.every(cutShort))) return null;
    const diagnosis = await this.diagnoser.diagnose(t, rounds, {
      symptom,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const tried = describeTried({
      target: t,
      config: this.config,
      rounds,
      intervalMs: interval,
      evidence: diagnosis.evidence,
    });
    options.tried?.push(...tried);
    this.latest.set(target, { diagnosis, tried, round: rounds.at(-1) ?? null });
    return diagnosis;
  }

  reportInput(target: string, options: ReportOptions = {}): ReportInput {
    const t = this.requireTarget(target);
    const latest = this.latest.get(target);
    const status = this.monitor.statuses().find((s) => s.target === target) ?? null;
    const diagnosis =
      options.diagnosis !== undefined ? options.diagnosis : (latest?.diagnosis ?? status?.diagnosis ?? null);
    return {
      target: t,
      // Before the monitor ran a round its state is only "unknown since start": not worth reporting.
      status: status && status.lastRoundAt !== null ? status : null,
      diagnosis,
      lastRound: this.lastRound(target),
      statusReading: this.statusReading(target),
      recentEvents: this.recentEvents(target, 20),
      tried: options.tried ?? latest?.tried ?? [],
      app: this.app,
      generatedAt: this.now().toISOString(),
    };
  }

  report(target: string, format: ReportFormat, options: ReportOptions = {}): string {
    const secrets = this.config.targets.map((t) => this.tokens.get(t.name));
    return renderReport(this.reportInput(target, options), format, { secrets });
  }

  recentEvents(target: string, limit = 50): MonitorEvent[] {
    const live = this.monitor.events().filter((e) => e.target === target);
    const stored = this.history?.events(target, this.now().getTime() - 7 * 86_400_000) ?? [];
    const seen = new Set(live.map((e) => `${e.at}|${e.event}`));
    const merged = [...stored.filter((e) => !seen.has(`${e.at}|${e.event}`)), ...live];
    merged.sort((a, b) => a.at.localeCompare(b.at));
    return merged.slice(-limit);
  }

  // --- internals ------------------------------------------------------------------------------

  private async diagnoseForMonitor(rounds: Round[], context: DiagnoseContext): Promise<Diagnosis> {
    return this.diagnoser.diagnoseMonitored(context.target, rounds, {
      symptom: context.symptom,
      baselines: context.baselines,
      ...(this.asked.has(context.target.name) ? { asked: true } : {}),
      ...(context.signal ? { signal: context.signal } : {}),
    });
  }

  private target(name: string): ResolvedTarget | null {
    return this.config.targets.find((t) => t.name === name) ?? null;
  }

  private requireTarget(name: string): ResolvedTarget {
    const t = this.target(name);
    if (!t) throw new Error(`unknown target ${JSON.stringify(name)}`);
    return t;
  }

  private error(message: string): void {
    try {
      this.options.onError?.(message);
    } catch {
      // Nowhere left to report to.
    }
  }
}

/** The config with the interval override applied (seconds may be fractional in test-only fast mode). */
function withTiming(config: ResolvedConfig, timing: AppCoreTiming | undefined): ResolvedConfig {
  if (!timing?.intervalMs) return config;
  return { ...config, intervalSeconds: timing.intervalMs / 1000 };
}

function readCaFiles(files: string[]): string[] {
  const out: string[] = [];
  for (const file of files) {
    try {
      out.push(readFileSync(file, 'utf8'));
    } catch {
      // A missing test CA only makes TLS probes fail with tls-cert, which the test will show.
    }
  }
  return out;
}

/**
 * When the rounds of an observation start, ms from its start: every `interval` from 0, and one at the
 * very end, so `--watch 3 --interval 5` still observes for 3 s (rounds at 0 and 3 s).
 */
export function roundTimes(durationMs: number, intervalMs: number): number[] {
  const times = [0];
  if (durationMs <= 0) return times;
  for (let t = intervalMs; t < durationMs; t += intervalMs) times.push(t);
  times.push(durationMs);
  return times;
}

/** Rounds whose probe bodies are kept whole; older ones keep only the start (bounded memory on long watches). */
const FULL_BODY_ROUNDS = 20;
/** Body characters kept for older rounds: enough for titles, error codes and access-denied XML. */
const OLD_BODY_CHARS = 4096;

function trimOldBodies(rounds: Round[]): void {
  const old = rounds[rounds.length - 1 - FULL_BODY_ROUNDS];
  if (!old) return;
  old.probes = old.probes.map((p) =>
    p.body.length > OLD_BODY_CHARS ? { ...p, body: p.body.slice(0, OLD_BODY_CHARS) } : p,
  );
}

function cutShort(round: Round): boolean {
  return round.probes.every((p) => p.outcome === 'timeout-deadline');
}
