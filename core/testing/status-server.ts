// A tiny loopback HTTP server for status-page tests: fixed replies per path, a request log, and
// hostile behaviours (never answer, huge bodies) on demand. Binds 127.0.0.1 on a free port.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';

/** A fixed reply. */
export interface FixedReply {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
}

/** A path's reply: fixed, or a handler that writes the response itself. */
export type RouteReply = FixedReply | ((req: IncomingMessage, res: ServerResponse) => void);

/** A request the server saw. */
export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
}

/** A running test server. */
export interface StatusTestServer {
  /** Base URL, `http://127.0.0.1:<port>`. */
  url: string;
  /** Every request seen, in order. */
  requests: SeenRequest[];
  /** Replaces or adds a route while running. */
  route(path: string, reply: RouteReply): void;
  /** Closes the server and every open connection. */
  close(): Promise<void>;
}

/** A JSON reply (status 200 unless given), with an optional ETag. */
export function jsonReply(value: unknown, extra: FixedReply = {}): FixedReply {
  return {
    status: extra.status ?? 200,
    body: typeof value === 'string' ? value : JSON.stringify(value),
    headers: { 'content-type': 'application/json; charset=utf-8', ...extra.headers },
  };
}

/**
 * Starts a server answering `routes` by path (query ignored); other paths get 404. A fixed reply with
 * an `etag` header answers 304 to a matching `If-None-Match`.
 */
export async function startStatusServer(routes: Record<string, RouteReply> = {}): Promise<StatusTestServer> {
  const table = new Map(Object.entries(routes));
  const requests: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push({ method: req.method ?? 'GET', path, headers: req.headers });
    const reply = table.get(path);
    if (typeof reply === 'function') return reply(req, res);
    if (!reply) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('Not Found');
    }
    const etag = reply.headers?.etag;
    if (etag && req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag });
      return res.end();
    }
    res.writeHead(reply.status ?? 200, reply.headers ?? {});
    res.end(reply.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    route: (path, reply) => void table.set(path, reply),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * For a test file: `serve(routes)` starts a status test server that is closed after each test, and
 * `track(x)` has any other closeable closed with it.
 */
export function useStatusServers(): {
  serve: (routes?: Record<string, RouteReply>) => Promise<StatusTestServer>;
  track: (closeable: { close(): unknown }) => void;
} {
  const open: { close(): unknown }[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });
  return {
    serve: async (routes = {}) => {
      const server = await startStatusServer(routes);
      open.push(server);
      return server;
    },
    track: (closeable) => void open.push(closeable),
  };
}
