// Tests of the per-target health state machine and its events.

import { describe, it, expect } from 'vitest';
import type { MonitorEvent } from '../../shared/types/monitor';
import type { Outcome } from '../../shared/types/probe';
import { seededRandom } from './random';
import { TargetHealth } from './state';
import type { ProbeSpec } from '../testing/synthetic';
import { roundOf } from '../testing/test-rounds';

const T0 = Date.UTC(2026, 5, 1);
const ENDPOINTS = ['site', 'health', 'user'];
const CONTROLS = ['www.google.com', 'www.cloudflare.com'];

function probes(outcomeOf: (name: string) => Outcome, total = 100, controls: Outcome = 'ok'): ProbeSpec[] {
  return [
    ...ENDPOINTS.map((name) => ({ name, outcome: outcomeOf(name), ms: total })),
    ...CONTROLS.map((name) => ({ name, path: 'control' as const, outcome: controls })),
  ];
}

const allOk = probes(() => 'ok');
const allDown = probes(() => 'http-5xx');

/** Feeds rounds every `stepMs` and collects events. */
class Trace {
  t = T0;
  events: MonitorEvent[] = [];
  constructor(readonly health = new TargetHealth({ target: 'Svc', startedAt: T0 })) {}
  feed(
    spec: ProbeSpec[],
    stepMs = 30_000,
    cause: Parameters<TargetHealth['observe']>[1] = null,
  ): MonitorEvent[] {
    const events = this.health.observe(roundOf('Svc', this.t, spec), cause);
    this.events.push(...events);
    this.t += stepMs;
    return events;
  }
  kinds(): string[] {
    return this.events.map((e) => e.event);
  }
}

