import { describe, it, expect } from 'vitest';
import { classify, MIN_CONFIDENCE } from './classify';
import { endpoint, evidence, statusPage } from '../testing/evidence';
import { DIAGNOSIS_OUTCOMES } from '../types/diagnosis';
import { PRIORS } from './model';
import { nextStep } from './next-step';
import { ADVICE } from './advice';

describe('classify', () => {
  it('returns all nine outcomes, most likely first, summing to 1', () => {
    const d = classify(evidence({ site: endpoint('site', { fail: 2, code: 503 }) }));
    expect(d.ranking.map((r) => r.cause).sort()).toEqual([...DIAGNOSIS_OUTCOMES].sort());
    const total = d.ranking.reduce((a, r) => a + r.probability, 0);
    expect(total).toBeCloseTo(1, 9);
    for (let i = 1; i < d.ranking.length; i++) {
      expect(d.ranking[i - 1]!.probability).toBeGreaterThanOrEqual(d.ranking[i]!.probability);
    }
  });

  it('is deterministic', () => {
    const e = evidence({ site: endpoint('site', { fail: 3, code: 522 }) });
    expect(JSON.stringify(classify(e))).toBe(JSON.stringify(classify(structuredClone(e))));
  });

  it('keeps the JSON contract: verdict, confidence, ranking, nextStep, window, evidence', () => {
    const e = evidence();
    const d = classify(e);
    expect(Object.keys(d)).toEqual(
      expect.arrayContaining([
        'target',
        'verdict',
        'confidence',
        'ranking',
        'nextStep',
        'observedFrom',
        'observedTo',
        'evidence',
      ]),
    );
    expect(d.verdict).toBe('healthy');
    expect(d.confidence).toBe(d.ranking[0]!.probability);
    expect(d.evidence).toBe(e);
    expect(d.observedFrom).toBe(e.observedFrom);
  });

  it('says unknown when the evidence is thin, with the leader as confidence', () => {
    const d = classify(evidence({ rounds: 0, site: null, endpoints: [] }));
    expect(d.verdict).toBe('unknown');
    expect(d.nextAction).toBe('diagnose-again');
    expect(d.confidence).toBe(d.ranking[0]!.probability);
  });

  it('says unknown when two causes are close', () => {
    // Every target request times out, the controls pass, no alternate path: regional or overload?
    const d = classify(
      evidence({
        site: endpoint('site', { fail: 4, code: null }),
        endpoints: [endpoint('health', { fail: 4, code: null })],
      }),
    );
    expect(d.verdict).toBe('unknown');
    expect(d.ranking.slice(0, 2).map((r) => r.cause)).toContain('regional');
    expect(d.nextAction).toBe('set-alternate-path');
  });

  it('falls back to the priors (overload first, permissions rarest) without evidence', () => {
    const order = [...DIAGNOSIS_OUTCOMES].filter((o) => o !== 'local-network' && o !== 'healthy');
    const priors = order.map((o) => PRIORS[o]);
    expect([...priors].sort((a, b) => b - a)).toEqual(priors);
    const total = Object.values(PRIORS).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(1, 9);
  });

  it('never names a cause below the confidence floor', () => {
    const d = classify(
      evidence({ site: endpoint('site', { fail: 1, attempts: 2, code: 500 }), endpoints: [] }),
    );
    if (d.verdict !== 'unknown') expect(d.confidence).toBeGreaterThanOrEqual(MIN_CONFIDENCE);
  });

  it('explains the verdict in plain sentences', () => {
    const d = classify(
      evidence({
        site: endpoint('site', { attempts: 6, fail: 3, code: 503, medianMs: 540, baselineMs: 180 }),
        statusPage: statusPage({ level: 'degraded', openIncidents: 1, incidentName: 'Elevated error rates' }),
      }),
    );
    expect(d.verdict).toBe('overload');
    const top = d.ranking[0]!;
    expect(top.for).toContain('The status page reports an open incident: “Elevated error rates”');
    expect(top.for.some((s) => /540 ms.*180 ms/.test(s))).toBe(true);
    const local = d.ranking.find((r) => r.cause === 'local-network')!;
    expect(local.against).toContain('Other sites load fine, so your connection works');
  });

  it('does not let a bot check make a permissions verdict', () => {
    const d = classify(
      evidence({ site: endpoint('site', { challenge: 4 }), endpoints: [endpoint('health')] }),
    );
    expect(d.verdict).toBe('healthy');
  });

  it('does not lead with extensions on a symptom when the scan found no suspect', () => {
    const symptom = {
      symptom: true,
      endpoints: [endpoint('health'), endpoint('user', { auth: true, needsToken: true })],
      statusPage: statusPage(),
    };
    const none = classify(
      evidence({ ...symptom, extensions: { scanned: true, profilesScanned: 2, suspects: [] } }),
    );
    expect(none.verdict).toBe('unknown');
    expect(none.confidence).toBeLessThan(MIN_CONFIDENCE);
    expect(none.nextAction).toBe('add-token');
    const suspect = {
      browser: 'Chrome',
      profile: 'Default',
      id: 'abc',
      name: 'Chat Enhancer Pro',
      reach: '<all_urls>',
    };
    const some = classify(
      evidence({ ...symptom, extensions: { scanned: true, profilesScanned: 2, suspects: [suspect] } }),
    );
    expect(some.verdict).toBe('extensions');
    expect(some.nextAction).toBe('clean-session');
  });

  it('does not let an upcoming maintenance make a maintenance verdict', () => {
    const d = classify(evidence({ statusPage: statusPage({ maintenanceUpcoming: true }) }));
    expect(d.verdict).toBe('healthy');
  });
});

