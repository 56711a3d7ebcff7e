// Failing together: other watched services that answer are controls for the one that fails, and several
// failing with one front vendor's own error pages while unrelated ones answer point at that vendor,
// checked against the vendor's status page. From rounds to the classifier's sentences.

import { describe, expect, it } from 'vitest';
import { classify } from '../../shared/classifier';
import type { ResolvedTarget } from '../../shared/types/config';
import type { Round } from '../../shared/types/monitor';
import type { StatusReading } from '../../shared/types/status';
import { controls, probe, rounds } from '../testing/synthetic';
import { buildEvidence } from './build';
import { buildPeerEvidence, type PeerRound } from './peers';

const AT = '2026-11-20T12:00:00.000Z';

function target(name: string, frontVendor?: string): ResolvedTarget {
  return {
    name,
    site: `https://${name.toLowerCase()}.test/`,
    endpoints: [],
    statusPage: null,
    auth: null,
    ...(frontVendor ? { frontVendor } : {}),
  };
}

/** Cloudflare's own 500 page (its error template, not the origin's). */
const CF_500 = {
  status: 500,
  headers: { server: 'cloudflare', 'cf-ray': '8f0c1d2e3a4b5c6d-FRA', 'content-type': 'text/html' },
  body: '<!DOCTYPE html><html><head><title>500 Internal Server Error | example.test | Cloudflare</title></head><body><div id="cf-wrapper"><div id="cf-error-details"><h1><span class="cf-error-type">Error</span> <span class="cf-error-code">500</span></h1></div></div></body></html>',
};

function window(t: ResolvedTarget, answer: 'ok' | 'cf500' | 'origin503', count = 3): Round[] {
  return rounds(
    count,
    (_i, at) => ({
      probes: [
        answer === 'ok'
          ? probe(at, { name: 'site', url: t.site })
          : answer === 'cf500'
            ? probe(at, { name: 'site', url: t.site, ...CF_500 })
            : probe(at, { name: 'site', url: t.site, status: 503, body: 'Service Unavailable' }),
        ...controls(at),
      ],
    }),
    { target: t.name, start: AT },
  );
}

function diagnose(t: ResolvedTarget, own: Round[], peers: PeerRound[], vendorStatus?: StatusReading) {
  const evidence = buildEvidence({
    target: t,
    rounds: own,
    symptom: false,
    tokenConfigured: false,
    alternateConfigured: false,
  });
  const peerEvidence = buildPeerEvidence({
    target: t,
    newest: own.at(-1) ?? null,
    peers,
    ...(vendorStatus ? { vendorStatus } : {}),
  });
  return classify(peerEvidence ? { ...evidence, peers: peerEvidence } : evidence);
}

const peer = (t: ResolvedTarget, answer: 'ok' | 'cf500' | 'origin503'): PeerRound => ({
  target: t,
  round: window(t, answer).at(-1)!,
});

describe('other watched services as controls', () => {
  const mine = target('Character.AI', 'cloudflare');
  const chatgpt = target('ChatGPT', 'cloudflare');
  const claude = target('Claude', 'cloudflare');

  it('one service failing alone: "ChatGPT and Claude answer from this machine, so it is not your connection"', () => {
    const d = diagnose(mine, window(mine, 'origin503'), [peer(chatgpt, 'ok'), peer(claude, 'ok')]);
    expect(d.evidence.peers).toEqual({ answering: ['ChatGPT', 'Claude'], failing: [], sharedVendor: null });
    expect(d.verdict).not.toBe('local-network');
    const top = d.ranking.find((r) => r.cause === d.ranking[0]?.cause);
    expect(top?.for).toContain('ChatGPT and Claude answer from this machine, so it is not your connection');
    const local = d.ranking.find((r) => r.cause === 'local-network');
    expect(local?.against).toContain(
      'ChatGPT and Claude answer from this machine, so it is not your connection',
    );
  });

  it('ignores a peer whose newest round is from long before', () => {
    const old = window(chatgpt, 'ok', 1).map((r) => ({ ...r, startedAt: '2026-11-20T11:00:00.000Z' }));
    const d = diagnose(mine, window(mine, 'origin503'), [{ target: chatgpt, round: old[0]! }]);
    expect(d.evidence.peers).toBeUndefined();
  });

  it('a healthy service says nothing about the others', () => {
    const d = diagnose(mine, window(mine, 'ok'), [peer(chatgpt, 'ok')]);
    expect(d.ranking.flatMap((r) => r.for)).not.toContain(
      'ChatGPT answers from this machine, so it is not your connection',
    );
  });
});

