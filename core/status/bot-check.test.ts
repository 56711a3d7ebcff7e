// A status page behind a bot check (Cloudflare's challenge, AWS WAF's in front of CloudFront) is
// "unreadable (bot check)", never "no incident"; its fallback origin is read instead, and straight
// away for the next hour; when both fail, the reading says so.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeStatusReading } from '../report/status-words';
import { ProviderMemory } from './detect';
import { StatusPageReader } from './reader';
import { type RouteReply, useStatusServers } from '../testing/status-server';

const GITHUB_OK = readFileSync(
  new URL(
    '../../tests/corpus/status/statuspage-github-summary-all-operational-2019-12-30.json',
    import.meta.url,
  ),
  'utf8',
);
const CF_CHALLENGE: RouteReply = {
  status: 403,
  headers: { 'content-type': 'text/html', 'cf-mitigated': 'challenge', server: 'cloudflare' },
  body: '<!DOCTYPE html><html><head><title>Just a moment...</title></head><body></body></html>',
};
const WAF_CHALLENGE: RouteReply = {
  status: 202,
  headers: { 'content-type': 'text/html', 'x-amzn-waf-action': 'challenge', server: 'CloudFront' },
  body: '<!DOCTYPE html><html><head><title></title></head><body><script src="/challenge.js"></script></body></html>',
};

const { serve } = useStatusServers();

/** Every path answers the same challenge. */
function challengeEverywhere(reply: RouteReply): Record<string, RouteReply> {
  const paths = [
    '/api/v2/summary.json',
    '/summary.json',
    '/index.json',
    '/api/v1/summary',
    '/',
    '/v2/components.json',
  ];
  return Object.fromEntries(paths.map((p) => [p, reply]));
}

function readerFor(base: string, fallbackUrl?: string) {
  const clock = { t: Date.parse('2026-10-01T12:00:00Z') };
  const reader = new StatusPageReader({
    baseUrl: base,
    ...(fallbackUrl ? { fallbackUrl } : {}),
    now: () => clock.t,
    memory: new ProviderMemory(),
    fetchOptions: { env: {} },
  });
  return { reader, clock };
}

describe('a status page behind a bot check', () => {
  it.each([
    ['Cloudflare (403, cf-mitigated: challenge)', CF_CHALLENGE],
    ['AWS WAF in front of CloudFront (202, x-amzn-waf-action: challenge)', WAF_CHALLENGE],
  ])('%s → unreadable (bot check), no snapshot, one request', async (_name, reply) => {
    const server = await serve(challengeEverywhere(reply));
    const { reader } = readerFor(server.url);
    const r = await reader.read();
    expect(r.snapshot).toBeNull();
    expect(r.unavailable?.reason).toBe('bot-check');
    expect(server.requests).toHaveLength(1);
    const sentence = describeStatusReading(r);
    expect(sentence).toContain('unreadable (bot check)');
    expect(sentence).not.toMatch(/no incident|operational/i);
  });

  it('reads the fallback origin instead, says so, and goes straight there for the next hour', async () => {
    const pub = await serve(challengeEverywhere(WAF_CHALLENGE));
    const origin = await serve({
      '/api/v2/summary.json': {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: GITHUB_OK,
      },
    });
    const { reader, clock } = readerFor(pub.url, origin.url);
    const r = await reader.read();
    expect(r.unavailable).toBeNull();
    expect(r.snapshot?.provider).toBe('atlassian');
    expect(r.snapshot?.level).toBe('operational');
    // The page users open stays the public one; the reading names where it came from.
    expect(r.snapshot?.pageUrl).toBe(pub.url);
    expect(r.viaFallback).toBe(`${origin.url}/`);
    expect(describeStatusReading(r)).toContain(
      `read from its other address ${new URL(origin.url).host}, because the public page answers with a bot check`,
    );
    clock.t += 61_000;
    await reader.read();
    expect(pub.requests).toHaveLength(1);
    expect(origin.requests.length).toBeGreaterThanOrEqual(2);
    clock.t += 60 * 60_000;
    await reader.read();
    expect(pub.requests).toHaveLength(2);
  });

  it('both origins failing: still "bot check", naming the fallback too, and a stale snapshot is kept', async () => {
    const pub = await serve(challengeEverywhere(CF_CHALLENGE));
    const origin = await serve({
      '/api/v2/summary.json': {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: GITHUB_OK,
      },
    });
    const { reader, clock } = readerFor(pub.url, origin.url);
    expect((await reader.read()).unavailable).toBeNull();
    origin.route('/api/v2/summary.json', { status: 503, body: 'down' });
    clock.t += 61_000;
    const r = await reader.read();
    expect(r.unavailable?.reason).toBe('bot-check');
    expect(r.unavailable?.detail).toContain(
      `its other origin ${new URL(origin.url).host} gave nothing either`,
    );
    expect(r.stale).toBe(true);
    expect(r.snapshot?.level).toBe('operational');
  });
});
