// The redirect policy: no redirect into the local network (judged on the address connected to, so a
// name resolving inside counts), except within the configured URL's own range; and the token never
// follows an https → http redirect. Everything stays on loopback: names are mapped to 127.0.0.x by an
// injected lookup, and `configuredRange: 'public'` makes a loopback target count as public.

import { afterAll, describe, expect, it } from 'vitest';
import { makeCert } from '../../simulator/tls';
import { startServer, type TestServer } from '../../tests/support/hostile';
import { probe } from './http';
import { RedirectGuard, localRangeOf } from './local-redirect';
import type { LookupFn, ProbeLimits } from './types';

const LIMITS: Partial<ProbeLimits> = { connectMs: 1000, headersMs: 1000, bodyMs: 1000, deadlineMs: 2000 };
const TOKEN = 'c0ffeec0ffeec0ffeec0ffeec0ffeec0ffee1234';
const servers: TestServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

/** Names the tests use, all resolving to loopback; anything else fails like NXDOMAIN. */
const lookup: LookupFn = async (hostname) => {
  if (hostname === 'inside.test') return { address: '127.0.0.1', family: 4 };
  if (hostname === 'mapped.test') return { address: '::ffff:127.0.0.1', family: 6 };
  throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
};

/** A server that logs every request and redirects `/go?to=URL`; `/inside` is the secret it must not reach. */
async function redirector(
  seen: { path: string; auth: string | undefined }[],
  tls?: { key: string; cert: string },
): Promise<TestServer> {
  const server = await startServer(
    (req, res) => {
      seen.push({ path: req.url ?? '', auth: req.headers.authorization });
      const to = new URL(req.url ?? '/', 'http://x').searchParams.get('to');
      if (to) return void res.writeHead(302, { location: to }).end();
      res.writeHead(200, { 'content-type': 'text/plain' }).end('metadata: instance secret');
    },
    tls ? { tls } : {},
  );
  servers.push(server);
  return server;
}

describe('localRangeOf', () => {
  it('names loopback, link-local, private, CGNAT, benchmarking and unspecified addresses, IPv4, mapped and NAT64 IPv6', () => {
    const cases: [string, ReturnType<typeof localRangeOf>][] = [
      ['127.0.0.1', 'loopback'],
      ['127.9.9.9', 'loopback'],
      ['::1', 'loopback'],
      ['::ffff:127.0.0.1', 'loopback'],
      ['::ffff:7f00:1', 'loopback'],
      ['169.254.169.254', 'link-local'],
      ['fe80::1', 'link-local'],
      ['fe80::1%eth0', 'link-local'],
      ['10.1.2.3', 'private'],
      ['172.16.0.1', 'private'],
      ['172.31.255.255', 'private'],
      ['192.168.1.1', 'private'],
      ['fd12:3456::1', 'private'],
      ['fc00::1', 'private'],
      ['::ffff:10.0.0.1', 'private'],
      ['100.64.0.1', 'shared'],
      ['100.127.255.255', 'shared'],
      ['198.18.0.1', 'benchmark'],
      ['198.19.255.255', 'benchmark'],
      ['64:ff9b::7f00:1', 'loopback'],
      ['64:ff9b::127.0.0.1', 'loopback'],
      ['64:ff9b::a9fe:a9fe', 'link-local'],
      ['64:ff9b::10.0.0.1', 'private'],
      ['0.0.0.0', 'unspecified'],
      ['::', 'unspecified'],
      ['172.32.0.1', null],
      ['100.128.0.1', null],
      ['8.8.8.8', null],
      ['198.20.0.1', null],
      ['64:ff9b::808:808', null],
      ['64:ff9b:1::7f00:1', null],
      ['2001:4860:4860::8888', null],
      ['example.com', null],
    ];
    expect(cases.map(([ip]) => [ip, localRangeOf(ip)])).toEqual(cases);
  });

  it('the guard lets the first hop set the range and refuses later hops into another local range', () => {
    const guard = new RedirectGuard();
    expect(guard.check(0, '127.0.0.1', '127.0.0.1')).toBeNull();
    expect(guard.check(1, 'a.test', '127.0.0.2')).toBeNull();
    expect(guard.check(1, 'a.test', '93.184.216.34')).toBeNull();
    expect(guard.check(2, 'meta.test', '169.254.169.254')).toBe(
      'redirect into the local network refused: meta.test is 169.254.169.254, a link-local address',
    );
    const fromPublic = new RedirectGuard('public');
    expect(fromPublic.check(0, 'site.test', '127.0.0.1')).toBeNull();
    expect(fromPublic.check(1, '10.0.0.1', '10.0.0.1')).toMatch(/refused: 10\.0\.0\.1, a private network/);
    expect(fromPublic.checkHost(1, '[::1]')).toMatch(/refused: ::1, this machine/);
    expect(fromPublic.checkHost(1, 'localhost')).toMatch(/refused: localhost/);
    expect(fromPublic.checkHost(1, 'example.com')).toBeNull();
  });
});

