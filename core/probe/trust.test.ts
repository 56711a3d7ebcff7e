// The probes trust the OS store's roots beside Node's bundled ones: a loopback TLS server whose CA is
// only in a stand-in "system" list (so the test does not depend on this machine's store) is reached
// with that list and refused without it, by the probe and by the interception check alike.
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probe } from './http';
import { canReadSystemRoots, systemRoots, trustContext } from './trust';
import { interceptionCheck } from '../local/interception';
import type { LocalContext } from '../local/check';
import { behaviours, startServer, type TestServer } from '../../tests/support/hostile';
import { makeCert, type PemCert } from '../../simulator/tls';

const LIMITS = { connectMs: 2000, headersMs: 2000, bodyMs: 2000, deadlineMs: 3000 };

let company: PemCert;
let other: PemCert;
let server: TestServer;

beforeAll(async () => {
  [company, other] = await Promise.all([makeCert(), makeCert()]);
  server = await startServer(behaviours.status(200, {}, 'inspected hello'), { tls: company });
});

afterAll(async () => {
  await server?.close();
});

function checkContext(systemCa: readonly string[]): LocalContext {
  return {
    target: { name: 'Svc', site: `${server.url}/`, endpoints: [], statusPage: null, auth: null },
    controls: [],
    dohResolvers: [],
    alternateProxy: null,
    rounds: [],
    env: {},
    resolver: async (host) => [{ address: host, family: 4 }],
    systemCa,
    probe: () => Promise.reject(new Error('not used')),
    now: () => new Date(),
    deadlineMs: 2000,
    signal: new AbortController().signal,
  };
}

describe('the OS trust store in the probes', () => {
  it('a probe reaches a server whose CA only the system roots hold, and fails without them', async () => {
    const url = `${server.url}/`;
    const withSystem = await probe({
      name: 's',
      url,
      path: 'direct',
      limits: LIMITS,
      systemCa: [company.ca],
    });
    expect(withSystem.outcome).toBe('ok');
    expect(withSystem.body).toBe('inspected hello');

    const without = await probe({ name: 's', url, path: 'direct', limits: LIMITS, systemCa: [other.ca] });
    expect(without.outcome).toBe('tls-cert');
  });

  it('the interception check trusts the same roots and says which roots refused the issuer', async () => {
    const trusted = await interceptionCheck.run(checkContext([company.ca]));
    expect(trusted.outcome).toBe('ok');
    expect(trusted.detail).toMatch(/which the app's roots hold/);

    const refused = await interceptionCheck.run(checkContext([other.ca]));
    expect(refused.outcome).toBe('inconclusive');
    expect(refused.detail).toMatch(
      /the app's own check saw issuer “.+” \(.+\), which neither the bundled nor the system roots hold/,
    );
    expect(refused.facts?.systemRoots).toBe(1);

    const unread = await interceptionCheck.run(checkContext([]));
    expect(unread.detail).toMatch(
      /which the bundled roots do not hold \(the system roots could not be read here\)/,
    );
  });

  it('reads the OS store only where this Node can, and builds one context per root set', () => {
    const read = (tls as { getCACertificates?: (which: string) => string[] }).getCACertificates;
    expect(canReadSystemRoots()).toBe(typeof read === 'function');
    expect(systemRoots()).toEqual(read ? read('system') : []);
    const system = [company.ca];
    expect(trustContext(undefined, system)).toBe(trustContext(undefined, system));
    expect(trustContext(undefined, [])).toBeUndefined();
  });
});
