// The parts every entry point shares, wired once: the probe (with the environment's proxy and any
// extra CA), one status-page reader per target, the history (baselines), the remembered build
// fingerprint, the cached extension scan, and the step from a window of rounds to a diagnosis.

import { join } from 'node:path';
import { classify } from '../../shared/classifier';
import type { ResolvedConfig, ResolvedTarget } from '../../shared/types/config';
import type { Diagnosis } from '../../shared/types/diagnosis';
import type { Evidence } from '../../shared/types/evidence';
import type { Round } from '../../shared/types/monitor';
import type { StatusReading } from '../../shared/types/status';
import { boundToken, tokenUsable } from '../config/token-origins';
import { buildEvidence } from '../evidence/build';
import { changeGapSeconds, FingerprintTracker, siteOrigin } from '../evidence/fingerprint';
import type { HistoryStore } from '../history/history';
import { HoldBacks } from '../monitor/hold-back';
import { runRound, type ProbeFn, type StatusFn } from '../monitor/round';
import type { Clock } from '../monitor/clock';
import { probe as httpProbe } from '../probe/http';
import type { ProbeLimits } from '../probe/types';
import { warmUpProbes } from '../probe/warm-up';
import { StatusPageReader } from '../status/reader';
import { DEFAULT_DOH_RESOLVERS } from '../../shared/config/defaults';
import type { LocalEvidence } from '../../shared/types/local';
import { collectLocal, DEFAULT_CHECK_DEADLINE_MS, localChecksReason } from '../local/collect';
import { firstAddressLookup, systemResolver, type SystemResolver } from '../local/resolver';
import type { TokenSource } from './app-core';
import { scanForSuspects, type ExtensionScan } from './extensions';

/** How long an extension scan result is reused, ms. */
export const EXTENSION_SCAN_TTL_MS = 5 * 60_000;

/**
 * How long the monitor reuses a target's local checks, ms: during an outage it diagnoses every round,
 * and the user's connection is not re-tested that often (a user's request always tests again).
 */
export const LOCAL_REUSE_MS = 2 * 60_000;

/** Default hard deadline of one round, ms (the probe limits' overall deadline plus slack). */
export const DEFAULT_ROUND_DEADLINE_MS = 20_000;

/** What the wiring is built from. */
export interface WiringOptions {
  config: ResolvedConfig;
  tokens: TokenSource;
  /** Where the fingerprint memory lives; null keeps it in memory for this run only. */
  dataDir: string | null;
  history: HistoryStore | null;
  now: () => Date;
  clock?: Clock;
  /** Environment for HTTPS_PROXY/HTTP_PROXY/NO_PROXY (default process.env). */
  env?: Record<string, string | undefined>;
  /** Extra trusted CA certificates (PEM text), for tests against local TLS servers. */
  ca?: string[];
  /** Probe function (default core/probe/http.ts); tests may pass a fake. */
  probe?: ProbeFn;
  /** Status-page cache interval, ms (the reader enforces at least 60 s). */
  statusMinIntervalMs?: number;
  /** Extension scanner (default: the real one over the configured browser profiles). */
  scanExtensions?: (target: ResolvedTarget, profiles: string[]) => Promise<ExtensionScan>;
  /** Hard deadline of one round, ms. */
  roundDeadlineMs?: number;
  /** Extra probe limits (tests shorten them). */
  limits?: Partial<ProbeLimits>;
  /** Replaces the system resolver for the probes and the local checks (tests only). */
  resolver?: SystemResolver;
  /** Deadline of one local check, ms. */
  localCheckMs?: number;
  /**
   * Run the "Is it me?" checks after failures. Default: on, except with an injected `probe` (a fake
   * network), where the checks would reach the real one.
   */
  localChecks?: boolean;
}

/** Options of one round run through the wiring. */
export interface WiredRoundOptions {
  symptom?: boolean;
  forceStatus?: boolean;
  signal?: AbortSignal;
}

