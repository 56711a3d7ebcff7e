// Loads and initialises everything a probe needs before the first timed one, so a cold process does not
// pay for it inside a measured phase: the resolver (libuv's thread pool and the system's name-service
// setup), our connector, undici's HTTP parser (a WebAssembly module compiled on first use), body
// reading and classifying (an HTML page, a JSON body, an empty 204), and for HTTPS the TLS module and
// the root certificate store. It probes a listener of its own on 127.0.0.1 and sends nothing anywhere
// else: the watched service never sees it.

import { once } from 'node:events';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server } from 'node:net';
import tls from 'node:tls';
import { probe } from './http';
import { trustContext } from './trust';

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

/** What the warm-up listener answers, by path: the kinds of answer a round's probes usually get. */
const ANSWERS: Record<string, { status: number; type?: string; body?: string }> = {
  '/': {
    status: 200,
    type: 'text/html',
    body: '<!doctype html><html><head><title>warm-up</title></head></html>',
  },
  '/json': { status: 200, type: 'application/json', body: '{"status":"UP"}' },
  '/204': { status: 204 },
};

/**
 * Full probes of a loopback HTTP listener: the page by name (so the resolver runs), then the JSON and
 * the empty answer by address, the way a round starts them: at once.
 */
async function warmHttp(): Promise<void> {
  const server = createHttpServer((req, res) => {
    const answer = ANSWERS[req.url ?? ''] ?? { status: 404 };
    res.writeHead(answer.status, answer.type ? { 'content-type': answer.type } : {});
    res.end(answer.body);
  });
  const port = await listen(server);
  const warmProbe = (host: string, path: string): Promise<unknown> =>
    probe({
      name: 'warm-up',
      url: `http://${host}:${port}${path}`,
      path: 'direct',
      useEnvProxy: false,
      limits: { deadlineMs: WARM_UP_LIMIT_MS },
    });
  try {
    await warmProbe('localhost', '/');
    await Promise.all([warmProbe('127.0.0.1', '/json'), warmProbe('127.0.0.1', '/204')]);
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

/**
 * A TLS ClientHello to a loopback listener that hangs up on it: loads the TLS module, builds the
 * probes' trust store (the bundled roots, NODE_EXTRA_CA_CERTS and the OS store's, read once, see
 * trust.ts) the first handshake would otherwise build, and the key exchange's first key. No
 * certificate is needed, and the handshake is meant to fail.
 */
async function warmTls(): Promise<void> {
  const server = createTcpServer((socket) => {
    socket.once('data', () => socket.destroy());
    socket.on('error', () => undefined);
  });
  const port = await listen(server);
  try {
    const secureContext = trustContext(undefined);
    const client = tls.connect({
      host: '127.0.0.1',
      port,
      servername: 'warm-up.invalid',
      ALPNProtocols: ['http/1.1'],
      ...(secureContext ? { secureContext } : {}),
    });
    client.on('error', () => undefined);
    // Not events.once: that rejects on the 'error' this handshake is meant to end with.
    await new Promise((resolve) => client.once('close', resolve));
  } finally {
    server.close();
  }
}

async function listen(server: Server): Promise<number> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}
