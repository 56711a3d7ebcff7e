// Loads and initialises everything a probe needs before the first timed one, so a cold process does not
// pay for it inside a measured phase: the resolver (libuv's thread pool and the system's name-service
// setup), our connector, undici's HTTP parser (a WebAssembly module compiled on first use), body
// reading and classifying, and for HTTPS the TLS module and the root certificate store. It probes a
// listener of its own on 127.0.0.1 and sends nothing anywhere else: the watched service never sees it.

import { once } from 'node:events';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server } from 'node:net';
import tls from 'node:tls';
import { probe } from './http';

/** Longest a warm-up may take; past that the round goes ahead anyway (cold, but on time). */
const WARM_UP_LIMIT_MS = 3_000;

let warming: Promise<void> | null = null;

/**
 * Warms the probe machinery once per process; later calls return the same promise. Never rejects, and
 * settles within a few seconds even if something here hangs.
 */
export function warmUpProbes(): Promise<void> {
  warming ??= Promise.race([
    warm().catch(() => undefined),
    new Promise<void>((resolve) => setTimeout(resolve, WARM_UP_LIMIT_MS).unref()),
  ]);
  return warming;
}

async function warm(): Promise<void> {
  await warmHttp();
  await warmTls();
}

/** One full probe of a loopback HTTP listener, by name (so the resolver runs) and by address. */
async function warmHttp(): Promise<void> {
  const server = createHttpServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('warm');
  });
  const port = await listen(server);
  try {
    for (const host of ['localhost', '127.0.0.1']) {
      await probe({
        name: 'warm-up',
        url: `http://${host}:${port}/`,
        path: 'direct',
        useEnvProxy: false,
        limits: { deadlineMs: WARM_UP_LIMIT_MS },
      });
    }
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

/**
 * A TLS ClientHello to a loopback listener that hangs up on it: loads the TLS module, builds the root
 * certificate store (and NODE_EXTRA_CA_CERTS) the first handshake would otherwise build, and the key
 * exchange's first key. No certificate is needed, and the handshake is meant to fail.
 */
async function warmTls(): Promise<void> {
  const server = createTcpServer((socket) => {
    socket.once('data', () => socket.destroy());
    socket.on('error', () => undefined);
  });
  const port = await listen(server);
  try {
    const client = tls.connect({
      host: '127.0.0.1',
      port,
      servername: 'warm-up.invalid',
      ALPNProtocols: ['http/1.1'],
    });
    client.on('error', () => undefined);
    await once(client, 'close');
  } finally {
    server.close();
  }
}

async function listen(server: Server): Promise<number> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}
