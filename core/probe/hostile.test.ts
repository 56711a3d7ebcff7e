// Every hostile server behaviour ends in its own taxonomy entry, within the probe's deadline.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, it, expect } from 'vitest';
import { probe } from './http';
import type { ProbeLimits } from './types';
import type { ProbeResult } from '../../shared/types/probe';
import { behaviours, refusedPort, startBlackHole, startServer } from '../../tests/support/hostile';
import type { TestServer } from '../../tests/support/hostile';

const LIMITS: Partial<ProbeLimits> = { connectMs: 1000, headersMs: 1000, bodyMs: 1000, deadlineMs: 1500 };
/** How far past the deadline a probe may resolve (timer and event-loop latency on a busy machine). */
const SLACK_MS = 300;

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(...args: Parameters<typeof startServer>): Promise<TestServer> {
  const server = await startServer(...args);
  servers.push(server);
  return server;
}

/** Runs a probe and checks it resolved within its deadline. */
async function timedProbe(url: string, limits: Partial<ProbeLimits> = LIMITS): Promise<ProbeResult> {
  const deadline = limits.deadlineMs ?? 1500;
  const started = performance.now();
  const result = await probe({ name: 'test', url, path: 'direct', limits });
  const elapsed = performance.now() - started;
  expect(elapsed).toBeLessThan(deadline + SLACK_MS);
  expect(result.timings.total).toBeLessThan(deadline + SLACK_MS);
  return result;
}

