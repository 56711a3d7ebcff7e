// Tests of the evidence builder from windows of rounds.

import { describe, it, expect } from 'vitest';
import { buildEvidence, failurePattern, isRegionName } from './build';
import {
  controls,
  probe,
  rounds,
  SAMPLE_TARGET,
  statusReading,
  statusUnavailable,
} from '../testing/synthetic';

const base = {
  target: SAMPLE_TARGET,
  baselines: { 'direct:health': 180 },
  tokenConfigured: false,
  alternateConfigured: false,
  symptom: false,
};

describe('failurePattern', () => {
  it('tells none, consistent and intermittent apart', () => {
    expect(failurePattern([false, false])).toBe('none');
    expect(failurePattern([false, true, true, true])).toBe('consistent');
    expect(failurePattern([true, true, false])).toBe('consistent');
    expect(failurePattern([true, false, true, false])).toBe('intermittent');
    expect(failurePattern([false, true, false, false])).toBe('intermittent');
    expect(failurePattern([true])).toBe('consistent');
  });
});

describe('isRegionName', () => {
  it('knows region names and not ordinary component names', () => {
    for (const n of ['Europe', 'EU', 'US East', 'Asia', 'APAC', 'us-west-2', 'Frankfurt', 'europe-west1']) {
      expect(isRegionName(n)).toBe(true);
    }
    for (const n of ['API', 'Website', 'Chat', 'Database', 'Image generation'])
      expect(isRegionName(n)).toBe(false);
  });
});

