// One bounded HTTP GET of a status-page endpoint with undici: timeouts, a deadline, few redirects
// (never into the local network: core/probe/local-redirect.ts), a body cap and conditional
// requests. It never throws; every failure comes back as a reason.

import { lookup as systemLookup } from 'node:dns/promises';
import type { SecureContext } from 'node:tls';
import { Agent, ProxyAgent, request, type Dispatcher } from 'undici';
import type { StatusUnavailableReason } from '../../shared/types/status';
import { appVersion } from '../app/app-info';
import { isChallenge } from '../probe/challenge';
import { proxyFor } from '../probe/env-proxy';
import { LocalRedirectError, RedirectGuard, type ConfiguredRange } from '../probe/local-redirect';
import { trustContext } from '../probe/trust';
import { answerLookup, type NodeLookup } from '../probe/node-lookup';
import type { LookupFn } from '../probe/types';

/** Limits and transport of one status fetch. */
export interface StatusFetchOptions {
  /** Overall deadline including redirects and the body, ms (default 8000). */
  deadlineMs?: number;
  /** TCP+TLS connect timeout, ms (default 5000, never above the deadline). */
  connectTimeoutMs?: number;
  /** Request sent → response headers, ms (default: the deadline). */
  headersTimeoutMs?: number;
  /** Longest pause between body chunks, ms (default: the deadline). */
  bodyTimeoutMs?: number;
  /** Body bytes accepted before giving up with `too-large` (default 2 MiB). */
  maxBytes?: number;
  /** Redirects followed at most (default 5). */
  maxRedirects?: number;
  /** User-Agent header (default `why500/<version>`). */
  userAgent?: string;
  /** Extra CA certificates (PEM) to trust, for tests against local TLS servers. */
  ca?: string | string[];
  /** Send through this dispatcher (the caller owns and closes it); overrides `proxy` and the environment. */
  dispatcher?: Dispatcher;
  /** Send through this HTTP proxy. */
  proxy?: string;
  /** Honour HTTPS_PROXY/HTTP_PROXY/NO_PROXY from `env` (default true). */
  useEnvProxy?: boolean;
  /** Environment to read proxy variables from (default process.env). */
  env?: Record<string, string | undefined>;
  /** Cancels the fetch (reported as `timeout`). */
  signal?: AbortSignal;
  /** Resolve host names with this instead of the system resolver (tests map names to loopback). */
  lookup?: LookupFn;
  /**
   * The range the configured URL's address is in, for the redirect policy (core/probe/local-redirect.ts).
   * Default: found from the first connection. Tests pass `public` to treat a loopback page as public.
   */
  configuredRange?: ConfiguredRange;
}

/** What one fetch gave: a body, "not modified", or why there is nothing. */
export type StatusFetchResult =
  | {
      kind: 'ok';
      /** Final URL after redirects. */
      url: string;
      status: number;
      contentType: string | null;
      etag: string | null;
      body: string;
    }
  | { kind: 'not-modified'; url: string; etag: string | null }
  | {
      kind: 'failed';
      url: string;
      reason: StatusUnavailableReason;
      /** One line saying what happened. */
      detail: string;
      /** HTTP status when there was a response. */
      status: number | null;
    };

/** Defaults of {@link StatusFetchOptions}. */
export const STATUS_FETCH_DEFAULTS = {
  deadlineMs: 8_000,
  connectTimeoutMs: 5_000,
  maxBytes: 2 * 1024 * 1024,
  maxRedirects: 5,
} as const;

/** The User-Agent sent by default, `why500/<version>`. */
export function defaultUserAgent(): string {
  return `why500/${appVersion()}`;
}

