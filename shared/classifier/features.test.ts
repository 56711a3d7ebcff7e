import { describe, it, expect } from 'vitest';
import { classify } from './classify';
import { detectFeatures, isThin, readFacts } from './features';
import { endpoint, evidence, statusPage } from '../testing/evidence';
import type { Evidence } from '../types/evidence';

const features = (e: Evidence) => detectFeatures(e, readFacts(e));

describe('readFacts', () => {
  it('counts attempts, failures and error codes over the site and endpoints', () => {
    const e = evidence({
      site: endpoint('site', { attempts: 4, fail: 2, code: 503 }),
      endpoints: [endpoint('health', { attempts: 4, fail: 1, code: 502 })],
    });
    const f = readFacts(e);
    expect(f.attempts).toBe(8);
    expect(f.failures).toBe(3);
    expect(f.overloadCodes).toEqual([
      [503, 2],
      [502, 1],
    ]);
    expect(f.failingNames).toEqual(['site', 'health']);
  });

  it('leaves out a token endpoint probed without a token (its 401 says nothing)', () => {
    const e = evidence({
      endpoints: [
        endpoint('health'),
        endpoint('user', { fail: 4, code: 401, needsToken: true, auth: false }),
      ],
    });
    const f = readFacts(e);
    expect(f.failures).toBe(0);
    expect(f.deniedNames).toEqual([]);
    expect(features(e)).toContain('no-failures');
  });

  it('does not count bot checks as errors', () => {
    const e = evidence({ site: endpoint('site', { attempts: 4, challenge: 4 }) });
    const f = readFacts(e);
    expect(f.errorCodes).toEqual([]);
    expect(f.challenged).toBe(4);
    expect(features(e)).toContain('challenge');
    expect(features(e)).not.toContain('anon-denied');
  });

  it('picks the largest latency rise against the baseline', () => {
    const e = evidence({
      site: endpoint('site', { medianMs: 300, baselineMs: 250 }),
      endpoints: [endpoint('health', { medianMs: 540, baselineMs: 180 })],
    });
    expect(readFacts(e).latency).toMatchObject({ name: 'health', ratio: 3 });
    expect(features(e)).toContain('latency-rise');
  });
});