describe('buildEvidence', () => {
  it('aggregates each endpoint per path with counts, medians, pattern and edge', () => {
    const e = buildEvidence({
      ...base,
      rounds: rounds(4, (i, at) => ({
        probes: [
          probe(at, { name: 'site', headers: { 'cf-ray': 'abc-FRA' } }),
          probe(at, { name: 'health', status: i % 2 ? 503 : 200, ms: i % 2 ? 2000 : 500 }),
          ...controls(at),
        ],
      })),
    });
    expect(e.rounds).toBe(4);
    expect(e.site).toMatchObject({ attempts: 4, failures: 0, pattern: 'none', edge: 'FRA' });
    const health = e.endpoints.find((x) => x.name === 'health')!;
    expect(health).toMatchObject({
      attempts: 4,
      failures: 2,
      statuses: { '200': 2, '503': 2 },
      outcomes: { ok: 2, 'http-5xx': 2 },
      pattern: 'intermittent',
      medianMs: 500,
      medianErrorMs: 2000,
      baselineMs: 180,
    });
    expect(e.controls).toEqual({ attempts: 8, failures: 0, outcomes: { ok: 8 } });
    expect(e.firstFailureAt).toBe('2026-11-20T12:00:30.000Z');
    expect(e.observedFrom).toBe('2026-11-20T12:00:00.000Z');
    expect(e.observedTo).toBe('2026-11-20T12:01:30.900Z');
  });

  it('survives missing pieces: no rounds, no site, no status page, no controls', () => {
    const empty = buildEvidence({ ...base, rounds: [], now: () => new Date('2026-11-20T00:00:00Z') });
    expect(empty).toMatchObject({ rounds: 0, site: null, endpoints: [], alternate: [] });
    expect(empty.observedFrom).toBe('2026-11-20T00:00:00.000Z');
    expect(empty.statusPage.available).toBe(false);
    const noSite = buildEvidence({
      ...base,
      target: { ...SAMPLE_TARGET, statusPage: null },
      rounds: rounds(2, (_i, at) => ({ probes: [probe(at, { name: 'health' })] })),
    });
    expect(noSite.site).toBeNull();
    expect(noSite.controls.attempts).toBe(0);
    expect(noSite.statusPage).toMatchObject({ configured: false, unavailableReason: 'not-configured' });
  });

  it('marks a token endpoint probed without a token and leaves it out of the first failure', () => {
    const e = buildEvidence({
      ...base,
      rounds: rounds(2, (_i, at) => ({ probes: [probe(at, { name: 'user', status: 401 })] })),
    });
    expect(e.endpoints[0]).toMatchObject({ name: 'user', needsToken: true, auth: false, failures: 2 });
    expect(e.firstFailureAt).toBeNull();
  });

  it('counts a waiting-room page as a failure and an unlabelled bot check as a challenge', () => {
    const e = buildEvidence({
      ...base,
      rounds: rounds(2, (_i, at) => ({
        probes: [
          probe(at, { name: 'site', status: 200, body: '<title>Waiting Room</title>' }),
          probe(at, { name: 'health', status: 403, body: '<title>Just a moment...</title>' }),
        ],
      })),
    });
    expect(e.site).toMatchObject({ failures: 2, signals: expect.objectContaining({ waitingRoom: true }) });
    expect(e.endpoints[0]).toMatchObject({ failures: 0, outcomes: { challenge: 2 } });
  });

  it('reads the status page: incidents, maintenance, region components, and no information', () => {
    const e = buildEvidence({
      ...base,
      rounds: rounds(2, (_i, at) => ({
        probes: [probe(at, { name: 'site' })],
        status: statusReading(at, {
          level: 'partial-outage',
          incidents: [
            { name: 'EU latency', impact: 'minor' },
            { name: 'Old one', stage: 'resolved', impact: 'critical' },
          ],
          components: [
            { name: 'API', status: 'degraded' },
            { name: 'Europe', status: 'major-outage' },
          ],
          maintenanceUpcoming: [{ name: 'Upgrade', scheduledFor: '2026-11-21T02:00:00.000Z' }],
        }),
      })),
    });
    expect(e.statusPage).toMatchObject({
      configured: true,
      available: true,
      level: 'partial-outage',
      openIncidents: 1,
      incidentImpact: 'minor',
      incidentName: 'EU latency',
      maintenanceInProgress: false,
      maintenanceUpcoming: true,
      upcomingAt: '2026-11-21T02:00:00.000Z',
      componentsDown: ['API', 'Europe'],
      regionalComponentsDown: ['Europe'],
    });
    const inactive = buildEvidence({
      ...base,
      rounds: rounds(1, (_i, at) => ({
        probes: [probe(at, { name: 'site' })],
        status: statusUnavailable(at),
      })),
    });
    expect(inactive.statusPage).toMatchObject({
      configured: true,
      available: false,
      unavailableReason: 'inactive',
    });
  });

  it('finds a build change inside the window and times it against the first error', () => {
    const e = buildEvidence({
      ...base,
      rounds: rounds(6, (i, at) => ({
        probes: [
          probe(at, { name: 'site', headers: { 'x-build-id': i >= 2 ? 'b2' : 'b1' } }),
          probe(at, { name: 'health', status: i >= 3 ? 500 : 200, ms: 30 }),
        ],
      })),
    });
    expect(e.fingerprint).toMatchObject({
      current: 'x-build-id=b2',
      previous: 'x-build-id=b1',
      source: 'version-header',
      changedAt: '2026-11-20T12:01:00.000Z',
      secondsBeforeErrors: 30,
    });
  });

  it('does not tie errors to a release when they were already there before it', () => {
    const e = buildEvidence({
      ...base,
      rounds: rounds(8, (i, at) => ({
        probes: [
          probe(at, { name: 'site', headers: { 'x-build-id': i >= 5 ? 'b2' : 'b1' } }),
          probe(at, { name: 'health', status: i % 2 === 0 ? 500 : 200 }),
        ],
      })),
    });
    expect(e.fingerprint.changedAt).toBe('2026-11-20T12:02:30.000Z');
    expect(e.fingerprint.secondsBeforeErrors).toBeNull();
  });

  it('times errors from a release remembered from an earlier run', () => {
    const e = buildEvidence({
      ...base,
      fingerprint: {
        current: 'x-build-id=b2',
        previous: 'x-build-id=b1',
        changedAt: '2026-11-20T11:58:00.000Z',
        source: 'version-header',
        secondsBeforeErrors: 999,
        firstSeenAt: '2026-11-20T11:58:00.000Z',
      },
      rounds: rounds(3, (i, at) => ({
        probes: [probe(at, { name: 'health', status: i >= 1 ? 500 : 200 })],
      })),
    });
    expect(e.fingerprint.secondsBeforeErrors).toBe(150);
  });

  it('ignores a per-response ETag that changes every round', () => {
    const e = buildEvidence({
      ...base,
      rounds: rounds(5, (i, at) => ({
        probes: [
          probe(at, { name: 'site', body: 'x', headers: { etag: `"v${i}"` } }),
          probe(at, { name: 'health', status: 500 }),
        ],
      })),
    });
    expect(e.fingerprint.changedAt).toBeNull();
  });

  it('keeps only the alternate evidence when an alternate path is configured, with its own edge', () => {
    const make = (alternateConfigured: boolean) =>
      buildEvidence({
        ...base,
        alternateConfigured,
        rounds: rounds(2, (_i, at) => ({
          probes: [
            probe(at, { name: 'site', headers: { 'cf-ray': '1-FRA' } }),
            probe(at, { name: 'site', path: 'alternate', headers: { 'cf-ray': '2-AMS' } }),
          ],
        })),
      });
    expect(make(true).alternate).toHaveLength(1);
    expect(make(true).alternate[0]).toMatchObject({ name: 'site', path: 'alternate', edge: 'AMS' });
    expect(make(false).alternate).toEqual([]);
  });

  it('takes the symptom from the input or from a round', () => {
    const r = rounds(1, (_i, at) => ({ probes: [probe(at, { name: 'site' })], symptom: true }));
    expect(buildEvidence({ ...base, rounds: r }).symptom).toBe(true);
  });
});
