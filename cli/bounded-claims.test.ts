// Claims bounded in time, end to end through the fingerprint file, the evidence builder and the
// classifier: a build change the app did not see happening weighs nothing, and status-page items the
// clock shows to be out of date are shown with their dates but not counted.

import { describe, it, expect, afterEach } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { classify } from '../shared/classifier/classify';
import { detectFeatures, readFacts } from '../shared/classifier/features';
import { diagnosisText } from './table';
import { buildEvidence } from '../core/evidence/build';
import { changeGapSeconds, FingerprintTracker, siteOrigin } from '../core/evidence/fingerprint';
import {
  controls,
  probe,
  rounds,
  SAMPLE_TARGET,
  statusReading,
  statusUnavailable,
} from '../core/testing/synthetic';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const html = (hash: string) =>
  `<!doctype html><html><head><script src="/static/js/main.${hash}.js"></script></head><body></body></html>`;
const site = (at: string, hash: string) => probe(at, { name: 'site', body: html(hash), ms: 250 });
const health = (at: string) => probe(at, { name: 'health', ms: 180, body: '{"redis":"UP"}' });
const user = (at: string, status: number) =>
  probe(at, {
    name: 'user',
    auth: true,
    status,
    ms: 90,
    body: status === 401 ? '{"detail":"Invalid token."}' : 'Internal Server Error',
  });

describe('a week-old fingerprint in the data folder', () => {
  it.each([401, 500])(
    'with an account fault (token endpoint answers %i) gives account, bad-update under 0.15',
    (code) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'why500-claims-'));
      dirs.push(dataDir);
      const file = join(dataDir, 'fingerprints.json');
      const origin = siteOrigin(SAMPLE_TARGET.site);
      // What a run a week ago left behind: the old build, seen for a while, then the app was closed.
      const old = {
        value: '',
        source: 'asset-hash',
        firstSeenAt: '2026-11-13T09:00:00.000Z',
        lastSeenAt: '2026-11-13T11:00:00.000Z',
        seen: 2,
      };
      const before = new FingerprintTracker(join(mkdtempSync(join(tmpdir(), 'why500-claims-')), 'x.json'));
      old.value = before.observe(origin, site(old.firstSeenAt, 'aaaa1111')).current ?? '';
      writeFileSync(
        file,
        JSON.stringify({
          version: 2,
          sites: { [origin]: { current: old, previous: null, changedAt: null } },
        }),
      );

      const tracker = new FingerprintTracker(file, undefined, changeGapSeconds(30));
      const window = rounds(6, (_i, at) => ({
        probes: [site(at, 'bbbb2222'), health(at), user(at, code), ...controls(at)],
        status: statusUnavailable(at),
      }));
      for (const r of window) tracker.observe(origin, r.probes.find((p) => p.name === 'site') ?? null);
      const fingerprint = tracker.evidence(origin, window[0]!.startedAt);
      expect(fingerprint).toMatchObject({
        changeBounded: false,
        previousLastSeenAt: '2026-11-13T11:00:00.000Z',
      });

      const evidence = buildEvidence({
        target: SAMPLE_TARGET,
        rounds: window,
        fingerprint,
        tokenConfigured: true,
        alternateConfigured: false,
        symptom: false,
      });
      const d = classify(evidence);
      expect(d.verdict).toBe('account');
      expect(d.ranking.find((r) => r.cause === 'bad-update')!.probability).toBeLessThan(0.15);
      const text = JSON.stringify(d.ranking);
      expect(text).not.toMatch(/updated .*before the errors began|just as the errors began/);
      const badUpdate = d.ranking.find((r) => r.cause === 'bad-update')!;
      expect(badUpdate.against.join('\n')).toContain('changed some time since 13 Nov 2026, 11:00 UTC');
    },
  );

  it('a change seen between two close sightings still weighs toward bad update', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'why500-claims-'));
    dirs.push(dataDir);
    const tracker = new FingerprintTracker(
      join(dataDir, 'fingerprints.json'),
      undefined,
      changeGapSeconds(30),
    );
    const origin = siteOrigin(SAMPLE_TARGET.site);
    const window = rounds(8, (i, at) => ({
      probes: [
        site(at, i >= 3 ? 'bbbb2222' : 'aaaa1111'),
        health(at),
        probe(at, {
          name: 'models',
          ...(i >= 3 ? { status: 500, ms: 30, body: 'Internal Server Error' } : {}),
        }),
        ...controls(at),
      ],
      status: statusUnavailable(at),
    }));
    for (const r of window) tracker.observe(origin, r.probes.find((p) => p.name === 'site') ?? null);
    const failedAt = window[3]!.probes.find((p) => p.name === 'models')!.at;
    const evidence = buildEvidence({
      target: {
        ...SAMPLE_TARGET,
        endpoints: [...SAMPLE_TARGET.endpoints, { name: 'models', url: 'https://x.test/models' }],
      },
      rounds: window,
      fingerprint: tracker.evidence(origin, failedAt),
      tokenConfigured: false,
      alternateConfigured: false,
      symptom: false,
    });
    expect(evidence.fingerprint.changeBounded).toBe(true);
    expect(classify(evidence).verdict).toBe('bad-update');
  });

  it('claims no change when the site did not answer in this window', () => {
    const remembered = {
      current: 'assets=1',
      previous: 'assets=0',
      changedAt: '2026-11-20T11:55:00.000Z',
      source: 'asset-hash' as const,
      secondsBeforeErrors: null,
      previousLastSeenAt: '2026-11-20T11:54:30.000Z',
      changeBounded: true,
    };
    const offline = rounds(3, (_i, at) => ({
      probes: [
        probe(at, { name: 'site', status: null, outcome: 'dns' }),
        probe(at, { name: 'health', status: null, outcome: 'dns' }),
        ...controls(at, 'dns'),
      ],
    }));
    const evidence = buildEvidence({
      target: SAMPLE_TARGET,
      rounds: offline,
      fingerprint: remembered,
      tokenConfigured: false,
      alternateConfigured: false,
      symptom: false,
    });
    const features = detectFeatures(evidence, readFacts(evidence));
    expect(features).not.toContain('fingerprint-changed-before-errors');
    expect(JSON.stringify(classify(evidence).ranking)).not.toMatch(/The site was updated/);
  });
});

