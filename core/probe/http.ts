// One HTTP probe: a GET over a fresh connection, timed phase by phase, following at most
// `maxRedirects` redirects by hand (never into the local network: core/probe/local-redirect.ts),
// reading the body under hard limits, and ending in exactly one outcome of the taxonomy. It never
// throws and always resolves within the deadline.
//
// Timings with redirects: each phase is summed over the hops that had it (a hop reusing a
// keep-alive connection has no dns/connect/tls), so the phases still add up to about `total`.

import { performance } from 'node:perf_hooks';
import type { Dispatcher } from 'undici';
import type { Outcome, ProbeResult } from '../../shared/types/probe';
import { keptText, newBodyProgress, readBody } from './body';
import { boundProbeResult } from './bound';
import { createDispatcher } from './dispatcher';
import { trustContext } from './trust';
import { proxyFor } from './env-proxy';
import { pickHeaders } from './headers';
import { makeRedactor } from './redact';
import { DeadlineError, ProbeRun } from './run';
import { classifyError, classifyStatus, oneLine } from './taxonomy';
import { DEFAULT_PROBE_LIMITS } from './types';
import type { ProbeLimits, ProbeRequest } from './types';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Extra time past the deadline before the safety net answers for a probe that did not wind down. */
const DEADLINE_SLACK_MS = 100;
/** Longest wait for dispatchers to close before the result is returned anyway. */
const CLOSE_WAIT_MS = 50;
/** Extra time given to undici's own (coarse) headers/body timers, which only back ours up. */
const UNDICI_BACKSTOP_MS = 1_000;
/** Abort reason once a probe has its result; reused, so a normal probe creates no Error. */
const FINISHED = new Error('probe finished');
/**
 * What a probe's dispatcher is destroyed with: made once, its stack read once, because undici would make a
 * new error per dispatcher and client, and the socket's destroy reads its stack (formatting it costs more
 * than the rest of closing).
 */
const CLOSED = new Error('probe closed its connections');
void CLOSED.stack;
const USER_AGENT = 'why500/0.1 (service monitor; +https://github.com/why500)';

function round(ms: number | null): number | null {
  return ms === null ? null : Math.round(ms * 1000) / 1000;
}

function sameOrigin(a: URL, b: URL): boolean {
  return a.origin === b.origin;
}

/**
 * Runs one probe. Never throws; resolves within `limits.deadlineMs` (plus a few ms) whatever the
 * server does. Opens its own connection(s) and closes them before resolving.
 */