describe('TargetHealth', () => {
  it('starts unknown and becomes healthy after a good round', () => {
    const trace = new Trace();
    expect(trace.health.current).toBe('unknown');
    trace.feed(allOk);
    expect(trace.health.current).toBe('healthy');
    expect(trace.events).toEqual([]);
  });

  it('does not call a first round healthy when one of its checks failed (the token endpoint refused)', () => {
    const trace = new Trace();
    const oneFails = probes((name) => (name === 'user' ? 'http-4xx' : 'ok'));
    trace.feed(oneFails);
    expect(trace.health.current).toBe('unknown');
    trace.feed(allOk);
    expect(trace.health.current).toBe('healthy');
  });

  it('never calls an outage on a long trace where 1 request in 15 fails at random', () => {
    const random = seededRandom(15);
    const trace = new Trace();
    let failures = 0;
    let requests = 0;
    for (let i = 0; i < 6000; i++) {
      trace.feed(
        probes(() => {
          requests++;
          if (random() < 1 / 15) {
            failures++;
            return 'http-5xx';
          }
          return 'ok';
        }),
        // Confirmation rounds come quickly after a failure, as the cadence does.
        trace.health.suspect ? 3_000 : 30_000,
      );
    }
    expect(failures / requests).toBeGreaterThan(0.05);
    expect(trace.kinds()).toEqual([]);
    expect(trace.health.current).toBe('healthy');
  });

  it('never calls an outage on isolated failing rounds, even when every check of the round fails', () => {
    const trace = new Trace();
    for (let i = 0; i < 200; i++) trace.feed(i % 2 === 0 ? allDown : allOk);
    expect(trace.kinds().filter((k) => k === 'outage')).toEqual([]);
  });

  it('a 20 s outage gives exactly one outage and one recovery, with the duration', () => {
    const trace = new Trace();
    for (let i = 0; i < 10; i++) trace.feed(allOk);
    // Service fails from t0 to t0+20 s; the cadence confirms at +3 s and +4 s.
    trace.feed(allDown, 3_000);
    trace.feed(allDown, 4_000);
    expect(trace.feed(allDown, 30_000).map((e) => e.event)).toEqual(['outage']);
    expect(trace.health.current).toBe('outage');
    expect(trace.feed(allOk, 30_000)).toEqual([]); // one success never ends an outage
    const events = trace.feed(allOk, 30_000);
    expect(events.map((e) => e.event)).toEqual(['recovery']);
    expect(events[0]!.durationMs).toBe(37_000);
    expect(events[0]!.summary).toMatch(/back/);
    for (let i = 0; i < 20; i++) trace.feed(allOk);
    expect(trace.kinds()).toEqual(['outage', 'recovery']);
    expect(trace.health.current).toBe('healthy');
  });

  it('one success inside an outage does not end it; two in a row do', () => {
    const trace = new Trace();
    trace.feed(allOk);
    for (let i = 0; i < 3; i++) trace.feed(allDown);
    expect(trace.health.current).toBe('outage');
    trace.feed(allOk);
    trace.feed(allDown);
    trace.feed(allOk);
    expect(trace.health.current).toBe('outage');
    trace.feed(allOk);
    expect(trace.health.current).toBe('healthy');
    expect(trace.kinds()).toEqual(['outage', 'recovery']);
  });

  it('one endpoint failing consistently (the others fine) is an outage after 6 in a row', () => {
    const trace = new Trace();
    trace.feed(allOk);
    const siteDown = probes((n) => (n === 'site' ? 'http-5xx' : 'ok'));
    for (let i = 0; i < 5; i++) expect(trace.feed(siteDown)).toEqual([]);
    const events = trace.feed(siteDown);
    expect(events.map((e) => e.event)).toEqual(['outage']);
    expect(events[0]!.summary).toMatch(/site \(HTTP 500\) failed 6 times in a row/);
  });

  it('most checks failing in 3 of 4 rounds is not enough when under 2/3 of all checks failed', () => {
    const trace = new Trace();
    trace.feed(allOk);
    const twoOfThree = probes((n) => (n === 'health' ? 'ok' : 'http-5xx'));
    trace.feed(twoOfThree, 3_000);
    trace.feed(twoOfThree, 4_000);
    expect(trace.feed(twoOfThree, 8_000)).toEqual([]); // 6 of 12 checks
    const events = trace.feed(twoOfThree); // 8 of 12 checks
    expect(events.map((e) => e.event)).toEqual(['outage']);
    expect(events[0]!.summary).toMatch(/8 of its last 12 checks failed, in 4 of the last 4 rounds/);
  });

  it('endpoints held back by Retry-After still count as failing, so an outage that asks us to wait is called', () => {
    const trace = new Trace();
    trace.feed(allOk);
    // The site alone is probed; health and user answered 503 with Retry-After and are held back.
    const heldRound = (at: number) => {
      const round = roundOf('Svc', at, [
        { name: 'site', outcome: 'http-5xx' },
        ...CONTROLS.map((name) => ({ name, path: 'control' as const })),
      ]);
      round.heldBack = ['health', 'user'].map((name) => ({
        name,
        path: 'direct' as const,
        until: new Date(at + 120_000).toISOString(),
        reason: 'it answered 503 with Retry-After: 120',
      }));
      return round;
    };
    for (let i = 0; i < 4; i++) {
      trace.events.push(...trace.health.observe(heldRound(trace.t)));
      trace.t += 30_000;
    }
    expect(trace.health.current).toBe('outage');
    const outage = trace.events.find((e) => e.event === 'outage');
    expect(outage?.summary).toMatch(/9 of its last 12 checks/);
  });

  it('a Wi-Fi sign-in page answering for the control sites is a local-network spell, never an outage', () => {
    const trace = new Trace();
    trace.feed(allOk);
    const captive = (at: number) => {
      const round = roundOf('Svc', at, allOk);
      for (const p of round.probes.filter((x) => x.path === 'control')) {
        // The redirect to the sign-in form was followed and answered 200, which looks like success.
        p.url = `http://${p.name}/generate_204`;
        p.finalUrl = 'http://portal.hotel.test/login';
        p.redirects = 1;
      }
      return round;
    };
    for (let i = 0; i < 4; i++) {
      trace.events.push(...trace.health.observe(captive(trace.t)));
      trace.t += 30_000;
    }
    expect(trace.health.current).toBe('local-network');
    expect(trace.kinds()).toEqual(['local-network']);
    trace.feed(allOk);
    trace.feed(allOk);
    expect(trace.health.current).toBe('healthy');
    expect(trace.kinds()).toEqual(['local-network']);
  });

  it('a bot challenge is neither a failure nor a success', () => {
    const trace = new Trace();
    trace.feed(allOk);
    const challenged = probes((n) => (n === 'site' ? 'challenge' : 'ok'));
    for (let i = 0; i < 20; i++) trace.feed(challenged);
    expect(trace.kinds()).toEqual([]);
    expect(trace.health.latest?.informative).toBe(2);
  });

  it('announces a cause change during an outage once the new cause holds for two rounds', () => {
    const trace = new Trace();
    trace.feed(allOk, 30_000, { verdict: 'healthy', confidence: 0.9 });
    for (let i = 0; i < 3; i++) trace.feed(allDown, 30_000, { verdict: 'overload', confidence: 0.7 });
    expect(trace.events[0]).toMatchObject({ event: 'outage', cause: 'overload', confidence: 0.7 });
    expect(trace.events[0]!.summary).toMatch(/overwhelmed by traffic \(70% of the model's weight\)/);
    expect(trace.feed(allDown, 30_000, { verdict: 'bad-update', confidence: 0.6 })).toEqual([]);
    const events = trace.feed(allDown, 30_000, { verdict: 'bad-update', confidence: 0.65 });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      event: 'cause-changed',
      cause: 'bad-update',
      previousCause: 'overload',
    });
    expect(events[0]!.summary).toMatch(/changed from overload to a bad update/);
    // Flickering to unknown does not count as a change.
    expect(trace.feed(allDown, 30_000, { verdict: 'unknown', confidence: 0.3 })).toEqual([]);
    expect(trace.feed(allDown, 30_000, { verdict: 'unknown', confidence: 0.3 })).toEqual([]);
  });

  it('reports local-network (not an outage) when the control sites fail too, and no recovery after it', () => {
    const trace = new Trace();
    for (let i = 0; i < 5; i++) trace.feed(allOk);
    const offline = probes(() => 'dns', 100, 'dns');
    trace.feed(offline, 3_000);
    trace.feed(offline, 4_000);
    const events = trace.feed(offline);
    expect(events.map((e) => e.event)).toEqual(['local-network']);
    expect(events[0]!.summary).toMatch(/^Your network has a problem/);
    expect(trace.health.current).toBe('local-network');
    trace.feed(allOk);
    trace.feed(allOk);
    expect(trace.health.current).toBe('healthy');
    expect(trace.kinds()).toEqual(['local-network']);
  });

  it('an outage that began before the network dropped still ends with a recovery', () => {
    const trace = new Trace();
    trace.feed(allOk);
    for (let i = 0; i < 3; i++) trace.feed(allDown);
    for (let i = 0; i < 3; i++) trace.feed(probes(() => 'dns', 100, 'dns'));
    expect(trace.health.current).toBe('local-network');
    trace.feed(allOk);
    trace.feed(allOk);
    expect(trace.kinds()).toEqual(['outage', 'local-network', 'recovery']);
  });

  it('becomes degraded when answers get slow against the baseline, and healthy again', () => {
    const trace = new Trace();
    for (let i = 0; i < 15; i++) trace.feed(probes(() => 'ok', 120));
    expect(trace.health.baseline('health')).toBe(120);
    trace.feed(probes(() => 'ok', 600));
    trace.feed(probes(() => 'ok', 600));
    expect(trace.health.current).toBe('healthy');
    const events = trace.feed(
      probes(() => 'ok', 600),
      30_000,
      { verdict: 'overload', confidence: 0.5 },
    );
    expect(events.map((e) => e.event)).toEqual(['degraded']);
    expect(events[0]!.summary).toMatch(/slow: answers take about 5\.0× its usual time/);
    // The slow spell did not become the new baseline.
    expect(trace.health.baseline('health')).toBe(120);
    for (let i = 0; i < 3; i++) trace.feed(probes(() => 'ok', 130));
    expect(trace.health.current).toBe('healthy');
  });

  it('small absolute slowdowns are not degradation', () => {
    const trace = new Trace();
    for (let i = 0; i < 15; i++) trace.feed(probes(() => 'ok', 20));
    for (let i = 0; i < 10; i++) trace.feed(probes(() => 'ok', 60));
    expect(trace.kinds()).toEqual([]);
  });

  it('uses a seeded baseline until it has its own', () => {
    const health = new TargetHealth({ target: 'Svc', baselines: { health: 100, site: 100, user: 100 } });
    const trace = new Trace(health);
    trace.feed(probes(() => 'ok', 500));
    trace.feed(probes(() => 'ok', 500));
    trace.feed(probes(() => 'ok', 500));
    expect(trace.kinds()).toEqual(['degraded']);
  });

  it('becomes degraded on intermittent errors of one endpoint', () => {
    const trace = new Trace();
    // 4 of every 9 requests fail, never 3 rounds out of 4 mostly failing, never one endpoint 5 times in a row.
    const cycle = [['user'], ['health'], ['site', 'user']];
    for (let k = 0; k < 30; k++) trace.feed(probes((n) => (cycle[k % 3]!.includes(n) ? 'http-5xx' : 'ok')));
    expect(trace.kinds()).toEqual(['degraded']);
    expect(trace.events[0]!.summary).toMatch(/intermittent errors: \d+% of its recent requests failed/);
  });

  it('a restored outage is not announced again, keeps its cause, and the recovery counts from its start', () => {
    const trace = new Trace();
    const outageStart = T0 - 5 * 60_000;
    trace.health.restore({
      state: 'outage',
      since: T0 - 4 * 60_000,
      outageStart,
      lastRoundAt: T0 - 30_000,
      cause: 'overload',
      confidence: 0.8,
    });
    expect(trace.health.status()).toMatchObject({ state: 'outage', cause: 'overload' });
    for (let k = 0; k < 4; k++) trace.feed(allDown, 30_000, { verdict: 'overload', confidence: 0.8 });
    expect(trace.events).toEqual([]);
    const firstGood = trace.t;
    trace.feed(allOk);
    trace.feed(allOk);
    expect(trace.kinds()).toEqual(['recovery']);
    expect(trace.events[0]!.durationMs).toBe(firstGood + 200 - outageStart);
  });

  it('a restored local-network spell with no announced outage ends without a recovery', () => {
    const trace = new Trace();
    trace.health.restore({
      state: 'local-network',
      since: T0 - 60_000,
      outageStart: null,
      lastRoundAt: T0 - 30_000,
      cause: 'local-network',
      confidence: 0.9,
    });
    trace.feed(allOk);
    trace.feed(allOk);
    expect(trace.health.current).toBe('healthy');
    expect(trace.events).toEqual([]);
  });
});
