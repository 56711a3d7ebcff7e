// Unit tests of the local checks' pieces: the DoH wire format, the test resolver, bogus addresses and
// when the checks run at all (never on a healthy window).

import { describe, expect, it } from 'vitest';
import type { Round } from '../../shared/types/monitor';
import type { ProbeResult } from '../../shared/types/probe';
import { dohAnswer } from '../../simulator/local-worlds';
import { localChecksReason } from '../../core/local/collect';
import { isNoContentUrl, plainUrl } from '../../core/local/captive';
import { decodeAnswer, encodeQuery } from '../../core/local/doh';
import { isBogus } from '../../core/local/dns';
import { hostsResolver } from '../../core/local/resolver';

function probe(over: Partial<ProbeResult>): ProbeResult {
  return {
    name: 'site',
    url: 'https://svc.example/',
    path: 'direct',
    auth: false,
    at: '2026-11-25T14:00:00.000Z',
    status: 200,
    outcome: 'ok',
    timings: { dns: 1, connect: 1, tls: 1, firstByte: 1, total: 5 },
    headers: {},
    body: '',
    bodyBytes: 0,
    remoteAddress: '192.0.2.1',
    redirects: 0,
    finalUrl: 'https://svc.example/',
    ...over,
  };
}

function round(probes: ProbeResult[]): Round {
  return {
    target: 'Svc',
    startedAt: '2026-11-25T14:00:00.000Z',
    finishedAt: '2026-11-25T14:00:01.000Z',
    probes,
    status: null,
  };
}

const control = (over: Partial<ProbeResult> = {}): ProbeResult =>
  probe({
    name: 'ctl',
    path: 'control',
    url: 'http://ctl.example/generate_204',
    finalUrl: 'http://ctl.example/generate_204',
    status: 204,
    ...over,
  });

describe('DNS over HTTPS wire format', () => {
  it('round-trips a query through a server answer, compressed names and all', () => {
    const query = encodeQuery('svc.test', 'A');
    expect(query.subarray(12).toString('latin1')).toBe('\u0003svc\u0004test\u0000\u0000\u0001\u0000\u0001');
    expect(decodeAnswer(dohAnswer(query, { 'svc.test': ['192.0.2.7', '198.51.100.2'] }))).toEqual({
      rcode: 0,
      addresses: ['192.0.2.7', '198.51.100.2'],
    });
    expect(decodeAnswer(dohAnswer(query, {}))).toEqual({ rcode: 3, addresses: [] });
  });

  it('rejects a truncated message', () => {
    const answer = dohAnswer(encodeQuery('svc.test', 'A'), { 'svc.test': ['192.0.2.7'] });
    expect(() => decodeAnswer(answer.subarray(0, answer.length - 2))).toThrow(/truncated|range/i);
  });
});

describe('the test resolver (WHY500_TEST_HOSTS)', () => {
  it('answers listed names in order, fails the rest', async () => {
    const resolve = hostsResolver('svc.test=::1+127.0.0.1, gone.test=fail');
    expect(await resolve!('SVC.test')).toEqual([
      { address: '::1', family: 6 },
      { address: '127.0.0.1', family: 4 },
    ]);
    await expect(resolve!('gone.test')).rejects.toMatchObject({ code: 'ENOTFOUND' });
    await expect(resolve!('other.test')).rejects.toMatchObject({ code: 'ENOTFOUND' });
    expect(hostsResolver('')).toBeNull();
  });
});

describe('bogus and no-content addresses', () => {
  it('knows the addresses a filtering resolver answers with', () => {
    for (const a of ['0.0.0.0', '127.0.0.1', '10.1.2.3', '192.168.1.1', '172.20.0.1', '::', '::1', 'fd00::1'])
      expect(isBogus(a), a).toBe(true);
    for (const a of ['1.1.1.1', '104.18.2.3', '172.32.0.1', '2606:4700::1'])
      expect(isBogus(a), a).toBe(false);
  });

  it('asks "no content" controls over plain HTTP on the default port', () => {
    expect(isNoContentUrl('https://www.google.com/generate_204')).toBe(true);
    expect(isNoContentUrl('https://www.cloudflare.com/cdn-cgi/trace')).toBe(false);
    expect(plainUrl('https://www.google.com/generate_204')).toBe('http://www.google.com/generate_204');
    expect(plainUrl('https://127.0.0.1:8443/generate_204')).toBe('https://127.0.0.1:8443/generate_204');
  });
});

describe('when the local checks run', () => {
  it('never for a healthy window, unless the user asks', () => {
    const healthy = [round([probe({}), control()])];
    expect(localChecksReason(healthy)).toBeNull();
    expect(localChecksReason(healthy, { symptom: true })).toBe('you said you see an error');
    expect(localChecksReason(healthy, { asked: true })).toBe('you asked for a diagnosis');
  });

  it('after a failure of the service or a control, or a control answered by someone else', () => {
    expect(localChecksReason([round([probe({ outcome: 'dns', status: null }), control()])])).toBe(
      'the service failed',
    );
    expect(localChecksReason([round([probe({}), control({ outcome: 'refused', status: null })])])).toBe(
      'an unrelated site failed too',
    );
    const redirected = control({ redirects: 1, finalUrl: 'http://login.hotel.example/', status: 200 });
    expect(localChecksReason([round([probe({}), redirected])])).toBe('an unrelated site was sent elsewhere');
    expect(localChecksReason([round([probe({}), control({ status: 200 })])])).toBe(
      'a "no content" address answered with content',
    );
  });
});
