// Builds the per-probe undici dispatcher: a fresh Agent (direct) or ProxyAgent (through a proxy)
// whose connections all go through our timing connectors. Nothing is shared between probes, so
// every probe opens its own connection and its phase timings are honest, like curl's.

import { Agent, Client, ProxyAgent } from 'undici';
import type { Dispatcher, buildConnector } from 'undici';
import { proxyLegObserver, timedConnector, timedTunnel } from './connector';
import type { ProxyLeg, TimedConnectorOptions } from './connector';

/** What a probe's dispatcher needs: its connectors' options and the proxy, if any. */
export interface DispatcherOptions extends TimedConnectorOptions {
  /** Proxy URL, or null for a direct connection. */
  proxy: string | null;
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
