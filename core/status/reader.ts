// Reads one status page politely and honestly: detects its provider, caches for at least a minute,
// asks conditionally, and keeps the last good snapshot (marked stale) when a later read fails. A page
// behind a bot check is "unreadable (bot check)", never "no incident"; its fallback origin, when one is
// known, is read instead (and straight away for the next hour).

import type { StatusReading, StatusSnapshot, StatusUnavailableReason } from '../../shared/types/status';
import { detectProvider, rememberedProviders, summariseFailures, type ProviderMemory } from './detect';
import { STATUS_FETCH_DEFAULTS, fetchStatusDocument, oneLine, type StatusFetchOptions } from './fetch';
import { ReadPass, type EndpointMemo, type EndpointFailure } from './pass';
import type { StatusProvider } from './provider';
import { STATUS_PROVIDERS, providerById } from './providers';
import { cleanText } from '../../shared/text/sanitize';

/** Options of a {@link StatusPageReader}. */
export interface StatusPageReaderOptions {
  /** The status page's base URL, e.g. `https://status.character.ai`. */
  baseUrl: string;
  /** Another origin serving the same page (e.g. its `*.statuspage.io` address), read when `baseUrl` answers with a bot check. */
  fallbackUrl?: string | null;
  /** Clock in ms (default Date.now); drives caching and the times in readings. */
  now?: () => number;
  /** A read within this many ms of the last one returns the cached reading (default and minimum 60 000). */
  minIntervalMs?: number;
  /** Limits and transport of every request. `deadlineMs` bounds a whole read, all endpoints together. */
  fetchOptions?: StatusFetchOptions;
  /** Where detections are remembered (default: process-wide). */
  memory?: ProviderMemory;
  /** Providers to consider (default: all). */
  providers?: readonly StatusProvider[];
}

/** How long an endpoint found absent (404, HTML, another shape) is left alone while others work. */
const ABSENT_ENDPOINT_PAUSE_MS = 60 * 60_000;

/** How long a page found behind a bot check is skipped in favour of its fallback origin. */
const BOT_CHECK_PAUSE_MS = 60 * 60_000;

/** Smallest caching interval: status pages are polled at most once a minute. */
export const MIN_STATUS_INTERVAL_MS = 60_000;

/** Reads one status page; see {@link StatusPageReader.read}. */
export class StatusPageReader {
  private readonly base: URL | null;
  private readonly fallback: URL | null;
  /** Until when the public page is skipped for the fallback (it answered with a bot check). */
  private botCheckedUntil = 0;
  private lastBotCheck = '';
  private readonly now: () => number;
  private readonly minIntervalMs: number;
  private readonly memory: ProviderMemory;
  private readonly providers: readonly StatusProvider[];
  private readonly memos = new Map<string, EndpointMemo>();
  private readonly absentUntil = new Map<string, number>();
  private lastGood: StatusSnapshot | null = null;
  private last: StatusReading | null = null;
  private lastReadAt: number | null = null;
  private inFlight: Promise<StatusReading> | null = null;

  constructor(private readonly options: StatusPageReaderOptions) {
    this.now = options.now ?? Date.now;
    this.minIntervalMs = Math.max(options.minIntervalMs ?? MIN_STATUS_INTERVAL_MS, MIN_STATUS_INTERVAL_MS);
    this.memory = options.memory ?? rememberedProviders;
    this.providers = options.providers ?? STATUS_PROVIDERS;
    this.base = parseBase(options.baseUrl);
    this.fallback = options.fallbackUrl ? parseBase(options.fallbackUrl) : null;
  }

  /** The latest reading without any request, or null before the first read. */
  peek(): StatusReading | null {
    return this.last;
  }