export async function probe(req: ProbeRequest): Promise<ProbeResult> {
  const limits: ProbeLimits = { ...DEFAULT_PROBE_LIMITS, ...req.limits };
  const at = new Date().toISOString();
  const redact = makeRedactor(req.authorization);
  const run = new ProbeRun(req, limits);

  const finish = (outcome: Outcome, error?: string): ProbeResult => {
    run.timings.total = performance.now() - run.started;
    const text = keptText(run.body);
    return boundProbeResult({
      name: req.name,
      url: redact(req.url),
      path: req.path,
      auth: Boolean(req.authorization),
      at,
      status: run.status,
      ...(run.reason !== null ? { reason: redact(run.reason) } : {}),
      outcome,
      ...(error !== undefined ? { error: redact(oneLine(error)) } : {}),
      timings: {
        dns: round(run.timings.dns),
        connect: round(run.timings.connect),
        tls: round(run.timings.tls),
        firstByte: round(run.timings.firstByte),
        total: round(run.timings.total) ?? 0,
      },
      headers: run.headers,
      // Redacted before the cut is final: a token echoed across the kept limit loses its first part too.
      body: redact(text, run.body.bytes > run.body.keptBytes),
      bodyBytes: run.body.bytes,
      remoteAddress: run.lastConnection?.remoteAddress ?? null,
      redirects: run.redirects,
      finalUrl: redact(run.url?.href ?? req.url),
    });
  };

  const onCallerAbort = (): void => run.controller.abort(req.signal?.reason);
  if (req.signal?.aborted) onCallerAbort();
  req.signal?.addEventListener('abort', onCallerAbort, { once: true });
  const deadline = setTimeout(() => {
    run.deadlineHit = true;
    run.controller.abort(new DeadlineError(limits.deadlineMs));
  }, limits.deadlineMs);
  let safetyNet: NodeJS.Timeout | undefined;
  const net = new Promise<ProbeResult>((resolve) => {
    safetyNet = setTimeout(() => {
      run.deadlineHit = true;
      const { outcome, error } = keepServerError(
        run,
        classifyError(new DeadlineError(limits.deadlineMs), run.failureContext()),
      );
      resolve(finish(outcome, error));
    }, limits.deadlineMs + DEADLINE_SLACK_MS);
  });

  try {
    return await Promise.race([execute(run, redact, finish), net]);
  } catch (err) {
    // execute() handles its own errors; this is the last guard of the never-throws promise.
    return finish('error', `internal error: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    clearTimeout(deadline);
    clearTimeout(safetyNet);
    run.disarm();
    req.signal?.removeEventListener('abort', onCallerAbort);
    // Stops anything still running (only after the safety net answered or on an error path).
    if (!run.controller.signal.aborted) run.controller.abort(FINISHED);
    await closeAll(run);
  }
}

/** Destroys every dispatcher of the run, waiting at most CLOSE_WAIT_MS. */
async function closeAll(run: ProbeRun): Promise<void> {
  const closing = [...run.dispatchers.values()].map((d) => d.destroy(CLOSED).catch(() => undefined));
  run.dispatchers.clear();
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    Promise.all(closing),
    new Promise((resolve) => {
      timer = setTimeout(resolve, CLOSE_WAIT_MS);
    }),
  ]);
  clearTimeout(timer);
}

/** The dispatcher for `proxy` (or direct), created on first use within the run. */
function dispatcherFor(run: ProbeRun, proxy: string | null): Dispatcher {
  const key = proxy ?? 'direct';
  let dispatcher = run.dispatchers.get(key);
  if (!dispatcher) {
    dispatcher = createDispatcher({
      proxy,
      lookup: run.req.lookup,
      connectMs: run.limits.connectMs,
      secureContext: trustContext(run.req.ca, run.req.systemCa),
      signal: run.controller.signal,
      guard: (hostname, address) => run.guard.check(run.redirects, hostname, address),
      observer: {
        phase: (next) => run.enter(next),
        done: (phase, ms) => run.done(phase, ms),
        connected: (record) => run.connected(record),
      },
      now: () => performance.now(),
    });
    run.dispatchers.set(key, dispatcher);
  }
  return dispatcher;
}

/** The proxy for this hop: the alternate path if given, else the environment's (per host: NO_PROXY). */
function proxyForHop(req: ProbeRequest, url: URL): string | null {
  if (req.proxy) return req.proxy;
  if (req.useEnvProxy === false) return null;
  return proxyFor(url, req.env ?? process.env);
}

function requestHeaders(req: ProbeRequest, withAuth: boolean): Record<string, string> {
  const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: '*/*' };
  for (const [name, value] of Object.entries(req.headers ?? {})) {
    if (name.toLowerCase() === 'authorization') continue;
    headers[name.toLowerCase()] = value;
  }
  if (withAuth && req.authorization) headers.authorization = req.authorization;
  return headers;
}

async function execute(
  run: ProbeRun,
  redact: (text: string) => string,
  finish: (outcome: Outcome, error?: string) => ProbeResult,
): Promise<ProbeResult> {
  const { req, limits } = run;
  let url: URL;
  try {
    url = new URL(req.url);
  } catch {
    return finish(
      'error',
      `invalid URL "${redact(req.url).slice(0, 100)}": expected an absolute http(s) URL`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return finish('error', `unsupported URL scheme "${url.protocol}": expected http: or https:`);
  }
  const origin = url;
  let withAuth = true;

  try {
    for (;;) {
      run.url = url;
      run.proxy = proxyForHop(req, url);
      if (run.controller.signal.aborted) throw run.controller.signal.reason;
      // An IP-literal or `localhost` target is judged before connecting (through a proxy that is
      // all that can be judged); a name is judged on its resolved address by the connector.
      const refused = run.guard.checkHost(run.redirects, url.hostname);
      if (refused) return finish('redirect-refused', refused);
      const dispatcher = dispatcherFor(run, run.proxy);
      const hopStart = performance.now();
      const connectionsBefore = run.lastConnection;
      // Set before dispatching: a reused connection goes straight to waiting for headers
      // (a new one disarms the timer while connecting and re-arms it once connected).
      run.phase = 'headers';
      run.arm('headers');
      run.expectResponse();
      const response = await dispatcher.request({
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: 'GET',
        headers: requestHeaders(req, withAuth),
        signal: run.controller.signal,
        // Backstops only: undici's timers are coarse; ours (arm) fire on time.
        headersTimeout: limits.headersMs + UNDICI_BACKSTOP_MS,
        bodyTimeout: limits.bodyMs + UNDICI_BACKSTOP_MS,
      });
      const headersAt = performance.now();
      run.arm('body');
      // First byte: from the request's write (undici about to write its head on the socket; if that
      // was not seen, when the new connection was handed over or the hop started on a reused one) to
      // the first response data the socket gave JavaScript (if none was seen, undici's headers
      // callback), as curl's starttransfer − pretransfer. Undici's own set-up before the write is in no
      // phase: it is this process's work, not the network's or the server's.
      const readyAt =
        run.lastConnection !== connectionsBefore && run.lastConnection
          ? run.lastConnection.readyAt
          : hopStart;
      const sentAt = run.sentAt !== null && run.sentAt >= readyAt ? run.sentAt : readyAt;
      const firstDataAt = run.dataAt !== null && run.dataAt >= sentAt ? run.dataAt : headersAt;
      run.timings.firstByte = (run.timings.firstByte ?? 0) + (firstDataAt - sentAt);
      // Let the event loop deliver what else is ready (other probes' answers) before this answer is
      // read, so their first-byte timestamps are not taken after this probe's work.
      await new Promise<void>((resolve) => setImmediate(resolve));
      run.status = response.statusCode;
      run.headers = pickHeaders(response.headers, redact);
      run.body = newBodyProgress();
      run.phase = 'body';

      const location = response.headers.location;
      const target =
        typeof location === 'string' && REDIRECT_STATUSES.has(response.statusCode) ? location : null;
      let next: URL | null = null;
      if (target !== null) {
        try {
          next = new URL(target, url);
        } catch {
          next = null;
        }
        if (next && next.protocol !== 'http:' && next.protocol !== 'https:') next = null;
      }
      if (target !== null && !next) {
        // A redirect the probe cannot follow (no usable Location) is no answer from the page.
        await readBody(response.body, limits, run.body, () => run.refresh());
        run.disarm();
        return finish(
          'error',
          `HTTP ${response.statusCode} redirect to ${oneLine(target).slice(0, 100)}, which cannot be followed`,
        );
      }
      if (REDIRECT_STATUSES.has(response.statusCode) && target === null) {
        await readBody(response.body, limits, run.body, () => run.refresh());
        run.disarm();
        return finish('error', `HTTP ${response.statusCode} redirect without a Location header`);
      }
      if (next) {
        // Read (and drop) a small redirect body so the connection can be reused; bigger ones are cut.
        await readBody(
          response.body,
          { keepBytes: 0, maxBodyBytes: limits.keepBytes },
          newBodyProgress(),
          () => run.refresh(),
        );
        run.disarm();
        if (run.redirects >= limits.maxRedirects) {
          return finish(
            'too-many-redirects',
            `more than ${limits.maxRedirects} redirects (last to ${next.origin})`,
          );
        }
        run.redirects += 1;
        // Once the chain leaves the origin (another host, port or scheme, https → http included)
        // the credential is never sent again: the redirect is followed without it.
        if (!sameOrigin(next, origin)) withAuth = false;
        run.phase = 'idle';
        url = next;
        continue;
      }

      await readBody(response.body, limits, run.body, () => run.refresh());
      run.disarm();
      const text = keptText(run.body);
      const { outcome, error } = classifyStatus(response.statusCode, run.headers, text);
      if (outcome === 'ok' && run.body.tooLarge) {
        return finish('body-too-large', `body larger than ${limits.maxBodyBytes} bytes; stopped reading`);
      }
      return finish(outcome, error);
    }
  } catch (err) {
    const { outcome, error } = keepServerError(run, classifyError(err, run.failureContext()));
    return finish(outcome, error);
  }
}

/**
 * A body that stalls or drips past the deadline after an error status keeps that status as its
 * outcome: the server already answered 500 (or 4xx), and that is what the probe saw.
 */
function keepServerError(
  run: ProbeRun,
  failed: { outcome: Outcome; error?: string },
): { outcome: Outcome; error?: string } {
  if (run.phase !== 'body' || run.status === null || run.status < 400) return failed;
  if (failed.outcome !== 'timeout-body' && failed.outcome !== 'timeout-deadline') return failed;
  const answered = classifyStatus(run.status, run.headers, keptText(run.body));
  return {
    outcome: answered.outcome,
    error: `${answered.error ?? `HTTP ${run.status}`}; ${failed.error ?? ''}`,
  };
}