describe('probe against hostile servers', () => {
  it('slow headers past the headers timeout → timeout-headers', async () => {
    const server = await serve(behaviours.slowHeaders(5000));
    const result = await timedProbe(`${server.url}/`, { ...LIMITS, headersMs: 400 });
    expect(result.outcome).toBe('timeout-headers');
    expect(result.status).toBeNull();
    expect(result.timings.connect).not.toBeNull();
    expect(result.timings.total).toBeGreaterThanOrEqual(390);
    expect(result.timings.total).toBeLessThan(400 + SLACK_MS);
  });

  it('slow headers past the overall deadline → timeout-headers', async () => {
    const server = await serve(behaviours.slowHeaders(5000));
    const result = await timedProbe(`${server.url}/`, { ...LIMITS, headersMs: 10_000, deadlineMs: 800 });
    expect(result.outcome).toBe('timeout-headers');
    expect(result.error).toContain('deadline of 800 ms');
  });

  it('a body dripping a byte every 200 ms → timeout-body at the deadline', async () => {
    const server = await serve(behaviours.drip(200));
    const result = await timedProbe(`${server.url}/`);
    expect(result.outcome).toBe('timeout-body');
    expect(result.status).toBe(200);
    expect(result.bodyBytes).toBeGreaterThan(2);
    expect(result.body).toMatch(/^\.+$/);
    expect(result.timings.firstByte).not.toBeNull();
  });

  it('a 500 whose body drips or stalls keeps its 500 (the server answered), saying the body was incomplete', async () => {
    const dripping = await serve(behaviours.drip(200, 500));
    const atDeadline = await timedProbe(`${dripping.url}/`);
    expect([atDeadline.outcome, atDeadline.status]).toEqual(['http-5xx', 500]);
    expect(atDeadline.error).toMatch(/^HTTP 500 Internal Server Error; response body .* still incomplete/);
    const stalled = await serve(behaviours.drip(5000, 503));
    const idle = await timedProbe(`${stalled.url}/`, { ...LIMITS, bodyMs: 300 });
    expect([idle.outcome, idle.status]).toEqual(['http-5xx', 503]);
    expect(idle.error).toContain('idle for more than 300 ms');
  });

  it('a redirect that cannot be followed is an error, not ok', async () => {
    const server = await serve((req, res) => {
      if (req.url === '/js') res.writeHead(302, { location: 'javascript:alert(1)' }).end('moved');
      else if (req.url === '/bad') res.writeHead(301, { location: 'http://[::1' }).end();
      else res.writeHead(307).end();
    });
    for (const [path, words] of [
      ['/js', /HTTP 302 redirect to javascript:alert\(1\), which cannot be followed/],
      ['/bad', /HTTP 301 redirect to http:\/\/\[::1, which cannot be followed/],
      ['/none', /HTTP 307 redirect without a Location header/],
    ] as const) {
      const result = await timedProbe(`${server.url}${path}`);
      expect(result.outcome, path).toBe('error');
      expect(result.error, path).toMatch(words);
    }
  });

  it('a body idle longer than the body timeout → timeout-body', async () => {
    const server = await serve(behaviours.drip(5000));
    const result = await timedProbe(`${server.url}/`, { ...LIMITS, bodyMs: 300 });
    expect(result.outcome).toBe('timeout-body');
    expect(result.error).toContain('idle for more than 300 ms');
    expect(result.timings.total).toBeLessThan(300 + SLACK_MS);
  });

  it('a 50 MB body → body-too-large, without reading it all', async () => {
    const server = await serve(behaviours.huge(50_000_000));
    const result = await timedProbe(`${server.url}/`, { ...LIMITS, maxBodyBytes: 1_000_000 });
    expect(result.outcome).toBe('body-too-large');
    expect(result.status).toBe(200);
    expect(result.bodyBytes).toBeGreaterThan(1_000_000);
    expect(result.bodyBytes).toBeLessThan(2_000_000);
    expect(result.body.length).toBe(64 * 1024);
  });

  it('streams 40 MB of a 50 MB body with memory growth under 20 MB', async () => {
    const server = await serve(behaviours.huge(50_000_000));
    // Retained memory (heap + Buffer stores) after a full GC: garbage awaiting collection is not growth.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const used = (): number => {
      gc();
      const m = process.memoryUsage();
      return m.heapUsed + m.arrayBuffers;
    };
    const baseline = used();
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, used());
    }, 10);
    const result = await timedProbe(`${server.url}/`, {
      ...LIMITS,
      deadlineMs: 8000,
      maxBodyBytes: 40_000_000,
    });
    clearInterval(sampler);
    peak = Math.max(peak, used());
    expect(result.outcome).toBe('body-too-large');
    expect(result.bodyBytes).toBeGreaterThan(40_000_000);
    expect(peak - baseline).toBeLessThan(20 * 1024 * 1024);
  });

  it('a redirect loop → too-many-redirects after maxRedirects', async () => {
    const server = await serve(behaviours.redirectLoop());
    const result = await timedProbe(`${server.url}/loop/0`, { ...LIMITS, maxRedirects: 5 });
    expect(result.outcome).toBe('too-many-redirects');
    expect(result.redirects).toBe(5);
    expect(result.status).toBe(302);
    expect(result.finalUrl).toBe(`${server.url}/loop/5`);
  });

  it('a connection reset mid-body → reset, keeping what arrived', async () => {
    const server = await serve(behaviours.resetMidBody(100_000, 10_000));
    const result = await timedProbe(`${server.url}/`);
    expect(result.outcome).toBe('reset');
    expect(result.status).toBe(200);
    expect(result.bodyBytes).toBe(10_000);
  });

  it('a DNS failure (injected lookup) → dns, without touching a resolver', async () => {
    const asked: string[] = [];
    const started = performance.now();
    const result = await probe({
      name: 'test',
      url: 'https://no-such-host.why500.invalid/',
      path: 'direct',
      limits: LIMITS,
      lookup: async (host) => {
        asked.push(host);
        throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
      },
    });
    expect(performance.now() - started).toBeLessThan(1500);
    expect(asked).toEqual(['no-such-host.why500.invalid']);
    expect(result.outcome).toBe('dns');
    expect(result.error).toBe('could not resolve no-such-host.why500.invalid (ENOTFOUND)');
    expect(result.timings).toMatchObject({ dns: null, connect: null, tls: null, firstByte: null });
  });

  it('a DNS lookup that never answers → dns within the connect timeout', async () => {
    const result = await probe({
      name: 'test',
      url: 'http://stuck.why500.invalid/',
      path: 'direct',
      limits: { ...LIMITS, connectMs: 300 },
      lookup: () => new Promise(() => undefined),
    });
    expect(result.outcome).toBe('dns');
    expect(result.timings.total).toBeLessThan(300 + SLACK_MS);
  });

  it('connection refused → refused', async () => {
    const port = await refusedPort();
    const result = await timedProbe(`http://127.0.0.1:${port}/`);
    expect(result.outcome).toBe('refused');
    expect(result.error).toBe(`connection refused by 127.0.0.1:${port}`);
    expect(result.timings.connect).toBeNull();
  });

  it('a black hole that accepts and never answers → timeout-headers', async () => {
    const hole = await startBlackHole();
    servers.push(hole);
    const result = await timedProbe(`${hole.url}/`);
    expect(result.outcome).toBe('timeout-headers');
    expect(result.timings.connect).not.toBeNull();
  });

  it('a Cloudflare-style challenge → challenge, with the CDN headers kept', async () => {
    const server = await serve(behaviours.challenge());
    const result = await timedProbe(`${server.url}/`);
    expect(result.outcome).toBe('challenge');
    expect(result.status).toBe(403);
    expect(result.headers).toMatchObject({ server: 'cloudflare', 'cf-mitigated': 'challenge' });
    expect(result.headers['cf-ray']).toMatch(/-AMS$/);
  });

  it('a challenge page without the cf-mitigated header → challenge', async () => {
    const server = await serve(behaviours.challenge(false));
    expect((await timedProbe(`${server.url}/`)).outcome).toBe('challenge');
  });

  it('a 500 → http-5xx', async () => {
    const server = await serve(behaviours.status(500, {}, 'Internal Server Error'));
    const result = await timedProbe(`${server.url}/`);
    expect(result.outcome).toBe('http-5xx');
    expect(result.status).toBe(500);
    expect(result.body).toBe('Internal Server Error');
    expect(result.error).toBe('HTTP 500 Internal Server Error');
  });

  it('a 503 with Retry-After → http-5xx with the header captured', async () => {
    const server = await serve(behaviours.status(503, { 'retry-after': '120', 'x-build-sha': 'f00d' }));
    const result = await timedProbe(`${server.url}/`);
    expect(result.outcome).toBe('http-5xx');
    expect(result.headers['retry-after']).toBe('120');
    expect(result.headers['x-build-sha']).toBe('f00d');
  });
});
