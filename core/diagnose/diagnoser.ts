// The step from a window of rounds to a diagnosis: evidence (baselines from history, the remembered
// build fingerprint, the cached extension scan, the "Is it me?" checks) handed to the classifier.
// The CLI's observations and the monitor's rounds both end here. The newest round of every watched
// service is kept, so each diagnosis also weighs what the others did at the same time (core/evidence/peers).

import { join } from 'node:path';
import { classify } from '../../shared/classifier';
import type { ResolvedConfig, ResolvedTarget } from '../../shared/types/config';
import type { Diagnosis } from '../../shared/types/diagnosis';
import type { Evidence } from '../../shared/types/evidence';
import type { Round } from '../../shared/types/monitor';
import { tokenUsable, type TokenSource } from '../config/token-origins';
import { buildEvidence } from '../evidence/build';
import { buildPeerEvidence, freshPeers, vendorOfFailure, type PeerRound } from '../evidence/peers';
import type { StatusReading } from '../../shared/types/status';
import { changeGapSeconds, FingerprintTracker, siteOrigin } from '../evidence/fingerprint';
import type { HistoryStore } from '../history/history';
import type { ProbeFn } from '../monitor/round';
import { DEFAULT_DOH_RESOLVERS } from '../../shared/config/defaults';
import type { LocalEvidence } from '../../shared/types/local';
import { collectLocal, DEFAULT_CHECK_DEADLINE_MS, localChecksReason } from '../local/collect';
import { systemResolver, type SystemResolver } from '../local/resolver';
import { scanForSuspects, type ExtensionScan } from './extensions';

/** How long an extension scan result is reused, ms. */
export const EXTENSION_SCAN_TTL_MS = 5 * 60_000;

/**
 * How long the monitor reuses a target's local checks, ms: during an outage it diagnoses every round,
 * and the user's connection is not re-tested that often (a user's request always tests again).
 */
export const LOCAL_REUSE_MS = 2 * 60_000;

/** What the diagnoser is built from. */
export interface DiagnoserOptions {
  config: ResolvedConfig;
  tokens: TokenSource;
  /** Where the fingerprint memory lives; null keeps it in memory for this run only. */
  dataDir: string | null;
  history: HistoryStore | null;
  now: () => Date;
  /** The probe the local checks use (the app's, with its proxy environment, CAs and resolver). */
  probe: ProbeFn;
  /** Environment for HTTPS_PROXY/HTTP_PROXY/NO_PROXY (default process.env). */
  env?: Record<string, string | undefined>;
  /**
   * The environment of a probe of one URL, taking precedence over `env` (the app asks the system
   * proxy per address); the object may change in place between calls.
   */
  envFor?: (url: string) => Record<string, string | undefined>;
  /** Extra trusted CA certificates (PEM text), for tests against local TLS servers. */
  ca?: string[];
  /** Extension scanner (default: the real one over the configured browser profiles). */
  scanExtensions?: (target: ResolvedTarget, profiles: string[]) => Promise<ExtensionScan>;
  /** Replaces the system resolver for the local checks (tests only). */
  resolver?: SystemResolver;
  /** Run the "Is it me?" checks after failures (default: yes). */
  localChecks?: boolean;
  /** Reads a front vendor's own status page (by recogniser vendor id), when several services fail behind it. */
  vendorStatus?: (vendor: string) => Promise<StatusReading | null>;
}

/** Turns windows of rounds into diagnoses; see the file header. */
export class Diagnoser {
  private config: ResolvedConfig;
  private readonly tracker: FingerprintTracker | null;
  private readonly scans = new Map<string, { at: number; scan: ExtensionScan }>();
  private readonly locals = new Map<
    string,
    { at: number; local: LocalEvidence; round: Round | undefined; reason: string }
  >();
  /** The newest round of each watched service, for the others' diagnoses. */
  private readonly newest = new Map<string, PeerRound>();

  constructor(private readonly options: DiagnoserOptions) {
    this.config = options.config;
    this.tracker = options.dataDir
      ? new FingerprintTracker(
          join(options.dataDir, 'fingerprints.json'),
          options.now,
          changeGapSeconds(options.config.intervalSeconds),
        )
      : null;
  }

  /** A one-time notice from loading the fingerprint memory (it was corrupt and moved aside), or null. */
  get notice(): string | null {
    return this.tracker?.notice ?? null;
  }

  /** Applies a new configuration. */
  reconfigure(config: ResolvedConfig): void {
    this.config = config;
  }

