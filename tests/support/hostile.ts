// Small local servers for the probe tests (core/probe/*.test.ts), all on 127.0.0.1 with a random
// port: plain or TLS HTTP servers with an optional delay before the connection is even handled, a black
// hole (which also stalls a TLS handshake), a refused port, and handlers for typical hostile behaviours.

import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { AddressInfo } from 'node:net';

/** A running local test server. */
export interface TestServer {
  /** `http://127.0.0.1:PORT` or `https://127.0.0.1:PORT` (no trailing slash). */
  url: string;
  port: number;
  /** Closes the server and destroys every connection it accepted. */
  close(): Promise<void>;
}

/** A request handler for {@link startServer}. */
export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/** Options of {@link startServer}. */
export interface ServerOptions {
  /** Serve HTTPS with this key and certificate (PEM). */
  tls?: { key: string; cert: string };
  /**
   * Wait this long after accepting a TCP connection before the server starts on it: for HTTPS the
   * TLS handshake is delayed by that much, for HTTP the response is.
   */
  acceptDelayMs?: number;
}

async function listen(server: net.Server): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return (server.address() as AddressInfo).port;
}

/**
 * Starts an HTTP(S) server on 127.0.0.1. A plain TCP front accepts connections (paused, so no
 * byte is read early) and hands them to the HTTP(S) server, after `acceptDelayMs` if set.
 */
export async function startServer(handler: Handler, options: ServerOptions = {}): Promise<TestServer> {
  const app = options.tls
    ? https.createServer({ key: options.tls.key, cert: options.tls.cert }, handler)
    : http.createServer(handler);
  app.on('clientError', (_err, socket) => socket.destroy());
  const sockets = new Set<net.Socket>();
  const front = net.createServer({ pauseOnConnect: true }, (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    const handOver = (): void => {
      if (socket.destroyed) return;
      app.emit('connection', socket);
      // TLS takes over the paused handle itself; plain HTTP needs the socket flowing again.
      if (!options.tls) socket.resume();
    };
    if (options.acceptDelayMs) setTimeout(handOver, options.acceptDelayMs);
    else handOver();
  });
  const port = await listen(front);
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => front.close(() => resolve()));
      app.close();
    },
  };
}

/** Starts a raw TCP server on 127.0.0.1 that hands each accepted socket to `onSocket`. */
async function startRaw(onSocket: (socket: net.Socket) => void): Promise<TestServer> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    onSocket(socket);
  });
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * A black hole: accepts TCP connections, reads everything, never answers. Used with an `https:`
 * URL it is a TLS server that never completes the handshake.
 */
export function startBlackHole(): Promise<TestServer> {
  return startRaw((socket) => socket.resume());
}

/** A port on 127.0.0.1 that nothing listens on (bound once, then released): connecting is refused. */
export async function refusedPort(): Promise<number> {
  const server = net.createServer();
  const port = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Handlers for typical hostile or failing server behaviours. */
export const behaviours = {
  /** A fixed status, headers and body. */
  status(code: number, headers: Record<string, string> = {}, body = ''): Handler {
    return (_req, res) => {
      res.writeHead(code, { 'content-type': 'text/plain', ...headers });
      res.end(body);
    };
  },

  /** Waits `delayMs` before sending the response headers. */
  slowHeaders(delayMs: number, body = 'late'): Handler {
    return (_req, res) => {
      const timer = setTimeout(() => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end(body);
      }, delayMs);
      res.on('close', () => clearTimeout(timer));
    };
  },

  /** Sends headers at once, then one body byte every `intervalMs`, forever. */
  drip(intervalMs: number, status = 200): Handler {
    return (_req, res) => {
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.flushHeaders();
      const timer = setInterval(() => res.write('.'), intervalMs);
      res.on('close', () => clearInterval(timer));
    };
  },

  /** A body of `totalBytes` bytes (with content-length), written with back-pressure. */
  huge(totalBytes: number): Handler {
    const chunk = Buffer.alloc(64 * 1024, 'x');
    return (_req, res) => {
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': String(totalBytes),
      });
      let sent = 0;
      const pump = (): void => {
        while (sent < totalBytes && !res.destroyed) {
          const part = chunk.subarray(0, Math.min(chunk.length, totalBytes - sent));
          sent += part.length;
          if (!res.write(part)) return void res.once('drain', pump);
        }
        if (sent >= totalBytes) res.end();
      };
      pump();
    };
  },

  /** Every path redirects to the next one, forever. */
  redirectLoop(): Handler {
    return (req, res) => {
      const n = Number(/\/loop\/(\d+)/.exec(req.url ?? '')?.[1] ?? 0);
      res.writeHead(302, { location: `/loop/${n + 1}` });
      res.end();
    };
  },

  /** Promises `declaredBytes`, sends `sentBytes`, then resets the connection (TCP RST). */
  resetMidBody(declaredBytes = 100_000, sentBytes = 10_000): Handler {
    return (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(declaredBytes) });
      res.write(Buffer.alloc(sentBytes, 'y'), () => {
        setTimeout(() => res.socket?.resetAndDestroy(), 20);
      });
    };
  },

  /** A Cloudflare-style managed challenge page. */
  challenge(withHeader = true): Handler {
    return (_req, res) => {
      res.writeHead(403, {
        'content-type': 'text/html; charset=UTF-8',
        server: 'cloudflare',
        'cf-ray': '8f1e2d3c4b5a6978-AMS',
        ...(withHeader ? { 'cf-mitigated': 'challenge' } : {}),
      });
      res.end(
        '<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title></head><body>' +
          '<script src="/cdn-cgi/challenge-platform/h/g/orchestrate/chl_page/v1?ray=8f1e2d3c4b5a6978"></script>' +
          '</body></html>',
      );
    };
  },
};
