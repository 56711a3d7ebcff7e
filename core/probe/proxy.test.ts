// The alternate path and the environment's proxy, through a real tinyproxy on 127.0.0.1.
import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { probe } from './http';
import type { LookupFn, ProbeLimits } from './types';
import { behaviours, refusedPort, startServer } from '../../tests/support/hostile';
import type { TestServer } from '../../tests/support/hostile';
import { startTinyproxy } from '../../simulator/tinyproxy';
import type { Tinyproxy } from '../../simulator/tinyproxy';
import { makeCert } from '../../simulator/tls';
import type { PemCert as TestCert } from '../../simulator/tls';

const LIMITS: Partial<ProbeLimits> = { connectMs: 2000, headersMs: 2000, bodyMs: 2000, deadlineMs: 3000 };

let proxy: Tinyproxy;
let plain: TestServer;
let secure: TestServer;
let cert: TestCert;

/** A resolver that knows no name: a probe to `localhost` can only succeed if the proxy resolved it. */
const noNames: LookupFn = async (host) => {
  throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
};

beforeAll(async () => {
  cert = await makeCert();
  [proxy, plain, secure] = await Promise.all([
    startTinyproxy(),
    startServer(behaviours.status(200, { 'x-app-version': '7' }, 'plain via proxy')),
    startServer(behaviours.status(200, {}, 'secure via proxy'), { tls: cert }),
  ]);
});

afterAll(async () => {
  await Promise.all([proxy?.stop(), plain?.close(), secure?.close()]);
});

describe('probe through a proxy', () => {
  it('reaches an http target through the alternate path', async () => {
    const result = await probe({
      name: 'p',
      url: `http://localhost:${plain.port}/`,
      path: 'alternate',
      proxy: proxy.url,
      lookup: noNames,
      limits: LIMITS,
    });
    expect(result.outcome).toBe('ok');
    expect(result.path).toBe('alternate');
    expect(result.body).toBe('plain via proxy');
    expect(result.headers['x-app-version']).toBe('7');
    expect(result.timings.connect).toBeGreaterThan(0);
    expect(result.timings.tls).toBeNull();
  });

  it('reaches an https target through the CONNECT tunnel, timing the TLS inside it', async () => {
    const result = await probe({
      name: 'p',
      url: `https://localhost:${secure.port}/`,
      path: 'alternate',
      proxy: proxy.url,
      lookup: noNames,
      ca: cert.ca,
      limits: LIMITS,
    });
    expect(result.outcome).toBe('ok');
    expect(result.body).toBe('secure via proxy');
    expect(result.remoteAddress).toBe('127.0.0.1');
    expect(result.timings.tls).toBeGreaterThan(0);
    expect(result.timings.firstByte).toBeGreaterThan(0);
  });

  it('checks the target certificate through the tunnel', async () => {
    const result = await probe({
      name: 'p',
      url: `${secure.url}/`,
      path: 'alternate',
      proxy: proxy.url,
      limits: LIMITS,
    });
    expect(result.outcome).toBe('tls-cert');
  });

  it('a proxy that refuses connections → proxy', async () => {
    const port = await refusedPort();
    const result = await probe({
      name: 'p',
      url: `${plain.url}/`,
      path: 'alternate',
      proxy: `http://user:secret@127.0.0.1:${port}`,
      limits: LIMITS,
    });
    expect(result.outcome).toBe('proxy');
    expect(result.error).toBe(`proxy 127.0.0.1:${port} refused the connection`);
    expect(JSON.stringify(result)).not.toContain('secret');
  });

  it('a proxy that cannot reach the target → proxy', async () => {
    const port = await refusedPort();
    const result = await probe({
      name: 'p',
      url: `http://127.0.0.1:${port}/`,
      path: 'alternate',
      proxy: proxy.url,
      limits: LIMITS,
    });
    expect(result.outcome).toBe('proxy');
    expect(result.error).toMatch(/answered 5\d\d to CONNECT/);
  });
});

describe('proxy from the environment', () => {
  it('honours HTTP_PROXY like curl', async () => {
    const result = await probe({
      name: 'e',
      url: `http://localhost:${plain.port}/`,
      path: 'direct',
      env: { HTTP_PROXY: proxy.url },
      lookup: noNames,
      limits: LIMITS,
    });
    expect(result.outcome).toBe('ok');
    expect(result.body).toBe('plain via proxy');
  });

  it('honours https_proxy for https targets', async () => {
    const result = await probe({
      name: 'e',
      url: `https://localhost:${secure.port}/`,
      path: 'direct',
      env: { https_proxy: proxy.url },
      lookup: noNames,
      ca: cert.ca,
      limits: LIMITS,
    });
    expect(result.outcome).toBe('ok');
  });

  it('goes direct for NO_PROXY hosts and when useEnvProxy is false', async () => {
    const deadProxy = `http://127.0.0.1:${await refusedPort()}`;
    const viaDead = await probe({
      name: 'e',
      url: `${plain.url}/`,
      path: 'direct',
      env: { HTTP_PROXY: deadProxy },
      limits: LIMITS,
    });
    expect(viaDead.outcome).toBe('proxy');
    const exempt = await probe({
      name: 'e',
      url: `${plain.url}/`,
      path: 'direct',
      env: { HTTP_PROXY: deadProxy, NO_PROXY: `example.com,127.0.0.1:${plain.port}` },
      limits: LIMITS,
    });
    expect(exempt.outcome).toBe('ok');
    const disabled = await probe({
      name: 'e',
      url: `${plain.url}/`,
      path: 'direct',
      env: { HTTP_PROXY: deadProxy },
      useEnvProxy: false,
      limits: LIMITS,
    });
    expect(disabled.outcome).toBe('ok');
  });

  it('the alternate path overrides the environment', async () => {
    const deadProxy = `http://127.0.0.1:${await refusedPort()}`;
    const result = await probe({
      name: 'a',
      url: `${plain.url}/`,
      path: 'alternate',
      proxy: proxy.url,
      env: { HTTP_PROXY: deadProxy },
      limits: LIMITS,
    });
    expect(result.outcome).toBe('ok');
  });
});