/** Cuts text to one line of at most `max` characters. */
export function oneLine(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * The dispatchers of one fetch, picked per hop: through the proxy the options or the environment
 * choose for that hop's URL, else direct. Every direct connection (NO_PROXY hops included) resolves
 * names through the redirect policy before connecting; through a proxy the proxy resolves names, so
 * only IP-literal and `localhost` targets can be judged (by the hop loop).
 */
class HopDispatchers {
  private direct: Dispatcher | null = null;
  private readonly proxies = new Map<string, Dispatcher>();
  private readonly connect: { timeout: number; secureContext?: SecureContext };

  constructor(
    private readonly options: StatusFetchOptions,
    connectMs: number,
    private readonly lookup: GuardedLookup,
  ) {
    // The probes' roots (bundled, the OS store's, and `ca`), not `ca` alone in place of the defaults.
    const secureContext = trustContext(options.ca);
    this.connect = { timeout: connectMs, ...(secureContext ? { secureContext } : {}) };
  }

  /** The dispatcher for a request to `url`. */
  for(url: URL): Dispatcher {
    if (this.options.dispatcher) return this.options.dispatcher;
    const proxy =
      this.options.proxy ??
      (this.options.useEnvProxy === false ? null : proxyFor(url, this.options.env ?? process.env));
    if (!proxy) {
      this.direct ??= new Agent({
        connect: { ...this.connect, lookup: this.lookup },
        keepAliveTimeout: 1_000,
        pipelining: 0,
      });
      return this.direct;
    }
    let agent = this.proxies.get(proxy);
    if (!agent) {
      agent = new ProxyAgent({ uri: proxy, requestTls: this.connect, proxyTls: this.connect });
      this.proxies.set(proxy, agent);
    }
    return agent;
  }

  /** Closes every dispatcher this fetch made (never the caller's). */
  destroy(): void {
    for (const d of [this.direct, ...this.proxies.values()]) if (d) void d.destroy().catch(() => undefined);
  }
}

/** `dns.lookup`'s shape, answered through the redirect guard. */
type GuardedLookup = NodeLookup;

/**
 * A lookup for net.connect that resolves with `lookup` (default the system's) and refuses an
 * address the guard refuses for the current hop.
 */
function guardedLookup(guard: RedirectGuard, hop: () => number, lookup?: LookupFn): GuardedLookup {
  return (hostname, opts, callback) => {
    const resolved = lookup
      ? lookup(hostname).then((a) => [a])
      : systemLookup(hostname, { all: true, verbatim: true });
    resolved.then(
      (addresses) => {
        for (const { address } of addresses) {
          const refusal = guard.check(hop(), hostname, address);
          if (refusal) return callback(new LocalRedirectError(refusal), '');
        }
        answerLookup(hostname, opts, callback, addresses);
      },
      (err: Error) => callback(err, ''),
    );
  };
}

/** The LocalRedirectError in an error's cause chain, or null. */
function localRedirectIn(err: unknown): LocalRedirectError | null {
  for (let e = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++)
    if (e instanceof LocalRedirectError) return e;
  return null;
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | null {
  const value = headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

/** Maps a thrown transport error onto a reason and a one-line detail. */
function describeError(
  err: unknown,
  url: string,
  timedOut: boolean,
): { reason: StatusUnavailableReason; detail: string } {
  const refused = localRedirectIn(err);
  if (refused) return { reason: 'http-error', detail: refused.message };
  const e = err as { code?: string; message?: string; name?: string };
  const code = e?.code ?? '';
  if (timedOut || e?.name === 'AbortError')
    return { reason: 'timeout', detail: `no complete answer from ${url} before the deadline` };
  if (code === 'UND_ERR_CONNECT_TIMEOUT')
    return { reason: 'timeout', detail: `connecting to ${url} timed out` };
  if (code === 'UND_ERR_HEADERS_TIMEOUT')
    return { reason: 'timeout', detail: `${url} sent no headers in time` };
  if (code === 'UND_ERR_BODY_TIMEOUT')
    return { reason: 'timeout', detail: `${url} stopped sending its body` };
  return {
    reason: 'network',
    detail: oneLine(`${url}: ${code ? `${code} ` : ''}${e?.message ?? String(err)}`),
  };
}

/**
 * GETs a status endpoint within hard limits. Sends `Accept: application/json`, the User-Agent and, with
 * an `etag`, `If-None-Match`; a 304 comes back as `not-modified`. Follows at most `maxRedirects`
 * redirects; a body over `maxBytes` is destroyed unread and reported as `too-large`. A 4xx/5xx is
 * `http-error`, except a Statuspage "page is inactive" answer, which is `inactive`.
 */
export async function fetchStatusDocument(
  url: string,
  options: StatusFetchOptions & { etag?: string | null } = {},
): Promise<StatusFetchResult> {
  const deadlineMs = options.deadlineMs ?? STATUS_FETCH_DEFAULTS.deadlineMs;
  const maxBytes = options.maxBytes ?? STATUS_FETCH_DEFAULTS.maxBytes;
  const maxRedirects = options.maxRedirects ?? STATUS_FETCH_DEFAULTS.maxRedirects;
  const connectMs = Math.min(options.connectTimeoutMs ?? STATUS_FETCH_DEFAULTS.connectTimeoutMs, deadlineMs);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, deadlineMs);
  const onOuterAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });
  const headers: Record<string, string> = {
    accept: 'application/json',
    'user-agent': options.userAgent ?? defaultUserAgent(),
  };
  if (options.etag) headers['if-none-match'] = options.etag;

  let current = url;
  let hop = 0;
  const guard = new RedirectGuard(options.configuredRange);
  const dispatchers = new HopDispatchers(
    options,
    connectMs,
    guardedLookup(guard, () => hop, options.lookup),
  );
  try {
    if (options.signal?.aborted) throw Object.assign(new Error('aborted'), { name: 'AbortError' });
    for (; ; hop++) {
      let parsed: URL;
      try {
        parsed = new URL(current);
      } catch {
        return {
          kind: 'failed',
          url: current,
          reason: 'network',
          detail: `not a URL: ${oneLine(current, 80)}`,
          status: null,
        };
      }
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
        return {
          kind: 'failed',
          url: current,
          reason: 'network',
          detail: `unsupported scheme ${parsed.protocol}`,
          status: null,
        };
      const refused = guard.checkHost(hop, parsed.hostname);
      if (refused)
        return { kind: 'failed', url: current, reason: 'http-error', detail: refused, status: null };
      const res = await request(parsed, {
        method: 'GET',
        // A copy per hop: a proxy agent adds the hop's Host header to the object it is given.
        headers: { ...headers },
        dispatcher: dispatchers.for(parsed),
        signal: controller.signal,
        headersTimeout: options.headersTimeoutMs ?? deadlineMs,
        bodyTimeout: options.bodyTimeoutMs ?? deadlineMs,
      });
      const status = res.statusCode;
      const location = header(res.headers, 'location');
      if (status >= 300 && status < 400 && status !== 304 && location) {
        discard(res.body);
        if (hop >= maxRedirects)
          return {
            kind: 'failed',
            url: current,
            reason: 'http-error',
            detail: `more than ${maxRedirects} redirects (last from ${current})`,
            status,
          };
        current = new URL(location, parsed).href;
        continue;
      }
      if (status === 304) {
        discard(res.body);
        return {
          kind: 'not-modified',
          url: current,
          etag: header(res.headers, 'etag') ?? options.etag ?? null,
        };
      }
      const declared = Number(header(res.headers, 'content-length'));
      if (Number.isFinite(declared) && declared > maxBytes) {
        discard(res.body);
        return tooLarge(current, maxBytes, status);
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of res.body as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > maxBytes) {
          discard(res.body);
          return tooLarge(current, maxBytes, status);
        }
        chunks.push(chunk);
      }
      const body = Buffer.concat(chunks).toString('utf8');
      if (isChallenge(status, lowerCaseHeaders(res.headers), body.slice(0, 8192)))
        return {
          kind: 'failed',
          url: current,
          reason: 'bot-check',
          detail: `HTTP ${status} from ${current}: a bot check (CDN challenge) instead of the page`,
          status,
        };
      if (status >= 400) {
        const inactive = /page is inactive/i.test(body);
        return {
          kind: 'failed',
          url: current,
          reason: inactive ? 'inactive' : 'http-error',
          detail: oneLine(`HTTP ${status} from ${current}${body.trim() ? `: ${textOf(body)}` : ''}`),
          status,
        };
      }
      if (status < 200 || status >= 300)
        return {
          kind: 'failed',
          url: current,
          reason: 'http-error',
          detail: `HTTP ${status} from ${current}`,
          status,
        };
      return {
        kind: 'ok',
        url: current,
        status,
        contentType: header(res.headers, 'content-type'),
        etag: header(res.headers, 'etag'),
        body,
      };
    }
  } catch (err) {
    return { kind: 'failed', url: current, ...describeError(err, current, timedOut), status: null };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onOuterAbort);
    dispatchers.destroy();
  }
}

/** Response headers as one lower-cased string per name (repeated headers joined). */
function lowerCaseHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** Drops a body unread; undici reports the abort as an 'error' event, which must have a listener. */
function discard(body: Dispatcher.ResponseData['body']): void {
  body.on('error', () => undefined);
  body.destroy();
}

/** The failure for a body over `maxBytes`, whether declared up front or found while reading. */
function tooLarge(url: string, maxBytes: number, status: number): StatusFetchResult {
  return {
    kind: 'failed',
    url,
    reason: 'too-large',
    detail: `${url} sent more than ${Math.round(maxBytes / 1024)} KiB; not read further`,
    status,
  };
}

/** The readable text of an error body: a JSON `message`/`error` field, else the text without tags. */
function textOf(body: string): string {
  try {
    const json = JSON.parse(body) as Record<string, unknown>;
    for (const key of ['message', 'error', 'detail'])
      if (typeof json[key] === 'string') return oneLine(json[key] as string, 120);
  } catch {
    // Not JSON; fall through to plain text.
  }
  return oneLine(body.replace(/<[^<>]*>/g, ' '), 120);
}
