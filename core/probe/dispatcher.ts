// Builds the per-probe undici dispatcher: a fresh Agent (direct) or ProxyAgent (through a proxy)
// whose connections all go through our timing connectors. Nothing is shared between probes, so
// every probe opens its own connection and its phase timings are honest, like curl's.

import tls from 'node:tls';
import { Agent, Client, ProxyAgent } from 'undici';
import type { Dispatcher, buildConnector } from 'undici';
import { proxyLegObserver, timedConnector, timedTunnel } from './connector';
import type { ProxyLeg, TimedConnectorOptions } from './connector';

/** What a probe's dispatcher needs: its connectors' options and the proxy, if any. */
export interface DispatcherOptions extends TimedConnectorOptions {
  /** Proxy URL, or null for a direct connection. */
  proxy: string | null;
}

/** Trust stores per extra-CA set: building one parses every root certificate, so do it once. */
const contexts = new Map<string, tls.SecureContext>();

/** A TLS context trusting Node's root certificates plus `ca` (PEM), or undefined for the defaults. */
export function trustContext(ca: string | string[] | undefined): tls.SecureContext | undefined {
  const extra = ca === undefined ? [] : Array.isArray(ca) ? ca : [ca];
  if (extra.length === 0) return undefined;
  const key = extra.join('\n');
  let context = contexts.get(key);
  if (!context) {
    context = tls.createSecureContext({ ca: [...tls.rootCertificates, ...extra] });
    if (contexts.size > 16) contexts.clear();
    contexts.set(key, context);
  }
  return context;
}

/** A dispatcher for one probe; the caller destroys it when the probe ends. */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { proxy, lookup, connectMs, secureContext, signal, observer, now, guard } = options;
  if (!proxy) {
    // One connection per origin: the hops of a probe are sequential, and a bare Client is cheaper than a Pool.
    return new Agent({
      connections: 1,
      connect: timedConnector({ lookup, connectMs, secureContext, signal, observer, now, guard }),
    });
  }
  // Through a proxy the target's name is resolved by the proxy: the guard is not used on the
  // proxy's own (configured) address; the hop loop checks IP-literal targets instead.
  const leg: ProxyLeg = { last: null, onTunnel: null };
  const proxyConnector = timedConnector({
    lookup,
    connectMs,
    signal,
    observer: proxyLegObserver(leg, observer),
    now,
  });
  return new ProxyAgent({
    uri: proxy,
    // Plain-HTTP targets are tunnelled too (curl would forward them as absolute-URI requests):
    // the page is the same, and every proxy failure then shows up as `proxy`, never as the target's.
    proxyTunnel: true,
    requestTls: secureContext ? { secureContext } : {},
    clientFactory: (origin: URL, clientOptions: object) =>
      new Client(origin, { ...clientOptions, connect: proxyConnector }),
    factory: (origin: string | URL, agentOptions: { connect?: unknown }) =>
      new Client(origin, {
        ...(agentOptions as object),
        connect: timedTunnel(agentOptions.connect as buildConnector.connector, {
          connectMs,
          signal,
          observer,
          leg,
          now,
        }),
      }),
  } as ProxyAgent.Options);
}
