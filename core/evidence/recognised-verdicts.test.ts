// The classifier on what the recognisers named, with evidence built from real corpus answers
// (tests/corpus): which feature each meaning raises, how it weighs the causes, and that the sentence
// names the vendor.

import { describe, expect, it } from 'vitest';
import { buildEvidence } from './build';
import { controls, probe, rounds, SAMPLE_TARGET } from '../testing/synthetic';
import { loadCorpus, type HttpCorpusEntry } from '../../tests/corpus/load';
import type { ProbeResult } from '../../shared/types/probe';
import { classify } from '../../shared/classifier/classify';
import { detectFeatures, readFacts } from '../../shared/classifier/features';
import { localConclusion } from '../../shared/classifier/local';

const corpus = loadCorpus().filter((e): e is HttpCorpusEntry => e.kind === 'http');

function entry(id: string): HttpCorpusEntry {
  const found = corpus.find((e) => e.id === id);
  if (!found) throw new Error(`no corpus entry ${id}`);
  return found;
}

/** A probe that got the entry's answer. */
function answered(
  at: string,
  name: string,
  e: HttpCorpusEntry,
  extra: Partial<ProbeResult> = {},
): ProbeResult {
  return { ...probe(at, { name, status: e.status, headers: e.headers, body: e.body, ms: 120 }), ...extra };
}

/** Six rounds: `fail(name)` says which of site, health, user (with a token) answer the entry. */
function world(
  e: HttpCorpusEntry,
  fail: (name: string, path: 'direct' | 'alternate') => boolean,
  alternate = false,
) {
  const paths: ('direct' | 'alternate')[] = alternate ? ['direct', 'alternate'] : ['direct'];
  const evidence = buildEvidence({
    target: SAMPLE_TARGET,
    rounds: rounds(6, (_i, at) => ({
      probes: [
        ...paths.flatMap((path) =>
          ['site', 'health', 'user'].map((name) => {
            const auth = name === 'user';
            return fail(name, path)
              ? answered(at, name, e, { path, auth })
              : probe(at, { name, path, auth, ms: 120, body: '{"ok":true}' });
          }),
        ),
        ...controls(at),
      ],
    })),
    tokenConfigured: true,
    alternateConfigured: alternate,
    symptom: false,
  });
  const diagnosis = classify(evidence);
  const sentences = [...new Set(diagnosis.ranking.flatMap((r) => [...r.for, ...r.against]))];
  return { evidence, features: detectFeatures(evidence, readFacts(evidence)), diagnosis, sentences };
}

