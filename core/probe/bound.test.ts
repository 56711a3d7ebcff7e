// A probe of a hostile server: what the server chose reaches the result inert and bounded.

import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { TEXT_LIMITS, UNSAFE_CHAR } from '../../shared/text/sanitize';
import { INJECTIONS } from '../../tests/support/hostile-status';
import { strings } from '../status/bound.test-support';
import { probe } from './http';

const servers: net.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** A raw TCP server answering every connection with these exact bytes, then closing. */
async function rawServer(response: Buffer): Promise<string> {
  const server = net.createServer((socket) => {
    socket.on('error', () => undefined);
    socket.once('data', () => socket.end(response));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

describe('probe result boundary', () => {
  it('removes control characters from header values, body and error, and caps them', async () => {
    const body = Buffer.from(`${INJECTIONS.join('\r\n')}\u001b[2J\u0007`, 'utf8');
    const head = Buffer.from(
      [
        'HTTP/1.1 503 Service Unavailable',
        'Content-Type: text/html',
        `Server: evil\u009b2J ${'x'.repeat(5_000)}`,
        // The HTTP parser refuses C0 controls in header values; C1 ones (obs-text) pass.
        'X-App-Version: 1.0\u009b2J\u0085',
        'Retry-After: 30\u009d0;pwned',
        `Content-Length: ${body.length}`,
        '',
        '',
      ].join('\r\n'),
      'latin1',
    );
    const url = await rawServer(Buffer.concat([head, body]));
    const result = await probe({ name: 'evil', url, path: 'direct', limits: { deadlineMs: 3_000 } });
    expect(result.status).toBe(503);
    for (const text of strings(result)) expect(text).not.toMatch(UNSAFE_CHAR);
    expect(result.body).not.toMatch(/\r/);
    expect(result.body).toContain('<script>alert(1)</script>');
    expect(result.headers.server!.length).toBeLessThanOrEqual(TEXT_LIMITS.header);
    expect(result.headers['x-app-version']).toBe('1.02J');
    expect(result.error).toMatch(/retry-after: 30 ?0;pwned/);
  });
});
