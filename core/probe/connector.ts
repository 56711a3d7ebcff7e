// Custom undici connectors that measure each connection phase themselves, the way curl does:
// DNS (our own lookup), TCP connect to the resolved IP, then the TLS handshake on that socket.
//
// Direct connection: dns = lookup; connect = TCP SYN → connected; tls = ClientHello → secureConnect.
// Through a proxy (undici ProxyAgent, always a CONNECT tunnel): dns = lookup of the *proxy* host;
// connect = TCP connect to the proxy plus the CONNECT round-trip until the tunnel is open; tls = the
// handshake with the target through the tunnel. remoteAddress is then the proxy's address.

import { lookup as systemLookup } from 'node:dns/promises';
import diagnosticsChannel from 'node:diagnostics_channel';
import net from 'node:net';
import tls from 'node:tls';
import type { buildConnector } from 'undici';
import { LocalRedirectError } from './local-redirect';
import type { LookupFn, ProbePhase } from './types';

/** The connection phases a connector goes through. */
export type ConnectPhase = Extract<ProbePhase, 'dns' | 'connect' | 'proxy' | 'tls'>;

/** Why a connection attempt stopped: it failed, ran out of time, or was aborted (deadline or caller). */
export type ConnectFailureKind = 'failed' | 'timeout' | 'aborted';

/** A connection attempt that did not produce a socket, with the phase it was in. */
export class ConnectPhaseError extends Error {
  readonly code = 'WHY500_CONNECT';
  constructor(
    readonly phase: ConnectPhase,
    readonly kind: ConnectFailureKind,
    readonly reason: unknown,
    readonly limitMs: number,
  ) {
    super(`${phase} ${kind}: ${reason instanceof Error ? reason.message : String(reason)}`);
    this.name = 'ConnectPhaseError';
  }
}

/** What one new connection cost, phase by phase, in ms. */
export interface ConnectionRecord {
  dns: number | null;
  connect: number;
  tls: number | null;
  remoteAddress: string | null;
  /** `now()` when the socket was handed to undici (the request is written right after). */
  readyAt: number;
  socket: net.Socket;
}

/** Told about phase changes, finished phases and finished connections of one probe. */
export interface ConnectionObserver {
  /** A phase began. */
  phase(phase: ConnectPhase): void;
  /** A phase finished, taking `ms` (reported even when a later phase then fails). */
  done(phase: 'dns' | 'connect' | 'tls', ms: number): void;
  /** The socket is ready for the request. */
  connected(record: ConnectionRecord): void;
}

/** Options shared by the connectors of one probe. */
export interface TimedConnectorOptions {
  lookup?: LookupFn;
  /** Time allowed for DNS + TCP + TLS together. */
  connectMs: number;
  /** Trust store for TLS; default Node's built-in roots. */
  secureContext?: tls.SecureContext;
  /** Aborts every attempt in flight (the probe deadline or the caller). */
  signal: AbortSignal;
  observer: ConnectionObserver;
  now: () => number;
  /**
   * Judges each resolved address before connecting (the redirect policy, core/probe/local-redirect.ts):
   * returns why it is refused, or null. Given the URL's host name and the address.
   */
  guard?: (hostname: string, address: string) => string | null;
}

type Connector = buildConnector.connector;
type ConnectOptions = buildConnector.Options;
type ConnectCallback = buildConnector.Callback;

const defaultLookup: LookupFn = (hostname) => systemLookup(hostname);

/**
 * A connector for undici's `connect` option that resolves, connects and handshakes step by step,
 * timing each step and reporting it to `options.observer`. Every failure is a {@link ConnectPhaseError}.
 */