describe('probe redirects', () => {
  it('refuses a redirect to a name that resolves inside, judged on the address it would connect to', async () => {
    const seen: { path: string; auth: string | undefined }[] = [];
    const server = await redirector(seen);
    for (const name of ['inside.test', 'mapped.test']) {
      const to = `http://${name}:${server.port}/inside`;
      const result = await probe({
        name: 'site',
        url: `${server.url}/go?to=${encodeURIComponent(to)}`,
        path: 'direct',
        limits: LIMITS,
        lookup,
        configuredRange: 'public',
      });
      expect(result.outcome).toBe('redirect-refused');
      expect(result.error).toBe(
        `redirect into the local network refused: ${name} is 127.0.0.1, this machine (loopback)`,
      );
      expect(result.body).toBe('');
    }
    expect(seen.map((s) => s.path).filter((p) => p === '/inside')).toEqual([]);
  });

  it('refuses IP-literal redirects to loopback, the metadata address and private ranges without connecting', async () => {
    const seen: { path: string; auth: string | undefined }[] = [];
    const server = await redirector(seen);
    const publicTarget = await probe({
      name: 'site',
      url: `${server.url}/go?to=${encodeURIComponent(`${server.url}/inside`)}`,
      path: 'direct',
      limits: LIMITS,
      configuredRange: 'public',
    });
    expect(publicTarget.outcome).toBe('redirect-refused');
    expect(publicTarget.error).toBe(
      'redirect into the local network refused: 127.0.0.1, this machine (loopback)',
    );
    // A loopback target may redirect within loopback, but not to any other local range. (The test
    // server's port: were the policy ever broken, nothing listens there.)
    const elsewhere = [
      `http://169.254.169.254:${server.port}/latest/meta-data/`,
      `http://10.0.0.1:${server.port}/`,
      `http://192.168.1.1:${server.port}/`,
      `http://[fd00::1]:${server.port}/`,
      `http://0.0.0.0:${server.port}/inside`,
    ];
    const results = await Promise.all(
      elsewhere.map((to) =>
        probe({
          name: 'site',
          url: `${server.url}/go?to=${encodeURIComponent(to)}`,
          path: 'direct',
          limits: LIMITS,
        }),
      ),
    );
    expect(results.map((r) => r.outcome)).toEqual(elsewhere.map(() => 'redirect-refused'));
    expect(results.every((r) => r.timings.total < 1000)).toBe(true);
    expect(seen.filter((s) => s.path === '/inside')).toEqual([]);
  });

  it('a loopback target still follows redirects within loopback (the simulator and tests)', async () => {
    const seen: { path: string; auth: string | undefined }[] = [];
    const server = await redirector(seen);
    const result = await probe({
      name: 'site',
      url: `${server.url}/go?to=${encodeURIComponent(`http://inside.test:${server.port}/inside`)}`,
      path: 'direct',
      limits: LIMITS,
      lookup,
    });
    expect(result.outcome).toBe('ok');
    expect(result.body).toBe('metadata: instance secret');
    expect(seen.map((s) => s.path)).toContain('/inside');
  });

  it('never sends the token over an https → http redirect (the redirect is followed without it)', async () => {
    const seenTls: { path: string; auth: string | undefined }[] = [];
    const seenPlain: { path: string; auth: string | undefined }[] = [];
    const cert = await makeCert();
    const secure = await redirector(seenTls, cert);
    const plain = await redirector(seenPlain);
    const result = await probe({
      name: 'user',
      url: `${secure.url}/go?to=${encodeURIComponent(`${plain.url}/landing`)}`,
      path: 'direct',
      authorization: `Token ${TOKEN}`,
      ca: cert.ca,
      limits: LIMITS,
    });
    expect(result.outcome).toBe('ok');
    expect(result.redirects).toBe(1);
    expect(seenTls.map((s) => s.auth)).toEqual([`Token ${TOKEN}`]);
    expect(seenPlain).toEqual([{ path: '/landing', auth: undefined }]);
  });
});
