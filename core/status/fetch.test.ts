// fetchStatusDocument on loopback: headers sent, 304, redirects, caps, TLS with a test CA, proxies.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import {
  connect as netConnect,
  createServer as createNetServer,
  type AddressInfo,
  type Server,
} from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchStatusDocument } from './fetch';
import { jsonReply, type StatusTestServer, useStatusServers } from '../testing/status-server';

const { serve, track } = useStatusServers();

describe('fetchStatusDocument', () => {
  it('sends Accept, User-Agent and If-None-Match; a matching ETag gives not-modified', async () => {
    const server = await serve({ '/s.json': jsonReply({ a: 1 }, { headers: { etag: '"e1"' } }) });
    const first = await fetchStatusDocument(`${server.url}/s.json`, { env: {} });
    expect(first).toMatchObject({ kind: 'ok', status: 200, etag: '"e1"', body: '{"a":1}' });
    const second = await fetchStatusDocument(`${server.url}/s.json`, { env: {}, etag: '"e1"' });
    expect(second).toEqual({ kind: 'not-modified', url: `${server.url}/s.json`, etag: '"e1"' });
    expect(server.requests[1]!.headers['if-none-match']).toBe('"e1"');
    expect(server.requests[0]!.headers['user-agent']).toMatch(/^why500\//);
    const custom = await fetchStatusDocument(`${server.url}/s.json`, { env: {}, userAgent: 'why500/test' });
    expect(custom.kind).toBe('ok');
    expect(server.requests[2]!.headers['user-agent']).toBe('why500/test');
  });

  it('follows up to 5 redirects and reports the final URL', async () => {
    const routes: Record<string, { status: number; headers: Record<string, string> }> = {};
    for (let i = 0; i < 5; i++) routes[`/r${i}`] = { status: 301, headers: { location: `/r${i + 1}` } };
    const server = await serve({ ...routes, '/r5': jsonReply({ ok: true }) });
    const result = await fetchStatusDocument(`${server.url}/r0`, { env: {} });
    expect(result).toMatchObject({ kind: 'ok', url: `${server.url}/r5` });
    const tooMany = await fetchStatusDocument(`${server.url}/r0`, { env: {}, maxRedirects: 4 });
    expect(tooMany).toMatchObject({ kind: 'failed', reason: 'http-error' });
  });

  it('caps the body at maxBytes', async () => {
    const server = await serve({ '/big': jsonReply('x'.repeat(5000)) });
    expect(await fetchStatusDocument(`${server.url}/big`, { env: {}, maxBytes: 4096 })).toMatchObject({
      kind: 'failed',
      reason: 'too-large',
    });
    expect(await fetchStatusDocument(`${server.url}/big`, { env: {}, maxBytes: 8192 })).toMatchObject({
      kind: 'ok',
    });
  });

  it('a cancelled signal ends the fetch as a timeout without throwing', async () => {
    const server = await serve({ '/slow': () => undefined });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const result = await fetchStatusDocument(`${server.url}/slow`, { env: {}, signal: controller.signal });
    expect(result).toMatchObject({ kind: 'failed', reason: 'timeout' });
  });

  it('a bad proxy setting comes back as a failure, not a throw', async () => {
    const result = await fetchStatusDocument('http://127.0.0.1:9/x', { proxy: 'not a proxy url' });
    expect(result).toMatchObject({ kind: 'failed', reason: 'network' });
  });

  it('rejects a non-HTTP URL in one line', async () => {
    expect(await fetchStatusDocument('ftp://127.0.0.1/x')).toMatchObject({
      kind: 'failed',
      reason: 'network',
    });
    expect(await fetchStatusDocument('::nope')).toMatchObject({
      kind: 'failed',
      detail: 'not a URL: ::nope',
    });
  });
});

describe('TLS with a test CA', () => {
  let dir = '';
  let cert = '';
  let https: HttpsServer;
  let url = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'why500-status-tls-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    cert = readFileSync(join(dir, 'cert.pem'), 'utf8');
    https = createHttpsServer({ key: readFileSync(join(dir, 'key.pem')), cert }, (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"tls":true}');
    });
    await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve));
    url = `https://127.0.0.1:${(https.address() as AddressInfo).port}/`;
  });

  afterAll(async () => {
    https.closeAllConnections();
    await new Promise((resolve) => https.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('trusts the given CA and refuses an unknown certificate otherwise', async () => {
    expect(await fetchStatusDocument(url, { env: {}, ca: cert })).toMatchObject({
      kind: 'ok',
      body: '{"tls":true}',
    });
    const untrusted = await fetchStatusDocument(url, { env: {} });
    expect(untrusted).toMatchObject({ kind: 'failed', reason: 'network' });
    if (untrusted.kind === 'failed') expect(untrusted.detail).toMatch(/self[- ]signed|certificate/i);
  });
});

describe('proxies', () => {
  /** A CONNECT proxy that tunnels every request to `target`, whatever host was asked for. */
  async function tunnelTo(
    target: StatusTestServer,
  ): Promise<{ url: string; asked: string[]; server: Server }> {
    const asked: string[] = [];
    const port = Number(new URL(target.url).port);
    const server = createNetServer((client) => {
      client.once('data', (head) => {
        asked.push(head.toString('latin1').split('\r\n')[0]!);
        const upstream = netConnect(port, '127.0.0.1', () => {
          client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
          upstream.pipe(client).pipe(upstream);
        });
        upstream.on('error', () => client.destroy());
        client.on('error', () => upstream.destroy());
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    track({ close: () => new Promise((resolve) => server.close(resolve)) });
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, asked, server };
  }

  it('honours HTTP_PROXY from the given environment, and NO_PROXY', async () => {
    const target = await serve({ '/api/v2/summary.json': jsonReply({ via: 'tunnel' }) });
    const proxy = await tunnelTo(target);
    const viaProxy = await fetchStatusDocument('http://status.example.invalid/api/v2/summary.json', {
      env: { HTTP_PROXY: proxy.url },
    });
    expect(viaProxy).toMatchObject({ kind: 'ok', body: '{"via":"tunnel"}' });
    expect(proxy.asked).toEqual(['CONNECT status.example.invalid:80 HTTP/1.1']);

    const direct = await fetchStatusDocument(`${target.url}/api/v2/summary.json`, {
      env: { HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' },
    });
    expect(direct).toMatchObject({ kind: 'ok' });
    expect(proxy.asked).toHaveLength(1);
  });

  it('reads the environment like the probes do: a proxy without a scheme, and ALL_PROXY', async () => {
    const target = await serve({ '/x': jsonReply({ ok: 1 }) });
    const proxy = await tunnelTo(target);
    const bare = proxy.url.replace('http://', '');
    expect(
      await fetchStatusDocument('http://bare.example.invalid/x', { env: { HTTP_PROXY: bare } }),
    ).toMatchObject({ kind: 'ok' });
    expect(
      await fetchStatusDocument('http://all.example.invalid/x', { env: { ALL_PROXY: proxy.url } }),
    ).toMatchObject({ kind: 'ok' });
    expect(proxy.asked).toEqual([
      'CONNECT bare.example.invalid:80 HTTP/1.1',
      'CONNECT all.example.invalid:80 HTTP/1.1',
    ]);
  });

  it('an explicit proxy wins, and useEnvProxy: false ignores the environment', async () => {
    const target = await serve({ '/x': jsonReply({ ok: 1 }) });
    const proxy = await tunnelTo(target);
    expect(
      await fetchStatusDocument('http://explicit.example.invalid/x', { proxy: proxy.url, env: {} }),
    ).toMatchObject({
      kind: 'ok',
    });
    expect(proxy.asked).toEqual(['CONNECT explicit.example.invalid:80 HTTP/1.1']);
    const ignored = await fetchStatusDocument(`${target.url}/x`, {
      env: { HTTP_PROXY: proxy.url },
      useEnvProxy: false,
    });
    expect(ignored).toMatchObject({ kind: 'ok' });
    expect(proxy.asked).toHaveLength(1);
  });
  it('sends each hop its own Host header behind a proxy', async () => {
    const target = await serve({ '/end.json': jsonReply({ ok: 1 }) });
    target.route('/s.json', { status: 302, headers: { location: 'http://second.example.invalid/end.json' } });
    const proxy = await tunnelTo(target);
    const result = await fetchStatusDocument('http://first.example.invalid/s.json', {
      env: { HTTP_PROXY: proxy.url },
    });
    expect(result).toMatchObject({ kind: 'ok', url: 'http://second.example.invalid/end.json' });
    expect(target.requests.map((r) => r.headers.host)).toEqual([
      'first.example.invalid',
      'second.example.invalid',
    ]);
  });

  it('judges a redirect to a NO_PROXY host on the address it connects to directly', async () => {
    const target = await serve({ '/inside.json': jsonReply({ secret: 'internal text' }) });
    const port = new URL(target.url).port;
    target.route('/s.json', { status: 302, headers: { location: `http://inside.test:${port}/inside.json` } });
    const proxy = await tunnelTo(target);
    const lookup = async (hostname: string) => {
      if (hostname === 'inside.test') return { address: '127.0.0.1', family: 4 };
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    };
    const result = await fetchStatusDocument('http://status.example.invalid/s.json', {
      env: { HTTP_PROXY: proxy.url, NO_PROXY: 'inside.test' },
      lookup,
      configuredRange: 'public',
    });
    expect(result).toMatchObject({
      kind: 'failed',
      detail: 'redirect into the local network refused: inside.test is 127.0.0.1, this machine (loopback)',
    });
    expect(JSON.stringify(result)).not.toContain('internal text');
    expect(target.requests.map((r) => r.path)).toEqual(['/s.json']);
  });
});

describe('fetchStatusDocument redirect policy', () => {
  // Names resolve to loopback through an injected lookup; `configuredRange: 'public'` makes the
  // loopback status page count as a public one, so the refusal path really runs.
  const lookup = async (hostname: string) => {
    if (hostname === 'inside.test') return { address: '127.0.0.1', family: 4 };
    throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
  };
  const port = (server: StatusTestServer) => new URL(server.url).port;
  const moved = (to: string) => ({ status: 302, headers: { location: to } });

  it('refuses a redirect to a name resolving into the local network, on the address it connects to', async () => {
    const server = await serve({ '/inside.json': jsonReply({ secret: 'metadata' }) });
    server.route('/s.json', moved(`http://inside.test:${port(server)}/inside.json`));
    const result = await fetchStatusDocument(`${server.url}/s.json`, {
      env: {},
      lookup,
      configuredRange: 'public',
    });
    expect(result).toEqual({
      kind: 'failed',
      url: `http://inside.test:${port(server)}/inside.json`,
      reason: 'http-error',
      detail: 'redirect into the local network refused: inside.test is 127.0.0.1, this machine (loopback)',
      status: null,
    });
    expect(server.requests.map((r) => r.path)).toEqual(['/s.json']);
  });

  it('refuses an IP-literal redirect inside, and one from a loopback page to another local range', async () => {
    const server = await serve({ '/inside.json': jsonReply({ secret: 'metadata' }) });
    server.route('/s.json', moved(`${server.url}/inside.json`));
    server.route('/meta.json', moved(`http://169.254.169.254:${port(server)}/latest/meta-data/`));
    const fromPublic = await fetchStatusDocument(`${server.url}/s.json`, {
      env: {},
      configuredRange: 'public',
    });
    expect(fromPublic).toMatchObject({
      kind: 'failed',
      detail: 'redirect into the local network refused: 127.0.0.1, this machine (loopback)',
    });
    const metadata = await fetchStatusDocument(`${server.url}/meta.json`, { env: {} });
    expect(metadata).toMatchObject({
      kind: 'failed',
      detail: 'redirect into the local network refused: 169.254.169.254, a link-local address',
    });
    expect(server.requests.map((r) => r.path)).toEqual(['/s.json', '/meta.json']);
  });

  it('a loopback status page may still redirect within loopback', async () => {
    const server = await serve({ '/inside.json': jsonReply({ page: 'ok' }) });
    server.route('/s.json', moved(`http://inside.test:${port(server)}/inside.json`));
    const result = await fetchStatusDocument(`${server.url}/s.json`, { env: {}, lookup });
    expect(result).toMatchObject({ kind: 'ok', body: '{"page":"ok"}' });
  });
});