describe('status items checked against the clock', () => {
  const working = (status: (at: string) => ReturnType<typeof statusReading>) =>
    buildEvidence({
      target: SAMPLE_TARGET,
      rounds: rounds(6, (_i, at) => ({
        probes: [site(at, 'aaaa1111'), health(at), ...controls(at)],
        status: status(at),
      })),
      tokenConfigured: false,
      alternateConfigured: false,
      symptom: false,
    });

  it('gives a maintenance that ended years ago no weight, and prints its date', () => {
    const evidence = working((at) =>
      statusReading(at, {
        level: 'maintenance',
        maintenanceInProgress: [
          {
            name: 'Database move',
            scheduledFor: '2021-03-03T20:30:00.000Z',
            scheduledUntil: '2021-03-03T22:30:00.000Z',
          },
        ],
      }),
    );
    expect(evidence.statusPage.maintenanceInProgress).toBe(false);
    expect(evidence.statusPage.staleItems).toEqual([
      { kind: 'maintenance-overrun', name: 'Database move', at: '2021-03-03T22:30:00.000Z' },
    ]);
    const features = detectFeatures(evidence, readFacts(evidence));
    expect(features).not.toContain('status-maintenance');
    const d = classify(evidence);
    expect(d.verdict).toBe('healthy');
    expect(d.ranking.find((r) => r.cause === 'maintenance')!.for).toEqual([]);
    const text = diagnosisText(d, 'UTC').join('\n');
    expect(text).toContain('planned to end 3 Mar 2021, 22:30 UTC');
    expect(text).not.toMatch(/planned to end at 22:30 UTC/);
  });

  it('does not let a stale open incident turn an all-working service into unknown', () => {
    const evidence = working((at) =>
      statusReading(at, {
        level: 'degraded',
        incidents: [
          {
            name: 'Slow chats',
            startedAt: '2026-11-01T08:00:00.000Z',
            updatedAt: '2026-11-02T08:00:00.000Z',
          },
        ],
      }),
    );
    expect(evidence.statusPage.openIncidents).toBe(0);
    expect(evidence.statusPage.levelStale).toBe(true);
    const d = classify(evidence);
    expect(d.verdict).toBe('healthy');
    expect(diagnosisText(d, 'UTC').join('\n')).toContain('no update since 2 Nov 2026, 08:00 UTC');
  });

  it('does not count a "scheduled" maintenance whose start has passed as upcoming', () => {
    const evidence = working((at) =>
      statusReading(at, {
        maintenanceUpcoming: [{ name: 'Old window', scheduledFor: '2024-01-10T02:00:00.000Z' }],
      }),
    );
    expect(evidence.statusPage.maintenanceUpcoming).toBe(false);
    expect(evidence.statusPage.staleItems?.[0]).toMatchObject({ kind: 'scheduled-passed' });
  });

  it('still counts a maintenance running now, and one just past its end within the grace hour', () => {
    const evidence = working((at) =>
      statusReading(at, {
        level: 'maintenance',
        maintenanceInProgress: [
          { name: 'Now', scheduledUntil: new Date(Date.parse(at) - 30 * 60_000).toISOString() },
        ],
      }),
    );
    expect(evidence.statusPage.maintenanceInProgress).toBe(true);
    expect(evidence.statusPage.staleItems).toEqual([]);
  });
});