  /**
   * The page's reading. Within `minIntervalMs` of the previous read it returns that reading without a
   * request, unless `force` is set; either way no two reads run at once. A failed read never says the
   * service is down: it returns `unavailable` with a reason, plus the last good snapshot marked `stale`.
   */
  read(options: { force?: boolean } = {}): Promise<StatusReading> {
    if (this.inFlight) return this.inFlight;
    const now = this.now();
    if (!options.force && this.last && this.lastReadAt !== null && now - this.lastReadAt < this.minIntervalMs)
      return Promise.resolve(this.last);
    this.inFlight = this.readNow().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async readNow(): Promise<StatusReading> {
    const startedAt = this.now();
    const fetchedAt = new Date(startedAt).toISOString();
    let reading: StatusReading;
    if (!this.base) {
      reading = this.unavailable(
        'not-configured',
        `not a status page URL: ${oneLine(this.options.baseUrl, 80)}`,
        fetchedAt,
      );
    } else {
      const skipPublic = this.fallback !== null && startedAt < this.botCheckedUntil;
      const outcome = skipPublic
        ? ({ ok: false, reason: 'bot-check', detail: this.lastBotCheck } as const)
        : await this.readBase(this.base, fetchedAt);
      if (outcome.ok) {
        this.lastGood = outcome.snapshot;
        reading = { snapshot: outcome.snapshot, stale: false, unavailable: null };
      } else if (outcome.reason === 'bot-check' && this.fallback) {
        if (!skipPublic) {
          this.botCheckedUntil = startedAt + BOT_CHECK_PAUSE_MS;
          this.lastBotCheck = outcome.detail;
        }
        const other = await this.readBase(this.fallback, fetchedAt);
        if (other.ok) {
          this.lastGood = other.snapshot;
          reading = {
            snapshot: other.snapshot,
            stale: false,
            unavailable: null,
            viaFallback: this.fallback.href,
          };
        } else {
          reading = this.unavailable(
            'bot-check',
            `${outcome.detail}; its other origin ${this.fallback.host} gave nothing either (${other.detail})`,
            fetchedAt,
          );
        }
      } else reading = this.unavailable(outcome.reason, outcome.detail, fetchedAt);
    }
    this.last = reading;
    this.lastReadAt = startedAt;
    return reading;
  }

  private unavailable(reason: StatusUnavailableReason, detail: string, at: string): StatusReading {
    return {
      snapshot: this.lastGood,
      stale: this.lastGood !== null,
      unavailable: { reason, detail: cleanText(detail, 200), at },
    };
  }

  private async readBase(
    base: URL,
    fetchedAt: string,
  ): Promise<
    { ok: true; snapshot: StatusSnapshot } | { ok: false; reason: StatusUnavailableReason; detail: string }
  > {
    const key = base.href;
    const fetchOptions = this.options.fetchOptions ?? {};
    const budgetMs = fetchOptions.deadlineMs ?? STATUS_FETCH_DEFAULTS.deadlineMs;
    const deadline = Date.now() + budgetMs;
    const nowMs = this.now();
    const pass = new ReadPass({
      pageUrl: this.options.baseUrl,
      fetchedAt,
      memos: this.memos,
      isSkipped: (url) => (this.absentUntil.get(url) ?? 0) > nowMs,
      fetch: async (url, etag) => {
        const remaining = deadline - Date.now();
        if (remaining <= 0)
          return {
            kind: 'failed',
            url,
            reason: 'timeout',
            detail: `no answer within ${budgetMs} ms`,
            status: null,
          };
        return fetchStatusDocument(url, { ...fetchOptions, deadlineMs: remaining, etag });
      },
    });

    const knownId = this.memory.get(key);
    const known = knownId ? this.providers.find((p) => p.id === knownId) : undefined;
    if (known) {
      const read = await pass.readProvider(known, base, true);
      if (read.ok) {
        this.pauseAbsent(read.failures, nowMs);
        return { ok: true, snapshot: read.snapshot };
      }
      // Only "not there / not this shape" means the page changed provider; anything else is a bad moment.
      if (!read.failures.every((f) => f.absent))
        return { ok: false, ...summariseFailures(read.failures, base, false) };
      this.memory.forget(key);
    }
    const detected = await detectProvider(pass, base, this.providers);
    if (!detected.ok) return detected;
    this.memory.set(key, detected.provider.id);
    return { ok: true, snapshot: detected.snapshot };
  }

  private pauseAbsent(failures: EndpointFailure[], nowMs: number): void {
    for (const f of failures)
      if (f.absent || f.reason === 'not-json') this.absentUntil.set(f.url, nowMs + ABSENT_ENDPOINT_PAUSE_MS);
  }
}

function parseBase(baseUrl: string): URL | null {
  try {
    const url = new URL(baseUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** The provider a reader would use for an id (re-exported for callers that show its name). */
export function providerLabel(id: StatusSnapshot['provider']): string {
  return providerById(id).label;
}