/** The shared parts; see the file header. */
export class Wiring {
  private config: ResolvedConfig;
  private readonly readers = new Map<string, StatusPageReader>();
  private readonly tracker: FingerprintTracker | null;
  private readonly scans = new Map<string, { at: number; scan: ExtensionScan }>();
  /** Endpoints that asked, by Retry-After, to be left alone for a while; per target. */
  private readonly holds = new Map<string, HoldBacks>();
  private readonly locals = new Map<string, { at: number; local: LocalEvidence }>();
  readonly probe: ProbeFn;
  readonly readStatus: StatusFn;

  constructor(private readonly options: WiringOptions) {
    this.config = options.config;
    this.tracker = options.dataDir
      ? new FingerprintTracker(
          join(options.dataDir, 'fingerprints.json'),
          options.now,
          changeGapSeconds(options.config.intervalSeconds),
        )
      : null;
    const base = options.probe ?? httpProbe;
    const env = options.env;
    const ca = options.ca && options.ca.length > 0 ? options.ca : undefined;
    const lookup = options.resolver ? firstAddressLookup(options.resolver) : undefined;
    // The real probe first loads what it needs on a loopback listener of its own, so a cold process
    // does not time its own start-up as the service's DNS, connect or first byte.
    const warm = options.probe ? null : warmUpProbes;
    this.probe = async (request) => {
      if (warm) await warm();
      return base({
        ...request,
        ...(env && request.env === undefined ? { env } : {}),
        ...(ca && request.ca === undefined ? { ca } : {}),
        ...(lookup && request.lookup === undefined ? { lookup } : {}),
      });
    };
    this.readStatus = (target, opts) => this.reader(target)?.read(opts ?? {}) ?? Promise.resolve(null);
  }

  /** A one-time notice from loading the fingerprint memory (it was corrupt and moved aside), or null. */
  get notice(): string | null {
    return this.tracker?.notice ?? null;
  }

  /** The configuration in use. */
  get current(): ResolvedConfig {
    return this.config;
  }

  /** Applies a new configuration; readers of unchanged status pages keep their cache. */
  reconfigure(config: ResolvedConfig): void {
    this.config = config;
    for (const [key] of this.readers) {
      if (!config.targets.some((t) => t.statusPage !== null && readerKey(t) === key))
        this.readers.delete(key);
    }
  }

  /** The target by name, or null. */
  target(name: string): ResolvedTarget | null {
    return this.config.targets.find((t) => t.name === name) ?? null;
  }

  /** Whether the target's token reaches one of its `auth` endpoints (never the token itself). */
  hasToken(target: ResolvedTarget): boolean {
    return tokenUsable(this.options.tokens, target);
  }

  /** The latest status reading of a target without any request. */
  peekStatus(target: ResolvedTarget): StatusReading | null {
    return this.reader(target)?.peek() ?? null;
  }

  /** Runs one round for a target; the site probe also feeds the fingerprint memory. */
  async round(target: ResolvedTarget, opts: WiredRoundOptions = {}): Promise<Round> {
    let holds = this.holds.get(target.name);
    if (!holds) this.holds.set(target.name, (holds = new HoldBacks()));
    const heldBack = holds.active(this.options.now().getTime());
    const token = boundToken(this.options.tokens, target);
    const round = await runRound(
      {
        target,
        controls: this.config.controls,
        alternateProxy: this.config.alternatePath?.proxy ?? null,
        token: token?.value ?? null,
        ...(token ? { tokenOrigins: token.origins } : {}),
        deadlineMs: this.options.roundDeadlineMs ?? DEFAULT_ROUND_DEADLINE_MS,
        ...(opts.symptom ? { symptom: true } : {}),
        ...(opts.forceStatus ? { forceStatus: true } : {}),
        ...(this.options.limits ? { limits: this.options.limits } : {}),
        ...(opts.signal ? { signal: opts.signal } : {}),
        ...(heldBack.length > 0 ? { heldBack } : {}),
      },
      {
        probe: this.probe,
        readStatus: this.readStatus,
        ...(this.options.clock ? { clock: this.options.clock } : {}),
      },
    );
    holds.note(round, this.options.now().getTime());
    this.rememberFingerprint(target, round);
    this.options.history?.appendRound(round);
    return round;
  }

