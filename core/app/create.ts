// The composition root: builds the app core from its parts, the monitor (core/monitor), the round runner
// with the real probe and one status-page reader per target, the diagnoser (core/diagnose) with the
// fingerprint memory, and the history in the data folder. The CLI, the desktop app and the window
// harness all start here. The observation loop is in observe.ts, the report's inputs in report-input.ts.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ResolvedConfig, ResolvedTarget } from '../../shared/types/config';
import type { Diagnosis } from '../../shared/types/diagnosis';
import type { TokenSource } from '../config/token-origins';
import { Diagnoser } from '../diagnose/diagnoser';
import type { ExtensionScan } from '../diagnose/extensions';
import { HistoryStore } from '../history/history';
import type { SystemResolver } from '../local/resolver';
import { systemClock, type Clock } from '../monitor/clock';
import { Monitor } from '../monitor/monitor';
import type { ProbeFn } from '../monitor/round';
import type { ProbeLimits } from '../probe/types';
import { renderReport } from '../report/report';
import type { AppCore } from './app-core';
import { appInfo, type AppInfo } from './app-info';
import { observeTarget } from './observe';
import { assembleReportInput, type LatestDiagnosis } from './report-input';
import { RoundRunner } from './round-runner';
import { describeTried } from './tried';

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
  /**
   * The environment of a probe of one URL, taking precedence over `env` (the app asks the system
   * proxy per address); the object may change in place between calls.
   */
  envFor?: (url: string) => Record<string, string | undefined>;
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
  const now = options.now ?? (() => new Date());
  const clock = options.clock ?? systemClock;
  const app = options.app ?? appInfo();
  const error = (message: string): void => {
    try {
      options.onError?.(message);
    } catch {
      // Nowhere left to report to.
    }
  };
  let config = withTiming(options.config, options.timing);
  // The one source of samples, events, deploy markers and outage bands (in memory only without a data folder).
  const history = new HistoryStore(options.dataDir ? join(options.dataDir, 'history') : null, {
    now: () => now().getTime(),
  });
  history.load();
  if (history.problem) error(`history: ${history.problem}`);
  const ca = [...(options.ca ?? []), ...readCaFiles(options.caFiles ?? [])];
  const roundDeadlineMs = options.timing?.roundDeadlineMs;
  const rounds = new RoundRunner({
    config,
    tokens: options.tokens,
    history,
    now,
    clock,
    ...(options.env ? { env: options.env } : {}),
    ...(options.envFor ? { envFor: options.envFor } : {}),
    ...(ca.length > 0 ? { ca } : {}),
    ...(options.probe ? { probe: options.probe } : {}),
    ...(roundDeadlineMs ? { roundDeadlineMs } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.resolver ? { resolver: options.resolver } : {}),
    onRound: (target, round) => diagnoser.rememberRound(target, round),
  });
  const diagnoser = new Diagnoser({
    config,
    tokens: options.tokens,
    dataDir: options.dataDir,
    history,
    now,
    probe: rounds.probe,
    ...(options.env ? { env: options.env } : {}),
    ...(options.envFor ? { envFor: options.envFor } : {}),
    ...(ca.length > 0 ? { ca } : {}),
    ...(options.scanExtensions ? { scanExtensions: options.scanExtensions } : {}),
    ...(options.resolver ? { resolver: options.resolver } : {}),
    // A fake probe is a fake network: the local checks would reach the real one.
    localChecks: options.localChecks ?? options.probe === undefined,
    // Likewise a front vendor's real status page.
    ...(options.probe === undefined
      ? { vendorStatus: (vendor: string) => rounds.readVendorStatus(vendor) }
      : {}),
  });
  /** Targets whose next monitor diagnosis the user asked for ("Diagnose now"): it runs the local checks. */
  const asked = new Set<string>();
  /** The latest diagnosis of each target, for reports. */
  const latest = new Map<string, LatestDiagnosis>();
  const cadence = {
    ...(options.timing?.confirmDelaysMs ? { confirmDelaysMs: options.timing.confirmDelaysMs } : {}),
    ...(options.timing?.outageIntervalMs ? { outageIntervalMs: options.timing.outageIntervalMs } : {}),
  };
  const monitor = new Monitor(
    config,
    {
      probe: rounds.probe,
      probeFor: (name) => rounds.probeFor(name),
      readStatus: rounds.readStatus,
      diagnose: (window, context) =>
        diagnoser.diagnoseMonitored(context.target, window, {
          symptom: context.symptom,
          baselines: context.baselines,
          ...(asked.has(context.target.name) ? { asked: true } : {}),
          ...(context.signal ? { signal: context.signal } : {}),
          ...(context.partial ? { partial: true } : {}),
        }),
      tokens: options.tokens,
      history,
      clock,
      onError: error,
    },
    {
      ...(roundDeadlineMs ? { roundDeadlineMs } : {}),
      ...(Object.keys(cadence).length > 0 ? { cadence } : {}),
      ...(options.limits ? { limits: options.limits } : {}),
    },
  );
  let stopped = false;

  const target = (name: string): ResolvedTarget | null => config.targets.find((t) => t.name === name) ?? null;
  const requireTarget = (name: string): ResolvedTarget => {
    const t = target(name);
    if (!t) throw new Error(`unknown target ${JSON.stringify(name)}`);
    return t;
  };

  const core: AppCore = {
    get notice() {
      return diagnoser.notice;
    },
    start() {
      if (!stopped) monitor.start();
    },
    async stop(stopOptions = {}) {
      if (stopped) return;
      stopped = true;
      // The monitor waits for rounds in flight (or aborts them) and closes the history.
      await monitor.stop(stopOptions);
      rounds.close();
    },
    pause: () => monitor.pause(),
    resume: (resumeOptions) => monitor.resume(resumeOptions),
    statuses: () => monitor.statuses(),
    lastRound: (name) => monitor.lastRound(name) ?? latest.get(name)?.round ?? null,
    statusReading(name) {
      const t = target(name);
      return monitor.statusReading(name) ?? (t ? rounds.peekStatus(t) : null);
    },
    async diagnoseNow(name, diagnoseOptions = {}) {
      asked.add(name);
      let diagnosis: Diagnosis | null;
      try {
        diagnosis = await monitor.diagnoseNow(name, diagnoseOptions);
      } finally {
        asked.delete(name);
      }
      if (diagnosis) {
        const window = monitor.recentRounds(name);
        const t = target(name);
        latest.set(name, {
          diagnosis,
          round: window.at(-1) ?? null,
          tried: t
            ? describeTried({
                target: t,
                config,
                rounds: window,
                intervalMs: config.intervalSeconds * 1000,
                evidence: diagnosis.evidence,
              })
            : [],
        });
      }
      return diagnosis;
    },
    timeline: (name, range) => history.timeline(name, range, clock.wallNow()),
    uptime: (name) => history.uptime(name, clock.wallNow()),
    reconfigure(next) {
      config = withTiming(next, options.timing);
      rounds.reconfigure(config);
      diagnoser.reconfigure(config);
      monitor.reconfigure(config);
    },
    onEvent: (listener) => monitor.onEvent(listener),
    onChange: (listener) => monitor.onChange(listener),
    check: (name, checkOptions = {}) =>
      rounds.round(requireTarget(name), {
        forceStatus: true,
        ...(checkOptions.signal ? { signal: checkOptions.signal } : {}),
      }),
    async observe(name, observeOptions) {
      const observed = await observeTarget(
        { rounds, diagnoser, clock, config },
        requireTarget(name),
        observeOptions,
      );
      if (!observed) return null;
      const { diagnosis, tried } = observed;
      latest.set(name, { diagnosis, tried, round: observed.rounds.at(-1) ?? null });
      return diagnosis;
    },
    reportInput: (name, reportOptions) =>
      assembleReportInput(
        {
          target: requireTarget(name),
          status: monitor.statuses().find((s) => s.target === name) ?? null,
          latest: latest.get(name) ?? null,
          lastRound: core.lastRound(name),
          statusReading: core.statusReading(name),
          recentEvents: core.recentEvents(name, 20),
          app,
          now: now(),
        },
        reportOptions,
      ),
    report(name, format, reportOptions) {
      const secrets = config.targets.map((t) => options.tokens.get(t.name));
      return renderReport(core.reportInput(name, reportOptions), format, { secrets });
    },
    recentEvents: (name, limit = 50) =>
      history
        .events(name, now().getTime() - 7 * 86_400_000)
        .sort((a, b) => a.at.localeCompare(b.at))
        .slice(-limit),
  };
  return core;
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
