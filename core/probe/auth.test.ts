// The credential: sent only to the origin it belongs to, and never in any part of a result.
import { afterAll, describe, it, expect } from 'vitest';
import type { IncomingHttpHeaders } from 'node:http';
import { probe } from './http';
import type { ProbeLimits } from './types';
import { refusedPort, startServer } from '../../tests/support/hostile';
import type { TestServer } from '../../tests/support/hostile';

const TOKEN = 'f0e1d2c3b4a5968778695a4b3c2d1e0f12345678';
const AUTH = `Token ${TOKEN}`;
const LIMITS: Partial<ProbeLimits> = { connectMs: 1000, headersMs: 1000, bodyMs: 1000, deadlineMs: 1500 };
const servers: TestServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

/** A server that records the headers it got, echoes them, and redirects `/go?to=URL`. */
async function recordingServer(seen: IncomingHttpHeaders[]): Promise<TestServer> {
  const server = await startServer((req, res) => {
    seen.push(req.headers);
    const to = new URL(req.url ?? '/', 'http://x').searchParams.get('to');
    if (to) {
      res.writeHead(302, { location: to });
      return void res.end();
    }
    res.writeHead(200, {
      'content-type': 'application/json',
      'x-echo-version': String(req.headers.authorization),
    });
    res.end(JSON.stringify(req.headers));
  });
  servers.push(server);
  return server;
}

const lookupLocalhost = async (): Promise<{ address: string; family: number }> => ({
  address: '127.0.0.1',
  family: 4,
});

describe('authorization handling', () => {
  it('sends the token to its origin but never returns it, even when the server echoes it', async () => {
    const seen: IncomingHttpHeaders[] = [];
    const server = await recordingServer(seen);
    const result = await probe({
      name: 'user',
      url: `${server.url}/me`,
      path: 'direct',
      authorization: AUTH,
      limits: LIMITS,
    });
    expect(seen[0]?.authorization).toBe(AUTH);
    expect(result.outcome).toBe('ok');
    expect(result.auth).toBe(true);
    expect(result.body).toContain('[redacted]');
    expect(JSON.stringify(result)).not.toContain(TOKEN);
  });

  it('removes the token however the server spells it back, and its first part at the 64 KiB cut', async () => {
    const slashed = 'f0e1d2c3/b4a59687+78695a4b3c2d1e0f1234';
    const spellings = [
      slashed.replace('/', '\\/'), // PHP's json_encode
      slashed.replace('/', '%2f').replace('+', '%2b'), // lower-case percent escapes
      slashed.replace('/', '&#x2F;').replace('+', '&#43;'), // HTML entities
      slashed.replace('/', '&sol;'),
    ];
    const keep = 64 * 1024;
    const server = await startServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      if (req.url === '/cut') res.end(`${'x'.repeat(keep - 12)}${slashed} and more after the cut`);
      else res.end(`echo: ${spellings.join(' | ')}`);
    });
    servers.push(server);
    const ask = (path: string) =>
      probe({
        name: 'user',
        url: `${server.url}${path}`,
        path: 'direct',
        authorization: `Token ${slashed}`,
        limits: LIMITS,
      });
    const echoed = await ask('/echo');
    expect(echoed.body).toBe(`echo: ${Array(4).fill('[redacted]').join(' | ')}`);
    const cut = await ask('/cut');
    expect(cut.body.endsWith('x[redacted]')).toBe(true);
    expect(cut.body).not.toContain(slashed.slice(0, 8));
  });

  it('keeps the token on a same-origin redirect and drops it when the redirect leaves the origin', async () => {
    const seenA: IncomingHttpHeaders[] = [];
    const seenB: IncomingHttpHeaders[] = [];
    const a = await recordingServer(seenA);
    const b = await recordingServer(seenB);
    // localhost:PORT is another origin than 127.0.0.1:PORT even though it is the same socket address.
    const elsewhere = `http://localhost:${b.port}/landing`;
    const sameOrigin = `${a.url}/go?to=${encodeURIComponent(elsewhere)}`;
    const result = await probe({
      name: 'user',
      url: `${a.url}/go?to=${encodeURIComponent(sameOrigin)}`,
      path: 'direct',
      authorization: AUTH,
      limits: LIMITS,
      lookup: lookupLocalhost,
    });
    expect(result.outcome).toBe('ok');
    expect(result.redirects).toBe(2);
    expect(result.finalUrl).toBe(elsewhere);
    expect(seenA.map((h) => h.authorization)).toEqual([AUTH, AUTH]);
    expect(seenB.map((h) => h.authorization)).toEqual([undefined]);
    expect(JSON.stringify(result)).not.toContain(TOKEN);
  });

  it('never puts the token in an error, whatever fails', async () => {
    const port = await refusedPort();
    const failures = await Promise.all([
      probe({
        name: 'u',
        url: `http://127.0.0.1:${port}/`,
        path: 'direct',
        authorization: AUTH,
        limits: LIMITS,
      }),
      probe({
        name: 'u',
        url: `http://${TOKEN}.invalid/`,
        path: 'direct',
        authorization: AUTH,
        limits: LIMITS,
        lookup: async () => {
          throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${TOKEN}.invalid`), { code: 'ENOTFOUND' });
        },
      }),
      probe({ name: 'u', url: `not a url ${TOKEN}`, path: 'direct', authorization: AUTH, limits: LIMITS }),
    ]);
    expect(failures.map((r) => r.outcome)).toEqual(['refused', 'dns', 'error']);
    for (const result of failures) {
      expect(result.error).toBeTruthy();
      expect(JSON.stringify(result)).not.toContain(TOKEN);
    }
  });
});

describe('probe input and cancellation', () => {
  it('answers a bad URL with one clear line instead of throwing', async () => {
    const result = await probe({ name: 'x', url: 'ftp://example.test/', path: 'direct' });
    expect(result.outcome).toBe('error');
    expect(result.error).toBe('unsupported URL scheme "ftp:": expected http: or https:');
  });

  it('stops promptly when the caller aborts', async () => {
    const server = await startServer(() => undefined); // never answers
    servers.push(server);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const result = await probe({
      name: 'x',
      url: `${server.url}/`,
      path: 'direct',
      signal: controller.signal,
    });
    expect(result.outcome).toBe('error');
    expect(result.error).toBe('probe cancelled');
    expect(result.timings.total).toBeLessThan(1000);
  });
});