describe('recognised answers in the classifier', () => {
  it("Cloudflare's plain 1020 everywhere: its firewall, permissions, and the sentence says so", () => {
    const w = world(entry('cloudflare-1020-plain-2021'), () => true);
    expect(w.features).toContain('firewall-block');
    expect(w.diagnosis.verdict).toBe('permissions');
    expect(
      w.sentences.some((s) => s.startsWith("Cloudflare's firewall refused the request (error 1020)")),
    ).toBe(true);
  });

  it('the same block on the direct path only, the alternate path fine: regional, not permissions', () => {
    const w = world(entry('cloudflare-1020-plain-2021'), (_n, path) => path === 'direct', true);
    expect(w.features).toContain('firewall-one-path');
    expect(w.features).not.toContain('firewall-block');
    expect(w.diagnosis.verdict).toBe('regional');
  });

  it("Azure's 409 PublicAccessNotPermitted on a public resource counts as access denied", () => {
    const w = world(entry('azure-storage-rp-publicaccessnotpermitted-409-2020'), (n) => n === 'health');
    expect(w.features).toEqual(expect.arrayContaining(['anon-denied', 'access-denied-body']));
    expect(w.diagnosis.verdict).toBe('permissions');
    expect(
      w.sentences.some((s) =>
        s.startsWith('Azure Blob Storage refused public access (PublicAccessNotPermitted)'),
      ),
    ).toBe(true);
  });

  it("Heroku's Offline for Maintenance page reads as maintenance, naming Heroku", () => {
    const w = world(entry('heroku-offline-for-maintenance-RECONSTRUCTED'), () => true);
    expect(w.features).toContain('maintenance-wording');
    expect(w.diagnosis.verdict).toBe('maintenance');
    expect(w.sentences.some((s) => s.startsWith('Heroku reports the app is offline for maintenance'))).toBe(
      true,
    );
  });

  it('a rate limit names the vendor and weighs toward overload, not permissions (GitHub answers 403)', () => {
    const w = world(entry('github-403-secondary-rate-limit'), (n) => n !== 'site');
    expect(w.features).toContain('rate-limited');
    expect(w.features).not.toContain('anon-denied');
    expect(w.diagnosis.ranking[0]?.cause).toBe('overload');
    expect(w.sentences.some((s) => s.startsWith('GitHub limited the rate of requests'))).toBe(true);
  });

  it('an error inside a 200 (neo_error) is a failure, and no cause by itself', () => {
    const w = world(entry('characterai-neo-error-frame-self-harm'), (n) => n === 'user');
    const user = w.evidence.endpoints.find((ep) => ep.name === 'user');
    expect(user?.failures).toBe(6);
    expect(w.features).toContain('app-error-no-release');
    expect(w.diagnosis.verdict).not.toBe('bad-update');
  });

  it('an app crash with no new version seen does not make bad-update lead', () => {
    const w = world(entry('vercel-function-invocation-failed'), (n) => n !== 'site');
    expect(w.features).toContain('app-error-no-release');
    expect(w.diagnosis.ranking[0]?.cause).not.toBe('bad-update');
    expect(w.diagnosis.verdict).not.toBe('bad-update');
    expect(
      w.sentences.some((s) => s.startsWith('Vercel reports the app crashed (FUNCTION_INVOCATION_FAILED)')),
    ).toBe(true);
  });

  it('a geo block weighs toward regional', () => {
    const geo = { ...entry('cloudflare-1020-plain-2021'), body: 'error code: 1009' };
    const w = world(geo, () => true);
    expect(w.features).toContain('geo-block');
    expect(w.diagnosis.ranking[0]?.cause).toBe('regional');
  });

  it('a token rejection on the token endpoint weighs toward the account', () => {
    const w = world(entry('drf-401-invalid-token'), (n) => n === 'user');
    expect(w.features).toEqual(expect.arrayContaining(['token-refused-answer', 'auth-fails-anon-ok']));
    expect(w.diagnosis.verdict).toBe('account');
  });
});

