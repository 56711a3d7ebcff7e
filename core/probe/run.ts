// The mutable state of one running probe: where it is (phase), what it measured so far, its
// abort controller and limit timers, and the dispatchers it opened. Shared by the connectors, the
// hop loop in http.ts and the deadline safety net.

import diagnosticsChannel from 'node:diagnostics_channel';
import { performance } from 'node:perf_hooks';
import type { Dispatcher } from 'undici';
import type { ProbeTimings } from '../../shared/types/probe';
import { newBodyProgress } from './body';
import type { BodyProgress } from './body';
import type { ConnectionRecord } from './connector';
import { RedirectGuard } from './local-redirect';
import { LimitTimeoutError } from './taxonomy';
import type { FailureContext } from './taxonomy';
import type { ProbeLimits, ProbePhase, ProbeRequest } from './types';

/** The deadline fired: the reason the probe's abort signal carries. */
export class DeadlineError extends Error {
  constructor(ms: number) {
    super(`probe deadline of ${ms} ms exceeded`);
    this.name = 'DeadlineError';
  }
}

/** Sockets of running probes, told when undici is about to write a request's head on them (and which request). */
const requestWatchers = new WeakMap<object, (request: object | undefined) => void>();
diagnosticsChannel.subscribe('undici:client:sendHeaders', (message) => {
  const { socket, request } = message as { socket?: object; request?: object };
  if (socket) requestWatchers.get(socket)?.(request);
});

/**
 * Requests of running probes, told the reason phrase of their response's status line: undici's
 * `request()` drops it, but publishes it here before the response is handed over.
 */
const reasonWatchers = new WeakMap<object, (reason: string) => void>();
diagnosticsChannel.subscribe('undici:request:headers', (message) => {
  const { request, response } = message as { request?: object; response?: { statusText?: unknown } };
  const reason = response?.statusText;
  if (request && typeof reason === 'string') reasonWatchers.get(request)?.(reason);
});

/** Mutable state of one running probe, shared by the connectors, the hop loop and the safety net. */
export class ProbeRun {
  phase: ProbePhase = 'idle';
  deadlineHit = false;
  readonly timings: ProbeTimings = { dns: null, connect: null, tls: null, firstByte: null, total: 0 };
  lastConnection: ConnectionRecord | null = null;
  /**
   * `performance.now()` when this run's socket first had response data for JavaScript to read since
   * the current hop's request (its first 'readable' event), or null before that. The first byte is timed
   * to this, not to undici's response callback, which comes after parsing and can wait behind the other
   * probes' work on the same thread. Cleared per hop by {@link expectResponse}, as is {@link sentAt}.
   */
  dataAt: number | null = null;
  /**
   * `performance.now()` when undici was about to write the current hop's request on this run's socket,
   * or null before that: the first byte's wait starts there, after undici's own set-up of the socket.
   */
  sentAt: number | null = null;
  status: number | null = null;
  /**
   * The reason phrase of the current hop's status line as received (raw: bound.ts cleans it), or null
   * before its headers arrived. Cleared per hop by {@link expectResponse}.
   */
  reason: string | null = null;
  headers: Record<string, string> = {};
  body: BodyProgress = newBodyProgress();
  redirects = 0;
  url: URL | null = null;
  proxy: string | null = null;
  readonly controller = new AbortController();
  readonly dispatchers = new Map<string, Dispatcher>();
  readonly started = performance.now();
  /** The redirect policy: no hop after the first may connect into the local network. */
  readonly guard: RedirectGuard;

  constructor(
    readonly req: ProbeRequest,
    readonly limits: ProbeLimits,
  ) {
    this.guard = new RedirectGuard(req.configuredRange);
  }

  private limitTimer: NodeJS.Timeout | null = null;

  /**
   * Starts the headers or body-idle timer; when it fires the probe is aborted with a
   * LimitTimeoutError. (undici's own timers tick every ~0.5 s, so they can be a second late.)
   */
  arm(limit: 'headers' | 'body'): void {
    this.disarm();
    const ms = limit === 'headers' ? this.limits.headersMs : this.limits.bodyMs;
    this.limitTimer = setTimeout(() => this.controller.abort(new LimitTimeoutError(limit, ms)), ms);
  }

  /** Restarts the running timer (a body chunk arrived). */
  refresh(): void {
    this.limitTimer?.refresh();
  }

  /** Stops the headers or body-idle timer. */
  disarm(): void {
    if (this.limitTimer) clearTimeout(this.limitTimer);
    this.limitTimer = null;
  }

  /** ConnectionObserver: a connector entered a phase; connecting has its own timeout. */
  enter(next: ProbePhase): void {
    this.phase = next;
    this.disarm();
  }

  /** ConnectionObserver: a connection phase finished; its time is added to the timings. */
  done(phase: 'dns' | 'connect' | 'tls', ms: number): void {
    this.timings[phase] = add(this.timings[phase], ms);
  }

  /** A hop's request is about to be sent: its response's first data is still to come. */
  expectResponse(): void {
    this.dataAt = null;
    this.sentAt = null;
    this.reason = null;
  }

  /** ConnectionObserver: a new connection is ready; the request is written next. */
  connected(record: ConnectionRecord): void {
    this.lastConnection = record;
    this.dataAt = null;
    this.sentAt = null;
    requestWatchers.set(record.socket, (request) => {
      if (this.lastConnection !== record) return;
      if (this.sentAt === null) this.sentAt = performance.now();
      if (request) reasonWatchers.set(request, (reason) => (this.reason = reason));
    });
    // Added before undici takes the socket, so it runs before undici reads what arrived. Undici reads
    // the socket on 'readable' too, so listening here changes nothing in how the socket is read. Only
    // data (not the end of the stream) on the latest connection counts: an idle earlier connection of a
    // redirect chain closing is not the current hop's answer.
    const socket = record.socket;
    socket.on('readable', () => {
      if (this.dataAt === null && this.lastConnection === record && socket.readableLength > 0) {
        this.dataAt = performance.now();
      }
    });
    this.phase = 'headers';
    this.arm('headers');
  }

  /** What the probe knew at this moment, for classifying a failure. */
  failureContext(): FailureContext {
    const url = this.url;
    const port = url ? url.port || (url.protocol === 'https:' ? '443' : '80') : '';
    return {
      phase: this.phase,
      deadlineHit: this.deadlineHit,
      limits: this.limits,
      target: url ? `${url.hostname}:${port}` : this.req.url,
      proxy: this.proxy ? proxyLabel(this.proxy) : null,
    };
  }
}

function add(sum: number | null, part: number | null): number | null {
  if (part === null) return sum;
  return (sum ?? 0) + part;
}

/** `host:port` of a proxy URL, never its credentials. */
function proxyLabel(proxy: string): string {
  try {
    const url = new URL(proxy);
    return url.host;
  } catch {
    return 'proxy';
  }
}