export function timedConnector(options: TimedConnectorOptions): Connector {
  const lookup = options.lookup ?? defaultLookup;
  const { observer, now, signal, connectMs } = options;

  return (target: ConnectOptions, callback: ConnectCallback): void => {
    const secure = target.protocol === 'https:';
    const hostname = target.hostname;
    const port = Number(target.port) || (secure ? 443 : 80);
    let phase: ConnectPhase = 'dns';
    let settled = false;
    let tcp: net.Socket | undefined;
    let tlsSocket: tls.TLSSocket | undefined;

    const settle = (err: ConnectPhaseError | null, socket?: net.Socket): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      if (err) {
        tlsSocket?.destroy();
        tcp?.destroy();
        callback(err, null);
      } else if (socket) {
        callback(null, socket);
      }
    };
    // After the hand-over undici owns the socket's errors; ours only guard the attempt itself.
    const fail = (kind: ConnectFailureKind, reason: unknown): void => {
      if (!settled) settle(new ConnectPhaseError(phase, kind, reason, connectMs));
    };
    const onAbort = (): void => fail('aborted', signal.reason);
    const timer = setTimeout(
      () => fail('timeout', new Error(`no connection within ${connectMs} ms`)),
      connectMs,
    );
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });

    const setPhase = (next: ConnectPhase): void => {
      phase = next;
      observer.phase(next);
    };
    setPhase('dns');

    const family = net.isIP(hostname);
    // DNS is the resolver call alone: timed from right before it, not from the connector's own set-up.
    const lookupAt = now();
    const resolved = family ? Promise.resolve({ address: hostname, family }) : lookup(hostname);
    resolved.then(
      ({ address, family: addressFamily }) => {
        if (settled) return;
        const resolvedAt = now();
        const dns = family ? null : resolvedAt - lookupAt;
        if (dns !== null) observer.done('dns', dns);
        const refusal = options.guard?.(hostname, address) ?? null;
        if (refusal) return fail('failed', new LocalRedirectError(refusal));
        setPhase('connect');
        // Let the event loop deliver what else is ready (other probes' answers and lookups) before
        // this probe's set-up runs, so their timestamps are not taken after it.
        setImmediate(() => {
          if (settled) return;
          const connectAt = now();
          tcp = net.connect({ host: address, port, family: addressFamily, noDelay: true });
          tcp.on('error', (err) => fail('failed', err));
          tcp.once('connect', () => {
            const connectedAt = now();
            const socket = tcp as net.Socket;
            observer.done('connect', connectedAt - connectAt);
            const record = (tlsMs: number | null, ready: net.Socket): void => {
              const readyAt = now();
              observer.connected({
                dns,
                connect: connectedAt - connectAt,
                tls: tlsMs,
                remoteAddress: socket.remoteAddress ?? null,
                readyAt,
                socket: ready,
              });
              settle(null, ready);
            };
            if (!secure) return record(null, socket);
            setPhase('tls');
            const servername = target.servername || hostname;
            tlsSocket = tls.connect({
              socket,
              host: hostname,
              servername: net.isIP(servername) ? undefined : servername,
              secureContext: options.secureContext,
              ALPNProtocols: ['http/1.1'],
              rejectUnauthorized: true,
            });
            tlsSocket.on('error', (err) => fail('failed', err));
            tlsSocket.once('secureConnect', () => {
              const tlsMs = now() - connectedAt;
              observer.done('tls', tlsMs);
              record(tlsMs, tlsSocket as tls.TLSSocket);
            });
          });
        });
      },
      (err: unknown) => fail('failed', err),
    );
  };
}

/** Shared between the proxy-side connector and the tunnel wrapper of one ProxyAgent. */
export interface ProxyLeg {
  /** The latest connection to the proxy (one per tunnel: the agent is fresh per probe). */
  last: ConnectionRecord | null;
  /** Called when undici reports the CONNECT tunnel on `last.socket` open. */
  onTunnel: (() => void) | null;
}

/** Proxy-side sockets whose CONNECT tunnel we wait for. */
const tunnelWatchers = new WeakMap<object, () => void>();
diagnosticsChannel.subscribe('undici:proxy:connected', (message) => {
  const socket = (message as { socket?: object }).socket;
  if (socket) tunnelWatchers.get(socket)?.();
});