// Issue 18 ("Real-world evidence, round 3"): one test per numbered finding, on real answers.
describe('round 3: the answers that came out wrong before', () => {
  it('1. an AI service saying it is overloaded on every request is overload, in its own words', () => {
    for (const id of ['google-gemini-503-model-overloaded-2025', 'anthropic-529-overloaded-error-2025']) {
      const w = world(entry(id), () => true);
      expect(w.features, id).toContain('overloaded-answer');
      expect(w.diagnosis.verdict, id).toBe('overload');
    }
    const w = world(entry('google-gemini-503-model-overloaded-2025'), () => true);
    expect(w.sentences).toContain("Google's API says it is over capacity (UNAVAILABLE), 18 times");
  });

  it('2. a quota or credit refusal for the token is the account, not the load', () => {
    for (const id of ['openai-429-insufficient-quota-2023', 'anthropic-400-credit-balance-too-low-2025']) {
      const w = world(entry(id), (n) => n === 'user');
      expect(w.features, id).toContain('quota-answer');
      expect(w.features, id).not.toContain('rate-limited');
      expect(w.features, id).not.toContain('overload-codes');
      expect(w.diagnosis.verdict, id).toBe('account');
      expect(
        w.sentences.filter((s) => s.includes('limited the rate')),
        id,
      ).toEqual([]);
    }
  });

  it("3. a network filter's block page on the usual route is the user's network, named, with the next step", () => {
    const w = world(entry('fortinet-fortiguard-web-filter-violation'), (_n, path) => path === 'direct', true);
    expect(w.features).toContain('network-filter');
    expect(w.diagnosis.verdict).toBe('local-network');
    const local = localConclusion(w.evidence);
    expect(local?.cause).toBe('filter');
    expect(local?.sentence).toContain("FortiGuard web filter's block page answered");
    expect(local?.step).toContain('ask whoever runs this network to allow it, or use another network');
  });

  it('1. a location refusal says which: the route (another path works) or your location (every path)', () => {
    const loc = entry('google-gemini-400-user-location-2026');
    const oneRoute = world(loc, (_n, path) => path === 'direct', true);
    expect(oneRoute.diagnosis.verdict).toBe('regional');
    expect(
      oneRoute.sentences.some((s) => s.includes('but only on your usual route: the alternate path works')),
    ).toBe(true);
    const everyPath = world(loc, () => true, true);
    expect(
      everyPath.sentences.some((s) =>
        s.includes('on every path tried: the service does not serve the location you connect from'),
      ),
    ).toBe(true);
  });

  it('4. a gateway that gave up waiting on every request leans to overload, not maintenance or permissions', () => {
    for (const id of [
      'aws-apigateway-504-endpoint-request-timed-out-2017',
      'tengine-504-gateway-time-out-2023',
    ]) {
      const w = world(entry(id), () => true);
      expect(w.features, id).toContain('gateway-timeout');
      const top = w.diagnosis.ranking[0]?.cause;
      expect(['maintenance', 'permissions'], id).not.toContain(top);
      const share = (c: string) => w.diagnosis.ranking.find((r) => r.cause === c)?.probability ?? 0;
      expect(share('maintenance'), id).toBeLessThan(0.1);
      expect(share('permissions'), id).toBeLessThan(0.1);
    }
  });

  it('5. one endpoint failing on every path while the others work is not regional', () => {
    const w = world(entry('tengine-504-gateway-time-out-2023'), (n) => n === 'health', true);
    expect(w.features).toContain('fails-on-every-path');
    const regional = w.diagnosis.ranking.find((r) => r.cause === 'regional')?.probability ?? 0;
    expect(regional).toBeLessThan(0.1);
    expect(w.diagnosis.ranking[0]?.cause).not.toBe('regional');
  });

  it('7. an open incident and a backend failing every request does not lean to maintenance', () => {
    for (const alternate of [false, true]) {
      const paths: ('direct' | 'alternate')[] = alternate ? ['direct', 'alternate'] : ['direct'];
      const evidence = buildEvidence({
        target: SAMPLE_TARGET,
        rounds: rounds(6, (_i, at) => ({
          probes: [
            ...paths.flatMap((path) => [
              probe(at, { name: 'site', path, ms: 100 }),
              probe(at, { name: 'health', path, status: 503, body: '', ms: 120 }),
              probe(at, { name: 'user', path, auth: true, status: 503, body: '', ms: 120 }),
            ]),
            ...controls(at),
          ],
        })),
        tokenConfigured: true,
        alternateConfigured: alternate,
        symptom: false,
      });
      const d = classify({
        ...evidence,
        statusPage: {
          ...evidence.statusPage,
          available: true,
          openIncidents: 1,
          incidentImpact: 'major',
          incidentName: 'Elevated errors',
          level: 'major-outage',
        },
      });
      expect(d.ranking[0]?.cause).toBe('overload');
      const maintenance = d.ranking.find((r) => r.cause === 'maintenance')?.probability ?? 0;
      expect(maintenance, `alternate ${alternate}`).toBeLessThan(0.05);
    }
  });
});
