// Loopback listeners the simulator is made of: HTTP(S) servers that close cleanly (hung sockets
// included), and the transport faults a dead network shows: a refused port, a black hole, a reset.

import { createServer as createHttpServer, type RequestListener, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import type { TransportMode } from './types';

/** A running listener. */
export interface Listener {
  port: number;
  /** Closes the listener and destroys every open socket. */
  close(): Promise<void>;
}

/** Options of an HTTP listener. */
export interface HttpListenOptions {
  host: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Serve HTTPS with this key and certificate (PEM). */
  tls?: { key: string; cert: string };
}

function trackSockets(server: Server | NetServer): Set<Socket> {
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  };
  server.on('connection', track);
  // For HTTPS the request's socket is the TLS socket; the raw one above is enough to destroy.
  return sockets;
}

function listen(server: Server | NetServer, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

function closer(server: Server | NetServer, sockets: Set<Socket>): () => Promise<void> {
  let closed: Promise<void> | null = null;
  return () => {
    closed ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const s of sockets) s.destroy();
    });
    return closed;
  };
}

/** Starts an HTTP (or HTTPS) server for `handler`. */
export async function listenHttp(handler: RequestListener, options: HttpListenOptions): Promise<Listener> {
  const server = options.tls
    ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, handler)
    : createHttpServer(handler);
  server.keepAliveTimeout = 2_000;
  const sockets = trackSockets(server);
  const port = await listen(server, options.host, options.port ?? 0);
  return { port, close: closer(server, sockets) };
}

/** A port nothing listens on: connections to it are refused. */
export async function refusedPort(host: string): Promise<Listener> {
  const server = createNetServer();
  const port = await listen(server, host, 0);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return { port, close: async () => {} };
}

/** A listener that accepts connections and never answers (a black hole). */
export async function blackHole(host: string): Promise<Listener> {
  const server = createNetServer(() => {});
  const sockets = trackSockets(server);
  const port = await listen(server, host, 0);
  return { port, close: closer(server, sockets) };
}

/** A listener that resets every connection as soon as the client sends anything. */
export async function resetter(host: string): Promise<Listener> {
  const server = createNetServer((socket) => {
    socket.on('error', () => {});
    socket.once('data', () => socket.resetAndDestroy());
  });
  const sockets = trackSockets(server);
  const port = await listen(server, host, 0);
  return { port, close: closer(server, sockets) };
}

/** A listener for a transport fault, or null for `ok` (the caller starts a real server then). */
export async function faultListener(mode: TransportMode, host: string): Promise<Listener | null> {
  switch (mode) {
    case 'refused':
      return refusedPort(host);
    case 'blackhole':
      return blackHole(host);
    case 'reset':
      return resetter(host);
    case 'ok':
      return null;
  }
}