describe('detectFeatures', () => {
  it('sees overload signs: codes, intermittent failure, Retry-After, waiting room', () => {
    const e = evidence({
      site: endpoint('site', { fail: 2, code: 503, signals: { retryAfter: true, waitingRoom: true } }),
    });
    expect(features(e)).toEqual(
      expect.arrayContaining([
        'overload-codes',
        'intermittent',
        'retry-after',
        'waiting-room',
        'failures-present',
      ]),
    );
  });

  it('needs the alternate path to work for direct-fails-alternate-ok', () => {
    const direct = evidence({
      alternateConfigured: true,
      site: endpoint('site', { fail: 4, code: null, edge: null }),
      endpoints: [],
      alternate: [endpoint('site', { path: 'alternate' })],
    });
    expect(features(direct)).toContain('direct-fails-alternate-ok');
    const both = evidence({
      ...direct,
      alternate: [endpoint('site', { path: 'alternate', fail: 4, code: null })],
    });
    expect(features(both)).toContain('both-paths-fail');
    expect(features(both)).not.toContain('direct-fails-alternate-ok');
  });

  it('marks edge-differs only when the paths reach different Cloudflare sites and something fails', () => {
    const e = evidence({
      alternateConfigured: true,
      site: endpoint('site', { fail: 4, code: 522, edge: 'FRA' }),
      endpoints: [],
      alternate: [endpoint('site', { path: 'alternate', edge: 'AMS' })],
    });
    expect(features(e)).toContain('edge-differs');
    const fine = evidence({ ...e, site: endpoint('site', { edge: 'FRA' }) });
    expect(features(fine)).not.toContain('edge-differs');
  });

  it('tells an active maintenance from an upcoming one', () => {
    expect(features(evidence({ statusPage: statusPage({ maintenanceInProgress: true }) }))).toContain(
      'status-maintenance',
    );
    const upcoming = features(evidence({ statusPage: statusPage({ maintenanceUpcoming: true }) }));
    expect(upcoming).toContain('status-maintenance-upcoming');
    expect(upcoming).not.toContain('status-maintenance');
  });

  it('reads nothing from an inactive status page', () => {
    const e = evidence({
      statusPage: { ...statusPage(), available: false, level: null, unavailableReason: 'inactive' },
    });
    const f = features(e);
    for (const id of ['status-incident', 'status-operational', 'status-maintenance'] as const) {
      expect(f).not.toContain(id);
    }
  });

  it('keeps a regional-only incident out of the generic incident feature', () => {
    const e = evidence({
      statusPage: statusPage({
        level: 'partial-outage',
        openIncidents: 1,
        regionalComponentsDown: ['Europe'],
        componentsDown: ['Europe'],
      }),
    });
    expect(features(e)).toContain('region-components-down');
    expect(features(e)).not.toContain('status-incident');
  });

  it('sees a fingerprint change shortly before the errors, and not one long before', () => {
    const changed = (secs: number) =>
      evidence({
        site: endpoint('site', { fail: 3, code: 500 }),
        fingerprint: {
          current: 'b',
          previous: 'a',
          changedAt: '2026-11-20T11:59:00.000Z',
          source: 'version-header',
          secondsBeforeErrors: secs,
          previousLastSeenAt: '2026-11-20T11:58:30.000Z',
          changeBounded: true,
        },
      });
    expect(features(changed(60))).toContain('fingerprint-changed-before-errors');
    expect(features(changed(7200))).not.toContain('fingerprint-changed-before-errors');
  });

  it('weighs a change not seen happening as nothing, and without a release bad-update never leads', () => {
    const unseen = evidence({
      site: endpoint('site', { fail: 3, code: 500 }),
      fingerprint: {
        current: 'b',
        previous: 'a',
        changedAt: '2026-11-20T11:59:00.000Z',
        source: 'version-header',
        secondsBeforeErrors: 60,
        previousLastSeenAt: '2026-11-13T09:00:00.000Z',
        changeBounded: false,
      },
    });
    const found = features(unseen);
    expect(found).not.toContain('fingerprint-changed-before-errors');
    expect(found).toContain('fingerprint-changed-unseen');
    expect(found).toContain('no-release-seen');
  });

  it('finds account trouble only with a token, auth failing and anonymous working', () => {
    const withToken = evidence({
      auth: { tokenConfigured: true },
      endpoints: [endpoint('health'), endpoint('user', { auth: true, fail: 4, code: 401 })],
    });
    expect(features(withToken)).toContain('auth-fails-anon-ok');
    const noToken = evidence({ auth: { tokenConfigured: false } });
    expect(features(noToken)).toContain('no-token');
    expect(features(noToken)).not.toContain('auth-fails-anon-ok');
  });

  it('finds anonymous refusals for permissions, but not a CSRF page', () => {
    const denied = evidence({
      endpoints: [endpoint('assets', { fail: 4, code: 403, signals: { accessDenied: true } })],
    });
    expect(features(denied)).toEqual(expect.arrayContaining(['anon-denied', 'access-denied-body']));
    const csrf = evidence({ endpoints: [endpoint('form', { fail: 4, code: 403, signals: { csrf: true } })] });
    expect(features(csrf)).toContain('csrf');
    expect(features(csrf)).not.toContain('anon-denied');
  });

  it('reads the controls: all failing, some failing, all fine, none run', () => {
    const c = (attempts: number, failures: number) =>
      features(evidence({ controls: { attempts, failures, outcomes: {} } }));
    expect(c(4, 4)).toContain('controls-fail');
    expect(c(4, 1)).toContain('controls-partial');
    expect(c(4, 0)).toContain('controls-ok');
    const none = c(0, 0);
    expect(none.filter((x) => x.startsWith('controls'))).toEqual([]);
  });

  it('treats one failure among many successes as noise', () => {
    const e = evidence({ endpoints: [endpoint('health', { attempts: 10, fail: 1, code: null })] });
    const f = features(e);
    expect(f).toContain('isolated-failure');
    expect(f).not.toContain('failures-present');
    expect(f).not.toContain('transport-only');
  });

  it('uses the symptom: clean probes vs failures, and the extension scan', () => {
    const clean = evidence({
      symptom: true,
      extensions: { scanned: true, profilesScanned: 1, suspects: [] },
    });
    expect(features(clean)).toEqual(expect.arrayContaining(['symptom-clean', 'no-extension-suspects']));
    const failing = evidence({ symptom: true, site: endpoint('site', { fail: 4, code: 500 }) });
    expect(features(failing)).toContain('symptom-with-failures');
    expect(features(evidence())).toContain('no-symptom');
  });
});

describe('a proxy that could not reach the servers behind it', () => {
  const varnish = (count: number) => ({
    recognitions: [
      {
        vendor: 'varnish',
        name: 'Varnish',
        layer: 'proxy' as const,
        meaning: 'origin-unreachable' as const,
        count,
      },
    ],
  });
  const everywhere = (attempts: number) =>
    evidence({
      site: endpoint('site', {
        attempts,
        fail: attempts,
        code: 503,
        pattern: 'consistent',
        signals: varnish(attempts),
      }),
      endpoints: [
        endpoint('health', {
          attempts,
          fail: attempts,
          code: 503,
          pattern: 'consistent',
          signals: varnish(attempts),
        }),
      ],
    });

  it('reads its 503 once, as the origin fault, not again as the service shedding load', () => {
    const f = features(everywhere(3));
    expect(f).toContain('origin-dead');
    expect(f).not.toContain('overload-codes');
    const plain = evidence({
      site: endpoint('site', { attempts: 3, fail: 3, code: 503, pattern: 'consistent' }),
    });
    expect(features(plain)).toContain('overload-codes');
  });

  it('leaves load against a dead backend open when each endpoint answered once', () => {
    const f = features(everywhere(1));
    expect(f).toContain('origin-fault-once');
    expect(f).not.toContain('origin-down');
    expect(f).not.toContain('origin-dead');
    const d = classify(everywhere(1));
    expect(d.verdict).toBe('unknown');
    expect(d.ranking[0]?.cause).toBe('overload');
  });
});

describe('isThin', () => {
  it('is thin with no rounds or nothing readable, and not with real answers', () => {
    expect(isThin(evidence({ rounds: 0 }), readFacts(evidence({ rounds: 0 })))).toBe(true);
    const onlyChallenge = evidence({ site: endpoint('site', { challenge: 4 }), endpoints: [] });
    expect(isThin(onlyChallenge, readFacts(onlyChallenge))).toBe(true);
    expect(isThin(evidence(), readFacts(evidence()))).toBe(false);
  });
});