  /** The extension scan for a target, reused for a few minutes. */
  async extensions(target: ResolvedTarget): Promise<ExtensionScan> {
    const now = this.options.now().getTime();
    const cached = this.scans.get(target.name);
    if (cached && now - cached.at < EXTENSION_SCAN_TTL_MS) return cached.scan;
    const env = this.options.env;
    const scanner =
      this.options.scanExtensions ??
      ((t: ResolvedTarget, profiles: string[]) => scanForSuspects(t, profiles, env));
    let scan: ExtensionScan;
    try {
      scan = await scanner(target, this.config.browserProfiles);
    } catch {
      scan = { scanned: false, profilesScanned: 0, suspects: [] };
    }
    this.scans.set(target.name, { at: now, scan });
    return scan;
  }

  /** The evidence of a window of rounds (baselines from history, remembered fingerprint, extension scan). */
  evidence(
    target: ResolvedTarget,
    rounds: Round[],
    extra: { symptom: boolean; extensions?: ExtensionScan; directBaselines?: Record<string, number | null> },
  ): Evidence {
    const history = this.options.history;
    const baselines: Record<string, number | null> = {};
    for (const [name, ms] of Object.entries(extra.directBaselines ?? {})) baselines[`direct:${name}`] = ms;
    if (history) {
      const names = ['site', ...target.endpoints.map((e) => e.name)];
      for (const path of ['direct', 'alternate'] as const) {
        for (const [name, ms] of Object.entries(history.baselines(target.name, names, path))) {
          baselines[`${path}:${name}`] ??= ms;
        }
      }
    }
    const firstError = firstFailureAt(rounds);
    // Without a data folder, buildEvidence still finds a change inside the window on its own.
    const fingerprint = this.tracker?.evidence(siteOrigin(target.site), firstError);
    return buildEvidence({
      target,
      rounds,
      baselines,
      ...(fingerprint && fingerprint.current !== null ? { fingerprint } : {}),
      ...(extra.extensions ? { extensions: extra.extensions } : {}),
      tokenConfigured: this.hasToken(target),
      alternateConfigured: this.config.alternatePath !== null,
      symptom: extra.symptom,
      now: this.options.now,
    });
  }

  /** Diagnoses a window of rounds; with `symptom`, browser extensions are scanned first (cached). */
  async diagnose(
    target: ResolvedTarget,
    rounds: Round[],
    options: { symptom?: boolean; signal?: AbortSignal } = {},
  ): Promise<Diagnosis> {
    const symptom = options.symptom === true || rounds.some((r) => r.symptom === true);
    const [extensions, local] = await Promise.all([
      symptom ? this.extensions(target) : undefined,
      this.localChecks(target, rounds, { symptom, ...(options.signal ? { signal: options.signal } : {}) }),
    ]);
    const evidence = this.evidence(target, rounds, { symptom, ...(extensions ? { extensions } : {}) });
    return classify(local ? { ...evidence, local } : evidence);
  }

  /**
   * The "Is it me?" checks for a window of rounds, or null when nothing failed and the user did not ask
   * (a healthy window costs no extra request).
   */
  async localChecks(
    target: ResolvedTarget,
    rounds: Round[],
    options: { symptom?: boolean; asked?: boolean; signal?: AbortSignal } = {},
  ): Promise<LocalEvidence | null> {
    if (!(this.options.localChecks ?? this.options.probe === undefined)) return null;
    const reason = localChecksReason(rounds, options);
    if (!reason) return null;
    return collectLocal(
      {
        target,
        controls: this.config.controls,
        dohResolvers: this.config.dohResolvers ?? DEFAULT_DOH_RESOLVERS,
        alternateProxy: this.config.alternatePath?.proxy ?? null,
        rounds,
        env: this.options.env ?? process.env,
        resolver: this.options.resolver ?? systemResolver,
        ...(this.options.ca && this.options.ca.length > 0 ? { ca: this.options.ca } : {}),
        probe: this.probe,
        now: this.options.now,
        deadlineMs: this.options.localCheckMs ?? DEFAULT_CHECK_DEADLINE_MS,
        signal: options.signal ?? new AbortController().signal,
      },
      reason,
    );
  }