describe("several services failing with one front vendor's own error pages", () => {
  const a = target('Character.AI', 'cloudflare');
  const b = target('ChatGPT', 'cloudflare');
  const c = target('Claude', 'cloudflare');
  const other = target('Gemini');
  const SENTENCE =
    "Three services behind Cloudflare fail together with Cloudflare's own error pages (Character.AI, ChatGPT and Claude), while Gemini answers: likely a Cloudflare problem, not each service's";

  it('names the vendor, the services and the unrelated control that answers', () => {
    const d = diagnose(a, window(a, 'cf500'), [peer(b, 'cf500'), peer(c, 'cf500'), peer(other, 'ok')]);
    expect(d.evidence.peers?.sharedVendor).toMatchObject({
      vendor: 'cloudflare',
      name: 'Cloudflare',
      services: ['Character.AI', 'ChatGPT', 'Claude'],
      unrelatedAnswering: ['Gemini'],
      status: null,
    });
    expect(d.ranking.flatMap((r) => r.for)).toContain(SENTENCE);
    expect(d.verdict === 'regional' || d.ranking[0]?.cause === 'regional').toBe(true);
  });

  it("adds what the vendor's own status page says: an incident, none, or unreadable (bot check)", () => {
    const peers = [peer(b, 'cf500'), peer(c, 'cf500'), peer(other, 'ok')];
    const snapshot = {
      provider: 'atlassian' as const,
      pageUrl: 'https://www.cloudflarestatus.com',
      pageName: 'Cloudflare',
      level: 'major-outage' as const,
      description: null,
      components: [],
      incidents: [
        {
          name: 'Cloudflare Global Network experiencing issues',
          stage: 'investigating',
          impact: 'critical' as const,
          startedAt: AT,
          updatedAt: AT,
          message: null,
          components: [],
        },
      ],
      maintenanceInProgress: [],
      maintenanceUpcoming: [],
      fetchedAt: AT,
      updatedAt: AT,
    };
    const withIncident = diagnose(a, window(a, 'cf500'), peers, {
      snapshot,
      stale: false,
      unavailable: null,
    });
    expect(withIncident.ranking.flatMap((r) => r.for)).toContain(
      `${SENTENCE}; Cloudflare's status page reports an incident (“Cloudflare Global Network experiencing issues”)`,
    );
    const quiet = diagnose(a, window(a, 'cf500'), peers, {
      snapshot: { ...snapshot, incidents: [], level: 'operational' },
      stale: false,
      unavailable: null,
    });
    expect(quiet.ranking.flatMap((r) => r.for)).toContain(
      `${SENTENCE}; Cloudflare's status page reports no incident`,
    );
    const blocked = diagnose(a, window(a, 'cf500'), peers, {
      snapshot: null,
      stale: false,
      unavailable: { reason: 'bot-check', detail: 'HTTP 403', at: AT },
    });
    expect(blocked.ranking.flatMap((r) => r.for)).toContain(
      `${SENTENCE}; Cloudflare's status page is unreadable (bot check)`,
    );
  });

  it('is not claimed when the others fail with their own (origin) pages, or alone behind the vendor', () => {
    const own = diagnose(a, window(a, 'cf500'), [peer(b, 'origin503'), peer(other, 'ok')]);
    expect(own.evidence.peers?.sharedVendor).toBeNull();
    const alone = diagnose(a, window(a, 'cf500'), [peer(b, 'ok'), peer(other, 'ok')]);
    expect(alone.evidence.peers?.sharedVendor).toBeNull();
    expect(alone.ranking.flatMap((r) => r.for)).toContain(
      'ChatGPT and Gemini answer from this machine, so it is not your connection',
    );
  });
});
