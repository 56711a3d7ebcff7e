// Tests of the signals read from probe results (CDN edge, retry-after, access-denied bodies).

import { describe, it, expect } from 'vitest';
import { edgeFromRay, readSignals } from './signals';
import { probe } from '../testing/synthetic';

const at = '2026-11-20T12:00:00.000Z';

describe('readSignals', () => {
  it('sees a Cloudflare bot check by header or by page, and not as access denied', () => {
    const byHeader = readSignals(
      probe(at, { name: 'site', status: 403, headers: { 'cf-mitigated': 'challenge' } }),
    );
    expect(byHeader.challenge).toBe(true);
    const byPage = readSignals(
      probe(at, {
        name: 'site',
        status: 403,
        body: '<html><head><title>Just a moment...</title></head>Forbidden',
      }),
    );
    expect(byPage.challenge).toBe(true);
    expect(byPage.accessDenied).toBe(false);
  });

  it('sees S3 AccessDenied XML and "permission denied" on 401/403 only', () => {
    const xml = '<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>';
    expect(readSignals(probe(at, { name: 'a', status: 403, body: xml })).accessDenied).toBe(true);
    expect(readSignals(probe(at, { name: 'a', status: 401, body: 'permission denied' })).accessDenied).toBe(
      true,
    );
    expect(
      readSignals(probe(at, { name: 'a', status: 200, body: 'docs about permission denied errors' }))
        .accessDenied,
    ).toBe(false);
  });

  it("reads the status line's reason phrase: a classic ELB's bare 504 and 503 are named", () => {
    const bare = probe(at, { name: 's', status: 504, body: '' });
    expect(readSignals(bare).recognitions).toEqual([]);
    const timeout = readSignals({ ...bare, reason: 'GATEWAY_TIMEOUT' }).recognitions;
    expect(timeout.map((r) => [r.name, r.layer, r.meaning])).toEqual([
      ['AWS Elastic Load Balancing', 'load-balancer', 'origin-timeout'],
    ]);
    const full = readSignals({
      ...probe(at, { name: 's', status: 503, body: '' }),
      reason: 'Service Unavailable: Back-end server is at capacity',
    }).recognitions;
    expect(full.map((r) => [r.name, r.layer, r.meaning])).toEqual([
      ['AWS Elastic Load Balancing', 'load-balancer', 'origin-unreachable'],
    ]);
  });

  it('sees maintenance wording only in error pages', () => {
    const body = '<h1>We are down for scheduled maintenance</h1>';
    expect(readSignals(probe(at, { name: 'site', status: 503, body })).maintenanceWording).toBe(true);
    expect(readSignals(probe(at, { name: 'site', status: 200, body })).maintenanceWording).toBe(false);
  });

  it("does not read a proxy's origin-fault page's template Retry-After as the service asking for room", () => {
    const guru =
      '<title>503 Backend fetch failed</title><h1>Error 503 Backend fetch failed</h1><h3>Guru Meditation:</h3><p>XID: 35743793</p>';
    const page = readSignals(
      probe(at, { name: 's', status: 503, headers: { 'retry-after': '5' }, body: guru }),
    );
    expect(page.recognitions.map((r) => r.meaning)).toEqual(['origin-unreachable']);
    expect(page.retryAfter).toBe(false);
    expect(
      readSignals(probe(at, { name: 's', status: 503, headers: { 'retry-after': '5' } })).retryAfter,
    ).toBe(true);
  });

  it('sees Retry-After, waiting rooms, Cloudflare 52x and CSRF pages', () => {
    expect(
      readSignals(probe(at, { name: 's', status: 429, headers: { 'retry-after': '30' } })).retryAfter,
    ).toBe(true);
    expect(
      readSignals(
        probe(at, { name: 's', status: 200, body: '<title>Waiting Room</title> You are now in line.' }),
      ).waitingRoom,
    ).toBe(true);
    expect(readSignals(probe(at, { name: 's', status: 522 })).cloudflareOriginError).toBe(true);
    expect(readSignals(probe(at, { name: 's', status: 500 })).cloudflareOriginError).toBe(false);
    const csrf = readSignals(
      probe(at, { name: 's', status: 403, body: 'CSRF verification failed. Request aborted.' }),
    );
    expect(csrf.csrf).toBe(true);
    expect(csrf.accessDenied).toBe(false);
  });

  it('sees nothing in a plain success', () => {
    const { recognitions, ...flags } = readSignals(probe(at, { name: 's' }));
    expect(Object.values(flags).every((x) => x === false)).toBe(true);
    expect(recognitions).toEqual([]);
  });
});

describe('edgeFromRay', () => {
  it('reads the airport code', () => {
    expect(edgeFromRay('8e1f2a3b4c5d6e7f-FRA')).toBe('FRA');
    expect(edgeFromRay('8e1f2a3b4c5d6e7f-ams')).toBe('AMS');
    expect(edgeFromRay('garbage')).toBeNull();
    expect(edgeFromRay(undefined)).toBeNull();
  });
});