  /**
   * The monitor's diagnosis step: it ran the round itself, so the newest site probe is fed to the
   * fingerprint memory here (the monitor records deploy markers itself). `baselines` are the monitor's,
   * by direct endpoint name.
   */
  async diagnoseMonitored(
    target: ResolvedTarget,
    rounds: Round[],
    options: {
      symptom: boolean;
      baselines: Record<string, number | null>;
      asked?: boolean;
      signal?: AbortSignal;
    },
  ): Promise<Diagnosis> {
    const newest = rounds.at(-1);
    const site = newest?.probes.find((p) => p.path === 'direct' && p.name === 'site') ?? null;
    if (this.tracker && site) this.tracker.observe(siteOrigin(target.site), site);
    const symptom = options.symptom || newest?.symptom === true;
    // Only the newest round decides: an outage earlier in the window is no reason to test a healthy link.
    const [extensions, local] = await Promise.all([
      symptom ? this.extensions(target) : undefined,
      this.monitoredLocalChecks(target, newest ? [newest] : [], symptom, options),
    ]);
    const evidence = this.evidence(target, rounds, {
      symptom,
      ...(extensions ? { extensions } : {}),
      directBaselines: options.baselines,
    });
    return classify(local ? { ...evidence, local } : evidence);
  }

  /** The local checks for a monitor diagnosis: fresh when asked for, else reused for a while. */
  private async monitoredLocalChecks(
    target: ResolvedTarget,
    rounds: Round[],
    symptom: boolean,
    options: { asked?: boolean; signal?: AbortSignal },
  ): Promise<LocalEvidence | null> {
    const asked = symptom || options.asked === true;
    const now = this.options.now().getTime();
    const cached = this.locals.get(target.name);
    const reason = localChecksReason(rounds, { symptom, asked });
    if (!reason) return null;
    if (!asked && cached && now - cached.at < LOCAL_REUSE_MS) return cached.local;
    const local = await this.localChecks(target, rounds, {
      symptom,
      asked,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    if (local) this.locals.set(target.name, { at: now, local });
    return local;
  }

  /** Closes what the wiring holds open (nothing today besides caches). */
  close(): void {
    this.readers.clear();
  }

  private reader(target: ResolvedTarget): StatusPageReader | null {
    if (!target.statusPage) return null;
    const key = readerKey(target);
    let reader = this.readers.get(key);
    if (!reader) {
      const ca = this.options.ca && this.options.ca.length > 0 ? this.options.ca : undefined;
      reader = new StatusPageReader({
        baseUrl: target.statusPage,
        now: () => this.options.now().getTime(),
        ...(this.options.statusMinIntervalMs ? { minIntervalMs: this.options.statusMinIntervalMs } : {}),
        fetchOptions: { ...(ca ? { ca } : {}), ...(this.options.env ? { env: this.options.env } : {}) },
      });
      this.readers.set(key, reader);
    }
    return reader;
  }

  private rememberFingerprint(target: ResolvedTarget, round: Round): void {
    const site = round.probes.find((p) => p.path === 'direct' && p.name === 'site') ?? null;
    if (this.tracker) {
      const origin = siteOrigin(target.site);
      const before = this.tracker.evidence(origin, null);
      const after = this.tracker.observe(origin, site);
      if (after.changedAt && after.changeBounded && after.changedAt !== before.changedAt && after.current) {
        this.options.history?.appendDeploy(
          target.name,
          after.current,
          Date.parse(after.changedAt) || Date.now(),
        );
      }
    }
  }
}

function readerKey(target: ResolvedTarget): string {
  return `${target.name}\u0000${target.statusPage ?? ''}`;
}

/** ISO time of the first failing direct probe in the rounds, or null. */
function firstFailureAt(rounds: Round[]): string | null {
  let first: string | null = null;
  for (const r of rounds) {
    for (const p of r.probes) {
      if (
        p.path !== 'direct' ||
        p.outcome === 'ok' ||
        p.outcome === 'body-too-large' ||
        p.outcome === 'challenge'
      )
        continue;
      if (first === null || p.at < first) first = p.at;
    }
  }
  return first;
}