  /** Whether the target's token reaches one of its `auth` endpoints (never the token itself). */
  private hasToken(target: ResolvedTarget): boolean {
    return tokenUsable(this.options.tokens, target);
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
    extra: {
      symptom: boolean;
      extensions?: ExtensionScan;
      directBaselines?: Record<string, number | null>;
      vendorStatus?: StatusReading | null;
    },
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
    const evidence = buildEvidence({
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
    const peers = buildPeerEvidence({
      target,
      newest: latestOf(rounds) ?? null,
      peers: this.peersOf(target),
      vendorStatus: extra.vendorStatus ?? null,
    });
    return peers ? { ...evidence, peers } : evidence;
  }

  /** The other configured services' newest rounds, in the configuration's order (sentences list them so). */
  private peersOf(target: ResolvedTarget): PeerRound[] {
    const out: PeerRound[] = [];
    for (const t of this.config.targets) {
      const peer = t.name === target.name ? undefined : this.newest.get(t.name);
      if (peer) out.push(peer);
    }
    return out;
  }

  /** Notes a service's newest round for the others' diagnoses. */
  private noteNewest(target: ResolvedTarget, round: Round | undefined): void {
    if (!round) return;
    const known = this.newest.get(target.name);
    if (!known || known.round.startedAt <= round.startedAt) this.newest.set(target.name, { target, round });
  }

  /**
   * The front vendor's status page, read only when this service and another fail together with that
   * vendor's own error pages (a vendor with no known page, or no reader: null).
   */
  private async sharedVendorStatus(target: ResolvedTarget, rounds: Round[]): Promise<StatusReading | null> {
    const newest = latestOf(rounds);
    const read = this.options.vendorStatus;
    if (!newest || !read) return null;
    const mine = vendorOfFailure(newest);
    if (!mine) return null;
    const together = freshPeers(newest, this.peersOf(target)).some(
      (p) => vendorOfFailure(p.round)?.vendor === mine.vendor,
    );
    if (!together) return null;
    try {
      return await read(mine.vendor);
    } catch {
      return null;
    }
  }

  /** Diagnoses a window of rounds; with `symptom`, browser extensions are scanned first (cached). */
  async diagnose(
    target: ResolvedTarget,
    rounds: Round[],
    options: { symptom?: boolean; signal?: AbortSignal } = {},
  ): Promise<Diagnosis> {
    const symptom = options.symptom === true || rounds.some((r) => r.symptom === true);
    this.noteNewest(target, latestOf(rounds));
    const [extensions, local] = await Promise.all([
      symptom ? this.extensions(target) : undefined,
      this.localChecks(target, rounds, { symptom, ...(options.signal ? { signal: options.signal } : {}) }),
    ]);
    // After the checks: services observed side by side may have landed their rounds meanwhile.
    const vendorStatus = await this.sharedVendorStatus(target, rounds);
    const evidence = this.evidence(target, rounds, {
      symptom,
      ...(extensions ? { extensions } : {}),
      vendorStatus,
    });
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
    if (this.options.localChecks === false) return null;
    const reason = localChecksReason(rounds, options);
    if (!reason) return null;
    return collectLocal(
      {
        target,
        controls: this.config.controls,
        dohResolvers: this.config.dohResolvers ?? DEFAULT_DOH_RESOLVERS,
        alternateProxy: this.config.alternatePath?.proxy ?? null,
        rounds,
        env: this.options.envFor?.(target.site) ?? this.options.env ?? process.env,
        resolver: this.options.resolver ?? systemResolver,
        ...(this.options.ca && this.options.ca.length > 0 ? { ca: this.options.ca } : {}),
        probe: this.options.probe,
        now: this.options.now,
        deadlineMs: DEFAULT_CHECK_DEADLINE_MS,
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
      /** A partial diagnosis of a round in flight: no local checks (the complete one runs them). */
      partial?: boolean;
    },
  ): Promise<Diagnosis> {
    const newest = rounds.at(-1);
    const site = newest?.probes.find((p) => p.path === 'direct' && p.name === 'site') ?? null;
    if (this.tracker && site && !options.partial) this.tracker.observe(siteOrigin(target.site), site);
    const symptom = options.symptom || newest?.symptom === true;
    this.noteNewest(target, newest);
    // Only the newest round decides: an outage earlier in the window is no reason to test a healthy link.
    const [extensions, local] = await Promise.all([
      symptom ? this.extensions(target) : undefined,
      options.partial ? null : this.monitoredLocalChecks(target, newest ? [newest] : [], symptom, options),
    ]);
    const vendorStatus = await this.sharedVendorStatus(target, rounds);
    const evidence = this.evidence(target, rounds, {
      symptom,
      ...(extensions ? { extensions } : {}),
      directBaselines: options.baselines,
      vendorStatus,
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
    const newest = rounds.at(-1);
    // "Diagnose now" diagnoses its round twice (when it lands, then for the user): one run of checks.
    const sameRound = newest !== undefined && cached?.round === newest && cached?.reason === reason;
    if (cached && (sameRound || (!asked && now - cached.at < LOCAL_REUSE_MS))) return cached.local;
    const local = await this.localChecks(target, rounds, {
      symptom,
      asked,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    if (local) this.locals.set(target.name, { at: now, local, round: newest, reason });
    return local;
  }

  /**
   * Feeds the site probe of a round run outside the monitor (`check`, `observe`) to the fingerprint
   * memory, and records a deploy marker in the history when the build changed.
   */
  rememberRound(target: ResolvedTarget, round: Round): void {
    this.noteNewest(target, round);
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

/** The round that started last. */
function latestOf(rounds: Round[]): Round | undefined {
  let latest: Round | undefined;
  for (const r of rounds) if (!latest || r.startedAt >= latest.startedAt) latest = r;
  return latest;
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
