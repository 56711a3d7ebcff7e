// The first byte is timed to the first response data on the socket, as curl's starttransfer, not to the
// moment undici has parsed the whole head of the response.

import { once } from 'node:events';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { probe } from './http';

const HEAD_REST_DELAY_MS = 300;
let server: Server | null = null;
const sockets = new Set<Socket>();

afterEach(async () => {
  for (const s of sockets) s.destroy();
  sockets.clear();
  server?.close();
  server = null;
});

/** A raw HTTP server that sends its status line at once and the rest of the head `delayMs` later. */
async function splitHeadServer(delayMs: number): Promise<string> {
  server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.once('data', () => {
      socket.write('HTTP/1.1 200 OK\r\n');
      setTimeout(() => {
        socket.end('content-type: text/plain\r\ncontent-length: 2\r\nconnection: close\r\n\r\nok');
      }, delayMs);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

describe('first byte', () => {
  it('is the first data of the response, not the end of its head', async () => {
    const url = await splitHeadServer(HEAD_REST_DELAY_MS);
    const result = await probe({ name: 'split', url, path: 'direct', useEnvProxy: false });
    expect(result.outcome).toBe('ok');
    expect(result.timings.firstByte).not.toBeNull();
    // The status line came at once; the head was complete only HEAD_REST_DELAY_MS later.
    expect(result.timings.firstByte!).toBeLessThan(HEAD_REST_DELAY_MS / 2);
    expect(result.timings.total).toBeGreaterThanOrEqual(HEAD_REST_DELAY_MS - 1);
  });
});