describe('nextStep', () => {
  const e = evidence();
  it('offers a token when account is in the top two and no token is set', () => {
    expect(nextStep(e, 'extensions', 'account', false).action).toBe('add-token');
    expect(nextStep(e, 'extensions', 'account', false).sentence).toMatch(
      /^Add your token to test your account/,
    );
  });
  it('offers an alternate path when regional is in the top two and none is set', () => {
    const s = nextStep(e, 'overload', 'regional', false);
    expect(s.action).toBe('set-alternate-path');
    expect(s.sentence).toBe('Set an alternate path (a proxy or VPN) to test whether this is regional');
  });
  it('offers a clean session for extensions', () => {
    expect(
      nextStep(evidence({ auth: { tokenConfigured: true } }), 'extensions', 'healthy', false).action,
    ).toBe('clean-session');
  });
  it('says check your connection for local-network', () => {
    expect(nextStep(e, 'local-network', 'regional', false).action).toBe('check-connection');
  });
  it('says wait during confirmed maintenance', () => {
    const m = evidence({
      statusPage: statusPage({ maintenanceInProgress: true, maintenanceUntil: '2026-11-20T14:00:00.000Z' }),
    });
    const s = nextStep(m, 'maintenance', 'overload', false);
    expect(s.action).toBe('wait');
    expect(s.sentence).toContain('14:00 UTC');
  });
  it('opens a working status page to separate two server-side causes', () => {
    const withPage = evidence({ statusPage: statusPage(), alternateConfigured: true });
    expect(nextStep(withPage, 'overload', 'bad-update', false).action).toBe('open-status-page');
    const inactive = evidence({
      statusPage: { ...statusPage(), available: false, unavailableReason: 'inactive' },
      alternateConfigured: true,
    });
    expect(nextStep(inactive, 'overload', 'bad-update', false).action).toBe('diagnose-again');
  });
  it('once the leader is settled, says what to do about it instead of testing a distant runner-up', () => {
    const s = nextStep(e, 'overload', 'regional', false, { first: 0.93, second: 0.03 });
    expect(s.action).toBe('wait');
    expect(s.sentence).toMatch(/^Wait 5 to 10 minutes/);
    expect(nextStep(e, 'local-network', 'regional', false, { first: 0.95, second: 0.02 }).action).toBe(
      'check-connection',
    );
    expect(nextStep(e, 'overload', 'regional', false, { first: 0.6, second: 0.3 }).action).toBe(
      'set-alternate-path',
    );
  });
  it('has nothing to do when healthy', () => {
    expect(nextStep(evidence({ alternateConfigured: true }), 'healthy', 'overload', false).action).toBe(
      'none',
    );
  });
});

describe('advice', () => {
  it('has a title, a meaning and steps for every outcome', () => {
    for (const o of DIAGNOSIS_OUTCOMES) {
      expect(ADVICE[o].title.length).toBeGreaterThan(5);
      expect(ADVICE[o].meaning.length).toBeGreaterThan(20);
      expect(ADVICE[o].todo.length).toBeGreaterThan(0);
    }
  });
});
