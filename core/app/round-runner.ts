// Rounds run outside the monitor's schedule (`why500 check`, `why500 diagnose`, the Test button) and the
// parts every round shares: the probe (with the environment's proxy, any extra CA and a test resolver),
// one status-page reader per status page (shared by the targets naming it), and the Retry-After
// hold-backs of each target.

import type { ResolvedConfig, ResolvedTarget } from '../../shared/types/config';
import type { Round } from '../../shared/types/monitor';
import type { StatusReading } from '../../shared/types/status';
import { boundToken, type TokenSource } from '../config/token-origins';
import type { HistoryStore } from '../history/history';
import { firstAddressLookup, type SystemResolver } from '../local/resolver';
import type { Clock } from '../monitor/clock';
import { HoldBacks } from '../monitor/hold-back';
import { runRound, type ProbeFn, type StatusFn } from '../monitor/round';
import { probe as httpProbe } from '../probe/http';
import type { ProbeLimits } from '../probe/types';
import { warmUpProbes } from '../probe/warm-up';
import { StatusPageReader } from '../status/reader';
import { SharedProbes } from './shared-probes';
import { catalogue } from '../../shared/catalogue/catalogue';

/** Default hard deadline of one round, ms (the probe limits' overall deadline plus slack). */
export const DEFAULT_ROUND_DEADLINE_MS = 20_000;

/** What the round runner is built from. */
export interface RoundRunnerOptions {
  config: ResolvedConfig;
  tokens: TokenSource;
  history: HistoryStore | null;
  now: () => Date;
  clock?: Clock;
  /** Environment for HTTPS_PROXY/HTTP_PROXY/NO_PROXY (default process.env). */
  env?: Record<string, string | undefined>;
  /**
   * The environment of a probe of one URL, taking precedence over `env` (the app asks the system
   * proxy per address); the object may change in place between calls.
   */
  envFor?: (url: string) => Record<string, string | undefined>;
  /** Extra trusted CA certificates (PEM text), for tests against local TLS servers. */
  ca?: string[];
  /** Probe function (default core/probe/http.ts); tests may pass a fake. */
  probe?: ProbeFn;
  /** Hard deadline of one round, ms. */
  roundDeadlineMs?: number;
  /** Extra probe limits (tests shorten them). */
  limits?: Partial<ProbeLimits>;
  /** Replaces the system resolver for the probes (tests only). */
  resolver?: SystemResolver;
  /** Told about every round run here, before it is stored (the diagnoser's fingerprint memory). */
  onRound?: (target: ResolvedTarget, round: Round) => void;
}

/** Options of one round. */
export interface RunRoundOptions {
  symptom?: boolean;
  forceStatus?: boolean;
  signal?: AbortSignal;
}

/** Runs rounds for the app core and lends the monitor its probe and status readers; see the file header. */
export class RoundRunner {
  private config: ResolvedConfig;
  private readonly readers = new Map<string, StatusPageReader>();
  /** Endpoints that asked, by Retry-After, to be left alone for a while; per target. */
  private readonly holds = new Map<string, HoldBacks>();
  /** The probe every round and local check uses. */
  readonly probe: ProbeFn;
  /** Token-less answers lent between different services' rounds (one politeness budget per origin). */
  readonly shared: SharedProbes;
  /** Reads a target's status page through its (cached, rate-limited) reader. */
  readonly readStatus: StatusFn;

  constructor(private readonly options: RoundRunnerOptions) {
    this.config = options.config;
    const base = options.probe ?? httpProbe;
    const env = options.env;
    const ca = options.ca && options.ca.length > 0 ? options.ca : undefined;
    const lookup = options.resolver ? firstAddressLookup(options.resolver) : undefined;
    // The real probe first loads what it needs on a loopback listener of its own, so a cold process
    // does not time its own start-up as the service's DNS, connect or first byte.
    const warm = options.probe ? null : warmUpProbes;
    const envOf = (url: string) => options.envFor?.(url) ?? env;
    this.probe = async (request) => {
      if (warm) await warm();
      const probeEnv = request.env === undefined ? envOf(request.url) : undefined;
      return base({
        ...request,
        ...(probeEnv ? { env: probeEnv } : {}),
        ...(ca && request.ca === undefined ? { ca } : {}),
        ...(lookup && request.lookup === undefined ? { lookup } : {}),
      });
    };
    const clock = options.clock;
    this.shared = new SharedProbes(this.probe, () => (clock ? clock.now() : performance.now()));
    this.readStatus = (target, opts) => this.reader(target)?.read(opts ?? {}) ?? Promise.resolve(null);
  }

  /** The probe one target's rounds use: its token-less requests share answers with other targets' rounds. */
  probeFor(target: string): ProbeFn {
    return this.shared.for(target);
  }

  /** Applies a new configuration; readers of unchanged status pages keep their cache. */
  reconfigure(config: ResolvedConfig): void {
    this.config = config;
    for (const [key] of this.readers) {
      if (!config.targets.some((t) => t.statusPage !== null && readerKey(t) === key))
        this.readers.delete(key);
    }
  }

  /** The latest status reading of a target without any request. */
  peekStatus(target: ResolvedTarget): StatusReading | null {
    return this.reader(target)?.peek() ?? null;
  }

  /** Runs one round for a target now and stores it in the history. */
  async round(target: ResolvedTarget, opts: RunRoundOptions = {}): Promise<Round> {
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
        probe: this.probeFor(target.name),
        readStatus: this.readStatus,
        ...(this.options.clock ? { clock: this.options.clock } : {}),
      },
    );
    holds.note(round, this.options.now().getTime());
    this.options.onRound?.(target, round);
    this.options.history?.appendRound(round);
    return round;
  }

  /**
   * A front vendor's own status page (from the catalogue, by recogniser vendor id, e.g. `cloudflare`),
   * through a cached reader like the services' pages; null when the catalogue knows no page for it.
   */
  readVendorStatus(vendor: string): Promise<StatusReading | null> {
    const page = catalogue().vendors.find((v) => v.id === vendor)?.statusPage;
    if (!page) return Promise.resolve(null);
    return this.readerAt(page, null).read();
  }

  /** Drops what the runner caches (the status readers). */
  close(): void {
    this.readers.clear();
  }

  private reader(target: ResolvedTarget): StatusPageReader | null {
    if (!target.statusPage) return null;
    return this.readerAt(target.statusPage, target.statusFallback ?? null);
  }

  private readerAt(statusPage: string, statusFallback: string | null): StatusPageReader {
    const key = readerKey({ statusPage, statusFallback });
    let reader = this.readers.get(key);
    if (!reader) {
      const ca = this.options.ca && this.options.ca.length > 0 ? this.options.ca : undefined;
      const env = this.options.envFor?.(statusPage) ?? this.options.env;
      const lookup = this.options.resolver ? firstAddressLookup(this.options.resolver) : undefined;
      reader = new StatusPageReader({
        baseUrl: statusPage,
        ...(statusFallback ? { fallbackUrl: statusFallback } : {}),
        now: () => this.options.now().getTime(),
        fetchOptions: {
          ...(ca ? { ca } : {}),
          ...(env ? { env } : {}),
          ...(lookup ? { lookup } : {}),
        },
      });
      this.readers.set(key, reader);
    }
    return reader;
  }
}

/**
 * One reader per status page (and fallback), shared by every target that names it: services on the same
 * page cause one read per interval, not one each.
 */
function readerKey(target: Pick<ResolvedTarget, 'statusPage' | 'statusFallback'>): string {
  return `${target.statusPage ?? ''}\u0000${target.statusFallback ?? ''}`;
}
