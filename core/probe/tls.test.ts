// TLS: certificates made with openssl at test time; each failure kind ends in its taxonomy entry.
import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { probe } from './http';
import type { ProbeLimits } from './types';
import { behaviours, startBlackHole, startServer } from '../../tests/support/hostile';
import type { TestServer } from '../../tests/support/hostile';
import { makeCert } from '../../simulator/tls';
import type { PemCert as TestCert } from '../../simulator/tls';

const LIMITS: Partial<ProbeLimits> = { connectMs: 1000, headersMs: 1000, bodyMs: 1000, deadlineMs: 1500 };
const SLACK_MS = 300;

const servers: TestServer[] = [];
let good: TestCert;
let selfSigned: TestCert;
let expired: TestCert;
let otherHost: TestCert;

beforeAll(async () => {
  [good, selfSigned, expired, otherHost] = await Promise.all([
    makeCert(),
    makeCert({ selfSigned: true }),
    makeCert({ expired: true }),
    makeCert({ hosts: ['other.example'] }),
  ]);
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function tlsServer(cert: TestCert): Promise<TestServer> {
  const server = await startServer(behaviours.status(200, {}, 'secure hello'), { tls: cert });
  servers.push(server);
  return server;
}

describe('probe over TLS', () => {
  it('trusts a CA given with `ca` and times every phase', async () => {
    const server = await tlsServer(good);
    const result = await probe({
      name: 't',
      url: `${server.url}/`,
      path: 'direct',
      limits: LIMITS,
      ca: good.ca,
    });
    expect(result.outcome).toBe('ok');
    expect(result.body).toBe('secure hello');
    expect(result.remoteAddress).toBe('127.0.0.1');
    expect(result.timings.dns).toBeNull(); // an IP literal needs no lookup
    expect(result.timings.connect).toBeGreaterThan(0);
    expect(result.timings.tls).toBeGreaterThan(0);
    expect(result.timings.firstByte).toBeGreaterThan(0);
    const { connect, tls, firstByte, total } = result.timings;
    expect((connect ?? 0) + (tls ?? 0) + (firstByte ?? 0)).toBeLessThanOrEqual(total);
  });

  it('uses the injected lookup and sends SNI for a host name', async () => {
    const server = await tlsServer(good);
    const port = new URL(server.url).port;
    const result = await probe({
      name: 't',
      url: `https://localhost:${port}/`,
      path: 'direct',
      limits: LIMITS,
      ca: good.ca,
      lookup: async () => {
        await new Promise((resolve) => setTimeout(resolve, 30));
        return { address: '127.0.0.1', family: 4 };
      },
    });
    expect(result.outcome).toBe('ok');
    expect(result.timings.dns).toBeGreaterThanOrEqual(29);
  });

  it('a self-signed certificate → tls-cert', async () => {
    const server = await tlsServer(selfSigned);
    const result = await probe({ name: 't', url: `${server.url}/`, path: 'direct', limits: LIMITS });
    expect(result.outcome).toBe('tls-cert');
    expect(result.error).toContain('self-signed');
    expect(result.timings.total).toBeLessThan(1500 + SLACK_MS);
  });

  it('an expired certificate from a trusted CA → tls-cert', async () => {
    const server = await tlsServer(expired);
    const result = await probe({
      name: 't',
      url: `${server.url}/`,
      path: 'direct',
      limits: LIMITS,
      ca: expired.ca,
    });
    expect(result.outcome).toBe('tls-cert');
    expect(result.error).toContain('CERT_HAS_EXPIRED');
  });

  it('a certificate for another host → tls-cert', async () => {
    const server = await tlsServer(otherHost);
    const result = await probe({
      name: 't',
      url: `${server.url}/`,
      path: 'direct',
      limits: LIMITS,
      ca: otherHost.ca,
    });
    expect(result.outcome).toBe('tls-cert');
    expect(result.error).toContain('ERR_TLS_CERT_ALTNAME_INVALID');
  });

  it('a server that never completes the handshake → tls-handshake within the connect timeout', async () => {
    const hole = await startBlackHole();
    servers.push(hole);
    const started = performance.now();
    const result = await probe({
      name: 't',
      url: `https://127.0.0.1:${hole.port}/`,
      path: 'direct',
      limits: { ...LIMITS, connectMs: 500 },
    });
    expect(result.outcome).toBe('tls-handshake');
    expect(result.timings.connect).not.toBeNull();
    expect(result.timings.tls).toBeNull();
    expect(performance.now() - started).toBeLessThan(500 + SLACK_MS);
  });

  it('a plain-HTTP server on an https URL → tls-handshake', async () => {
    const server = await startServer(behaviours.status(200));
    servers.push(server);
    const result = await probe({
      name: 't',
      url: `https://127.0.0.1:${server.port}/`,
      path: 'direct',
      limits: LIMITS,
    });
    expect(result.outcome).toBe('tls-handshake');
  });
});
