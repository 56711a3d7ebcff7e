// One read of a status page: fetches each endpoint at most once, reuses unchanged (304) parts, parses
// with a provider and combines what its endpoints said.

import type { StatusSnapshot, StatusProviderId, StatusUnavailableReason } from '../../shared/types/status';
import { classifyBody } from './body';
import type { StatusFetchResult } from './fetch';
import { StatusFormatError, type ParseContext, type StatusProvider } from './provider';
import { combineSnapshots } from './snapshot';

/** The last good parse of one endpoint, kept for conditional requests. */
export interface EndpointMemo {
  provider: StatusProviderId;
  etag: string | null;
  part: StatusSnapshot;
}

/** Why one endpoint gave nothing. */
export interface EndpointFailure {
  url: string;
  reason: StatusUnavailableReason;
  detail: string;
  /** The endpoint does not exist (404/410) or its body is not this provider's shape. */
  absent: boolean;
}

/** Reasons that say the whole host is out of reach (or refusing us), so trying more endpoints is pointless. */
export const TERMINAL_REASONS: ReadonlySet<StatusUnavailableReason> = new Set([
  'inactive',
  'bot-check',
  'timeout',
  'network',
  'too-large',
]);

/** A failed fetch as an endpoint failure; a 404/410 means the endpoint does not exist here. */
function fetchFailure(
  url: string,
  result: { reason: StatusUnavailableReason; detail: string; status: number | null },
): EndpointFailure {
  const absent = result.reason === 'http-error' && (result.status === 404 || result.status === 410);
  return { url, reason: result.reason, detail: result.detail, absent };
}

/** What reading one provider's endpoints gave. */
export type ProviderRead =
  | { ok: true; snapshot: StatusSnapshot; failures: EndpointFailure[] }
  | { ok: false; failures: EndpointFailure[] };

/** How a pass fetches one URL (the reader binds its fetch options and the remaining time). */
export type PassFetch = (url: string, etag: string | null) => Promise<StatusFetchResult>;

/** Everything a pass needs from the reader. */
export interface PassOptions {
  pageUrl: string;
  fetchedAt: string;
  fetch: PassFetch;
  /** Per-URL memos, kept by the reader across passes. */
  memos: Map<string, EndpointMemo>;
  /** True for endpoints recently found absent; they are not asked again for a while. */
  isSkipped: (url: string) => boolean;
}

/** One read of one status page. */
export class ReadPass {
  private readonly fetched = new Map<string, Promise<StatusFetchResult>>();

  constructor(private readonly options: PassOptions) {}

  /** Fetches a URL at most once in this pass, conditionally when a memo has its ETag. */
  fetchOnce(url: string): Promise<StatusFetchResult> {
    let pending = this.fetched.get(url);
    if (!pending) {
      const memo = this.options.memos.get(url);
      pending = this.options.fetch(url, memo?.etag ?? null).then((result) =>
        // A 304 we cannot use (no memo) is asked again without the condition.
        result.kind === 'not-modified' && !memo ? this.options.fetch(url, null) : result,
      );
      this.fetched.set(url, pending);
    }
    return pending;
  }

  private context(sourceUrl: string): ParseContext {
    return { pageUrl: this.options.pageUrl, sourceUrl, fetchedAt: this.options.fetchedAt };
  }

  /** The part this provider last parsed from `url`, re-dated to this pass, for a 304 (null if none). */
  private remembered(provider: StatusProvider, url: string): StatusSnapshot | null {
    const memo = this.options.memos.get(url);
    return memo && memo.provider === provider.id ? { ...memo.part, fetchedAt: this.options.fetchedAt } : null;
  }

  /** Reads one endpoint with one provider: a snapshot part, or why not. */
  private async readEndpoint(
    provider: StatusProvider,
    url: string,
  ): Promise<StatusSnapshot | EndpointFailure> {
    const result = await this.fetchOnce(url);
    if (result.kind === 'failed') return fetchFailure(url, result);
    if (result.kind === 'not-modified') {
      return (
        this.remembered(provider, url) ?? {
          url,
          reason: 'malformed',
          detail: `${url} said "not modified" for a body we never parsed`,
          absent: false,
        }
      );
    }
    const body = classifyBody(result.body, result.contentType);
    if (body.kind === 'html')
      return {
        url,
        reason: 'not-json',
        detail: `${url} answered with an HTML page, not JSON`,
        absent: false,
      };
    if (body.kind === 'malformed')
      return { url, reason: 'malformed', detail: `${url}: ${body.detail}`, absent: false };
    try {
      const part = provider.parse(body.value, this.context(result.url));
      this.options.memos.set(url, { provider: provider.id, etag: result.etag, part });
      return part;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      return {
        url,
        reason: 'malformed',
        detail: `${url}: ${message}`,
        absent: err instanceof StatusFormatError,
      };
    }
  }

  /**
   * Reads a provider's endpoints in order and combines every part that parsed. Stops early on a
   * terminal failure. With `html`, a provider that reads pages gets the base page when no JSON worked.
   */
  async readProvider(provider: StatusProvider, base: URL, html: boolean): Promise<ProviderRead> {
    const parts: StatusSnapshot[] = [];
    const failures: EndpointFailure[] = [];
    for (const url of provider.probeUrls(base)) {
      if (this.options.isSkipped(url)) continue;
      const outcome = await this.readEndpoint(provider, url);
      if ('reason' in outcome) {
        failures.push(outcome);
        if (TERMINAL_REASONS.has(outcome.reason)) break;
      } else parts.push(outcome);
    }
    if (
      parts.length === 0 &&
      html &&
      provider.parseHtml &&
      !failures.some((f) => TERMINAL_REASONS.has(f.reason))
    ) {
      const fromPage = await this.readPage(provider, base);
      if ('reason' in fromPage) failures.push(fromPage);
      else parts.push(fromPage);
    }
    const [first, ...rest] = parts;
    return first
      ? { ok: true, snapshot: combineSnapshots(first, ...rest), failures }
      : { ok: false, failures };
  }

  /** Reads the data a provider's HTML page embeds. */
  async readPage(provider: StatusProvider, base: URL): Promise<StatusSnapshot | EndpointFailure> {
    const url = base.href;
    const result = await this.fetchOnce(url);
    if (result.kind === 'failed') return fetchFailure(url, result);
    if (result.kind === 'not-modified') {
      return (
        this.remembered(provider, url) ?? {
          url,
          reason: 'not-json',
          detail: `${url} said "not modified" for a page we never read`,
          absent: true,
        }
      );
    }
    const snapshot =
      classifyBody(result.body, result.contentType).kind === 'html'
        ? (provider.parseHtml?.(result.body, this.context(result.url)) ?? null)
        : null;
    if (!snapshot)
      return {
        url,
        reason: 'not-json',
        detail: `${url} is a page without status data we can read`,
        absent: true,
      };
    this.options.memos.set(url, { provider: provider.id, etag: result.etag, part: snapshot });
    return snapshot;
  }
}
