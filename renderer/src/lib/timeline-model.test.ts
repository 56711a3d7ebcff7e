// Timeline model: bucketing, error kinds, scales and the text summary.
import { describe, it, expect } from 'vitest';
import { bucketize, errorKind, latencyScale, statusSpans, summarize } from './timeline-model';
import type { Verdict } from '../../../shared/types/diagnosis';
import { timeAxis } from './time-axis';
import { FIXTURE_NOW, incidentStatus, overloadTimeline } from '../testing/fixtures';
import type { TimelineData } from '../../../shared/ipc/contract';

describe('errorKind', () => {
  it('groups outcomes into the chart kinds', () => {
    expect(errorKind('ok')).toBeNull();
    expect(errorKind('body-too-large')).toBeNull();
    expect(errorKind('http-5xx')).toBe('server');
    expect(errorKind('http-4xx')).toBe('client');
    expect(errorKind('timeout-headers')).toBe('timeout');
    expect(errorKind('dns')).toBe('network');
    expect(errorKind('challenge')).toBe('challenge');
  });
});

describe('bucketize', () => {
  it('puts every direct sample into one bucket and counts errors by kind', () => {
    const data = overloadTimeline('hour');
    const buckets = bucketize(data, 60);
    expect(buckets).toHaveLength(60);
    expect(buckets.reduce((n, b) => n + b.samples, 0)).toBe(data.samples.length);
    const failures = data.samples.filter((s) => s.outcome !== 'ok').length;
    const counted = buckets.reduce((n, b) => n + b.errors.server + b.errors.timeout, 0);
    expect(counted).toBe(failures);
    // Before the outage every bucket answered fast; in it, first byte dominates.
    expect(buckets[0]!.medianTotal).toBeLessThan(400);
    expect(buckets[59]!.phases.firstByte).toBeGreaterThan(1500);
  });

  it('ignores other paths and samples outside the range', () => {
    const data: TimelineData = {
      ...overloadTimeline('hour'),
      samples: [
        {
          at: new Date(FIXTURE_NOW - 60_000).toISOString(),
          name: 'x',
          path: 'control',
          outcome: 'ok',
          status: 200,
          timings: { dns: 1, connect: 1, tls: 1, firstByte: 1, total: 5 },
        },
        {
          at: new Date(FIXTURE_NOW + 60_000).toISOString(),
          name: 'x',
          path: 'direct',
          outcome: 'ok',
          status: 200,
          timings: { dns: 1, connect: 1, tls: 1, firstByte: 1, total: 5 },
        },
      ],
    };
    expect(bucketize(data, 10).every((b) => b.samples === 0 && b.medianTotal === null)).toBe(true);
  });
});

describe('scales', () => {
  it('rounds the latency axis up to a readable step', () => {
    const { max, ticks } = latencyScale(bucketize(overloadTimeline('hour'), 60));
    expect(max).toBeGreaterThanOrEqual(3000);
    expect(ticks[0]).toBe(0);
    expect(ticks.at(-1)).toBe(max);
    expect(ticks.length).toBeLessThanOrEqual(6);
  });
});

describe('statusSpans and summarize', () => {
  it('turns incidents and maintenance into spans', () => {
    const spans = statusSpans(incidentStatus(), FIXTURE_NOW);
    expect(spans.map((s) => s.kind)).toEqual(['incident', 'maintenance']);
    expect(spans[0]!.to).toBe(FIXTURE_NOW);
  });

  it('describes checks, failures, outage band and deploy in words', () => {
    const data = overloadTimeline('day');
    const text = summarize(data, bucketize(data, 96), FIXTURE_NOW);
    expect(text).toMatch(/^Over the last day: 288 checks, \d+ failed/);
    expect(text).toMatch(/Down from .* until now \(22 min\)/);
    expect(text).toMatch(/Degraded from .* to .* \(4 min\)/);
    expect(text).toContain('The site changed its build at');
  });

  it('words each band by its cause as every other surface does: a refused account is not an outage', () => {
    const data = overloadTimeline('day');
    const [degraded, outage] = data.bands;
    const label = (cause: Verdict | null) => {
      const bands = [degraded!, { ...outage!, cause }];
      return summarize({ ...data, bands }, bucketize(data, 96), FIXTURE_NOW);
    };
    expect(label('account')).toMatch(/Refuses your account from .* until now/);
    expect(label('account')).not.toMatch(/Outage|Down/);
    expect(label('maintenance')).toMatch(/Maintenance from .* until now/);
    expect(label(null)).toMatch(/Failing from .* until now/);
  });

  it('says when nothing was recorded', () => {
    const data = { ...overloadTimeline('week'), samples: [] };
    expect(summarize(data, bucketize(data, 84), FIXTURE_NOW)).toBe(
      'No checks were recorded over the last week.',
    );
  });
});

describe('absurd values from a hostile or corrupt history', () => {
  const absurd = (): TimelineData => {
    const data = overloadTimeline('hour');
    const at = data.samples[10]!.at;
    const bad = (total: number, firstByte: number | null = 1) => ({
      at,
      name: 'site',
      path: 'direct' as const,
      outcome: 'ok' as const,
      status: 200,
      timings: { dns: 1, connect: 1, tls: 1, firstByte, total },
    });
    data.samples.push(bad(1e308), bad(Infinity), bad(Number.NaN), bad(-5), bad(100, 1e308));
    return data;
  };

  it('leaves implausible samples out, and the axis stays finite with few ticks', () => {
    const data = absurd();
    const buckets = bucketize(data, 60);
    expect(buckets.reduce((n, b) => n + b.samples, 0)).toBe(data.samples.length - 5);
    const scale = latencyScale(buckets);
    expect(Number.isFinite(scale.max)).toBe(true);
    expect(scale.ticks.length).toBeLessThanOrEqual(11);
    expect(summarize(data, buckets, FIXTURE_NOW)).not.toMatch(/e\+|Infinity|NaN/);
  });

  it('caps a latency scale fed absurd buckets directly', () => {
    const [bucket] = bucketize(overloadTimeline('hour'), 1);
    const scale = latencyScale([{ ...bucket!, phases: { ...bucket!.phases, rest: 1e308 } }]);
    expect(scale.max).toBe(600_000);
    expect(scale.ticks).toHaveLength(11);
  });

  it('caps bucket and tick counts, and has none for an invalid span', () => {
    const data = overloadTimeline('hour');
    expect(bucketize(data, 1e9)).toHaveLength(500);
    expect(bucketize({ ...data, from: 'garbage' }, 60)).toEqual([]);
    expect(timeAxis(0, 8.64e15).ticks.length).toBeLessThanOrEqual(60);
    expect(timeAxis(0, Infinity).ticks).toEqual([]);
    expect(timeAxis(10, 0).ticks).toEqual([]);
  });
});
