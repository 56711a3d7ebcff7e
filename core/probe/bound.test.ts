// A probe of a hostile server: what the server chose reaches the result inert and bounded.

import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { TEXT_LIMITS, UNSAFE_CHAR } from '../../shared/text/sanitize';
import { INJECTIONS } from '../../tests/support/hostile-status';
import { strings } from '../status/bound.test-support';
import { keptReason } from './bound';
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

/** An empty answer with this status line (latin1 bytes, as a server writes them). */
function emptyAnswer(statusLine: string): Buffer {
  return Buffer.from(`${statusLine}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`, 'latin1');
}

describe('the reason phrase of the status line', () => {
  it('is kept as sent when it says more than the status: a classic ELB at capacity', async () => {
    const url = await rawServer(
      emptyAnswer('HTTP/1.1 503 Service Unavailable: Back-end server is at capacity'),
    );
    const result = await probe({ name: 'elb', url, path: 'direct', limits: { deadlineMs: 3_000 } });
    expect(result.status).toBe(503);
    expect(result.body).toBe('');
    expect(result.reason).toBe('Service Unavailable: Back-end server is at capacity');
  });

  it('keeps an unusual spelling of a standard phrase and drops the standard phrase itself', async () => {
    const elb = await rawServer(emptyAnswer('HTTP/1.1 504 GATEWAY_TIMEOUT'));
    const nginx = await rawServer(emptyAnswer('HTTP/1.1 503 Service Unavailable'));
    const [odd, plain] = await Promise.all([
      probe({ name: 'elb', url: elb, path: 'direct', limits: { deadlineMs: 3_000 } }),
      probe({ name: 'nginx', url: nginx, path: 'direct', limits: { deadlineMs: 3_000 } }),
    ]);
    expect(odd.reason).toBe('GATEWAY_TIMEOUT');
    expect(plain.status).toBe(503);
    expect(plain).not.toHaveProperty('reason');
  });

  it('is cleaned of control and bidi characters and capped', async () => {
    // Sent as UTF-8 (obs-text bytes to the parser; undici decodes the phrase as UTF-8): C1 controls,
    // a tab, then far more than the cap; and a bidi override with its pop.
    const line = Buffer.from(`HTTP/1.1 503 Busy\u009b2J evil\u0085 \t ${'x'.repeat(5_000)}`, 'utf8');
    const withBidi = Buffer.from('HTTP/1.1 503 Busy \u202Eevil\u202C\u009b2J', 'utf8');
    const tail = Buffer.from('\r\nContent-Length: 0\r\nConnection: close\r\n\r\n', 'latin1');
    const long = await rawServer(Buffer.concat([line, tail]));
    const bidi = await rawServer(Buffer.concat([withBidi, tail]));
    const [a, b] = await Promise.all([
      probe({ name: 'long', url: long, path: 'direct', limits: { deadlineMs: 3_000 } }),
      probe({ name: 'bidi', url: bidi, path: 'direct', limits: { deadlineMs: 3_000 } }),
    ]);
    for (const r of [a, b]) {
      expect(r.status).toBe(503);
      expect(r.reason).toBeDefined();
      expect(r.reason).not.toMatch(UNSAFE_CHAR);
      expect(r.reason!.length).toBeLessThanOrEqual(TEXT_LIMITS.reason);
    }
    expect(a.reason).toMatch(/^Busy2J evil x+…$/);
    expect(a.reason).toHaveLength(TEXT_LIMITS.reason);
    expect(b.reason).toBe('Busy evil2J');
  });

  it('never carries the token a server echoes into it', async () => {
    const url = await rawServer(emptyAnswer('HTTP/1.1 401 bad token s3cr3t-t0ken-value'));
    const result = await probe({
      name: 'user',
      url,
      path: 'direct',
      authorization: 'Token s3cr3t-t0ken-value',
      limits: { deadlineMs: 3_000 },
    });
    expect(result.status).toBe(401);
    expect(result.reason).toBe('bad token [redacted]');
  });

  it('belongs to the final answer: a redirect hop’s own phrase is not kept', async () => {
    const final = await rawServer(emptyAnswer('HTTP/1.1 200 OK'));
    const first = await rawServer(
      Buffer.from(
        `HTTP/1.1 302 Moved Along Now\r\nLocation: ${final}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
        'latin1',
      ),
    );
    const result = await probe({ name: 'hop', url: first, path: 'direct', limits: { deadlineMs: 3_000 } });
    expect(result.redirects).toBe(1);
    expect(result.status).toBe(200);
    expect(result).not.toHaveProperty('reason');
  });
});

describe('keptReason', () => {
  it('drops empty and standard phrases (any case), keeps the rest cleaned', () => {
    expect(keptReason(503, undefined)).toBeNull();
    expect(keptReason(null, 'Whatever')).toBeNull();
    expect(keptReason(503, '  ')).toBeNull();
    expect(keptReason(200, 'OK')).toBeNull();
    expect(keptReason(504, 'gateway timeout')).toBeNull();
    expect(keptReason(504, 'GATEWAY_TIMEOUT')).toBe('GATEWAY_TIMEOUT');
    expect(keptReason(599, 'Network Connect Timeout')).toBe('Network Connect Timeout');
    expect(keptReason(503, 'a\u0000b\u202Ec\n d')).toBe('abc d');
  });
});