/**
 * The observer for the connector of the proxy's own TCP leg: every phase there is `proxy` for the
 * probe, and the finished connection is kept in `leg` for {@link timedTunnel} to account.
 */
export function proxyLegObserver(leg: ProxyLeg, observer: ConnectionObserver): ConnectionObserver {
  return {
    phase: () => observer.phase('proxy'),
    // The proxy's DNS is the probe's DNS; its TCP connect is counted by the tunnel with the CONNECT.
    done: (phase, ms) => {
      if (phase === 'dns') observer.done('dns', ms);
    },
    connected: (record) => {
      leg.last = record;
      tunnelWatchers.set(record.socket, () => leg.onTunnel?.());
    },
  };
}

/** Options of {@link timedTunnel}. */
export interface TimedTunnelOptions {
  connectMs: number;
  signal: AbortSignal;
  observer: ConnectionObserver;
  leg: ProxyLeg;
  now: () => number;
}

/**
 * Wraps ProxyAgent's own tunnel connector (proxy connect → CONNECT → TLS to the target) so the
 * probe sees one record per tunnelled connection: proxy DNS, proxy TCP + CONNECT as `connect`,
 * and the TLS handshake through the tunnel. The proxy's TCP leg must use a {@link timedConnector}
 * observed by {@link proxyLegObserver} with the same `leg`.
 */
export function timedTunnel(inner: Connector, options: TimedTunnelOptions): Connector {
  const { observer, now, signal, connectMs, leg } = options;
  return (target: ConnectOptions, callback: ConnectCallback): void => {
    const secure = target.protocol === 'https:';
    let phase: ConnectPhase = 'proxy';
    let settled = false;
    let tunnelAt: number | null = null;
    leg.last = null;
    leg.onTunnel = () => {
      tunnelAt = now();
      const proxyRecord = leg.last;
      if (proxyRecord) observer.done('connect', proxyRecord.connect + (tunnelAt - proxyRecord.readyAt));
      if (secure && !settled) {
        phase = 'tls';
        observer.phase('tls');
      }
    };
    observer.phase('proxy');

    const settle = (err: ConnectPhaseError | null, socket?: net.Socket | null): void => {
      if (settled) {
        socket?.destroy();
        return;
      }
      settled = true;
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      leg.onTunnel = null;
      if (err) callback(err, null);
      else if (socket) callback(null, socket);
    };
    const fail = (kind: ConnectFailureKind, reason: unknown): void => {
      if (!settled) settle(new ConnectPhaseError(phase, kind, reason, connectMs));
    };
    const onAbort = (): void => fail('aborted', signal.reason);
    const timer = setTimeout(() => fail('timeout', new Error(`no tunnel within ${connectMs} ms`)), connectMs);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });

    inner(target, (err, socket) => {
      if (err) {
        // Unwrap the proxy leg's own error: whatever phase it was in, for the probe it is the proxy.
        const reason = err instanceof ConnectPhaseError ? err.reason : err;
        return fail(err instanceof ConnectPhaseError ? err.kind : 'failed', reason);
      }
      if (!socket || settled) return settle(null, socket);
      const readyAt = now();
      const proxyRecord = leg.last;
      const openedAt = tunnelAt ?? readyAt;
      if (tunnelAt === null && proxyRecord)
        observer.done('connect', proxyRecord.connect + (readyAt - proxyRecord.readyAt));
      if (secure) observer.done('tls', readyAt - openedAt);
      observer.connected({
        dns: proxyRecord?.dns ?? null,
        connect: (proxyRecord?.connect ?? 0) + (openedAt - (proxyRecord?.readyAt ?? openedAt)),
        tls: secure ? readyAt - openedAt : null,
        remoteAddress: proxyRecord?.remoteAddress ?? null,
        readyAt,
        socket,
      });
      settle(null, socket);
    });
  };
}
