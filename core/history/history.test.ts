// Tests of the persisted history: append, reload, retention, torn and corrupt lines, timelines, baselines.

import { describe, it, expect, afterEach } from 'vitest';
import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MonitorEvent, Round } from '../../shared/types/monitor';
import { encodeSample, encodeSegment, type HistorySample } from './codec';
import { HistoryStore } from './history';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 5, 10, 12);
const dirs: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'why500-history-'));
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function sample(at: number, overrides: Partial<HistorySample> = {}): HistorySample {
  return {
    at,
    target: 'Svc',
    name: 'health',
    path: 'direct',
    outcome: 'ok',
    status: 200,
    timings: { dns: 1.5, connect: 2.25, tls: null, firstByte: 100, total: 120 },
    ...overrides,
  };
}

const outage: MonitorEvent = {
  event: 'outage',
  target: 'Svc',
  at: new Date(NOW - 60_000).toISOString(),
  cause: 'overload',
  summary: 'Svc is down.',
};

describe('HistoryStore', () => {
  it('appends samples and events and loads them back in a new store', () => {
    const dir = tempDir();
    const a = new HistoryStore(dir, { now: () => NOW });
    a.appendSamples([sample(NOW - 120_000), sample(NOW - 90_000, { outcome: 'http-5xx', status: 500 })]);
    a.appendEvent(outage);
    a.appendState('Svc', 'outage', NOW - 60_000);
    a.appendDeploy('Svc', 'build-2', NOW - 100_000);
    a.close();
    const b = new HistoryStore(dir, { now: () => NOW });
    const report = b.load();
    expect(report).toMatchObject({ samples: 2, records: 3, corrupt: 0 });
    const timeline = b.timeline('Svc', 'hour');
    expect(timeline.samples.map((s) => [s.outcome, s.status, s.timings.total, s.timings.tls])).toEqual([
      ['ok', 200, 120, null],
      ['http-5xx', 500, 120, null],
    ]);
    expect(timeline.samples[0]!.timings.connect).toBe(2.25);
    expect(timeline.events).toEqual([outage]);
    expect(timeline.deploys).toEqual([{ at: new Date(NOW - 100_000).toISOString(), fingerprint: 'build-2' }]);
    expect(timeline.bands).toEqual([
      { state: 'outage', from: new Date(NOW - 60_000).toISOString(), to: null, cause: 'overload' },
    ]);
    expect(b.lastState('Svc')?.state).toBe('outage');
  });

  it('gives each state band the cause its last event named, so a refusal of one account is not an outage', () => {
    const store = new HistoryStore(tempDir(), { now: () => NOW });
    const at = (ms: number) => new Date(NOW - ms).toISOString();
    store.appendState('Svc', 'outage', NOW - 50 * 60_000);
    store.appendEvent({ ...outage, at: at(50 * 60_000), cause: 'unknown' });
    store.appendEvent({ ...outage, event: 'cause-changed', at: at(45 * 60_000), cause: 'account' });
    store.appendState('Svc', 'healthy', NOW - 40 * 60_000);
    store.appendEvent({ ...outage, event: 'recovery', at: at(40 * 60_000), cause: null });
    store.appendState('Svc', 'outage', NOW - 10 * 60_000);
    store.appendEvent({ ...outage, at: at(10 * 60_000), cause: 'maintenance' });
    expect(store.timeline('Svc', 'hour').bands.map((b) => [b.from, b.cause])).toEqual([
      [at(50 * 60_000), 'account'],
      [at(10 * 60_000), 'maintenance'],
    ]);
  });

  it('stores only what the timeline needs from a round: no bodies, headers or tokens', () => {
    const dir = tempDir();
    const store = new HistoryStore(dir, { now: () => NOW });
    const round: Round = {
      target: 'Svc',
      startedAt: new Date(NOW).toISOString(),
      finishedAt: new Date(NOW + 100).toISOString(),
      status: null,
      probes: [
        {
          name: 'user',
          url: 'https://svc.test/user',
          path: 'direct',
          auth: true,
          at: new Date(NOW).toISOString(),
          status: 401,
          outcome: 'http-4xx',
          error: 'HTTP 401',
          timings: { dns: null, connect: null, tls: null, firstByte: 40, total: 41 },
          headers: { 'x-secret-header': 'SECRET-HEADER' },
          body: 'SECRET-BODY',
          bodyBytes: 11,
          remoteAddress: '10.0.0.1',
          redirects: 0,
          finalUrl: 'https://svc.test/user',
        },
      ],
    };
    store.appendRound(round);
    store.close();
    const text = readdirSync(dir)
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('');
    expect(text).not.toMatch(/SECRET|svc\.test|10\.0\.0\.1/);
    expect(text).toContain('"user"');
  });

  it('skips and counts a corrupt line in the middle, never failing', () => {
    const dir = tempDir();
    const day = new Date(NOW).toISOString().slice(0, 10);
    const file = join(dir, `samples-${day}.jsonl`);
    const good = encodeSegment([sample(NOW - 3_000), sample(NOW - 2_000)]).split('\n');
    // A definition, a sample, three bad lines (garbage, wrong shape, an undefined series), a sample.
    writeFileSync(
      file,
      [good[0], good[1], '{not json', '[1,"bad types"]', '[1,7,"ok",200,1,1,1,1,1]', good[2], ''].join('\n'),
    );
    writeFileSync(join(dir, `events-${day}.jsonl`), '{"kind":"event","event":{"event":"nonsense"}}\n');
    const store = new HistoryStore(dir, { now: () => NOW });
    const report = store.load();
    expect(report).toMatchObject({ samples: 2, corrupt: 4, records: 0 });
    expect(store.corruptLines).toBe(4);
  });

  it('survives a torn last line: it is skipped, and the next append starts on a fresh line', () => {
    const dir = tempDir();
    const a = new HistoryStore(dir, { now: () => NOW });
    a.appendSamples([sample(NOW - 5_000), sample(NOW - 4_000)]);
    a.close();
    const day = new Date(NOW).toISOString().slice(0, 10);
    const file = join(dir, `samples-${day}.jsonl`);
    // A kill in the middle of writing the third record.
    appendFileSync(file, encodeSample(sample(NOW - 3_000), 0).slice(0, 25));
    const b = new HistoryStore(dir, { now: () => NOW });
    expect(b.load()).toMatchObject({ samples: 2, corrupt: 1 });
    b.appendSamples([sample(NOW - 1_000)]);
    b.close();
    const c = new HistoryStore(dir, { now: () => NOW });
    expect(c.load()).toMatchObject({ samples: 3, corrupt: 1 });
  });

  it('deletes samples after 7 days and events after 90 days', () => {
    const dir = tempDir();
    const old = new HistoryStore(dir, { now: () => NOW - 10 * DAY });
    old.appendSamples([sample(NOW - 10 * DAY)]);
    old.appendEvent({ ...outage, at: new Date(NOW - 10 * DAY).toISOString() });
    old.close();
    const ancient = new HistoryStore(dir, { now: () => NOW - 100 * DAY });
    ancient.appendEvent({ ...outage, at: new Date(NOW - 100 * DAY).toISOString() });
    ancient.close();
    const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
    writeFileSync(join(dir, `samples-${dayOf(NOW - 6 * DAY)}.jsonl`), encodeSegment([sample(NOW - 6 * DAY)]));
    writeFileSync(join(dir, `samples-${dayOf(NOW)}.jsonl`), encodeSegment([sample(NOW - 1_000)]));
    expect(readdirSync(dir)).toHaveLength(5);
    const store = new HistoryStore(dir, { now: () => NOW });
    const report = store.load();
    expect(report).toMatchObject({ samples: 2, records: 1 });
    const files = readdirSync(dir).sort();
    expect(files).toEqual([
      `events-${new Date(NOW - 10 * DAY).toISOString().slice(0, 10)}.jsonl`,
      `samples-${new Date(NOW - 6 * DAY).toISOString().slice(0, 10)}.jsonl`,
      `samples-${new Date(NOW).toISOString().slice(0, 10)}.jsonl`,
    ]);
    expect(store.events('Svc')).toHaveLength(1);
  });

  it('prunes when the day rolls over while running', () => {
    const dir = tempDir();
    let now = NOW - 8 * DAY;
    const store = new HistoryStore(dir, { now: () => now });
    store.appendSamples([sample(now)]);
    const firstFile = join(dir, `samples-${new Date(now).toISOString().slice(0, 10)}.jsonl`);
    expect(existsSync(firstFile)).toBe(true);
    now = NOW;
    store.appendSamples([sample(now)]);
    expect(existsSync(firstFile)).toBe(false);
    store.close();
  });

  it('keeps memory bounded: only the newest maxSamples stay in memory', () => {
    const dir = tempDir();
    const store = new HistoryStore(dir, { now: () => NOW, maxSamples: 1_000 });
    const samples: HistorySample[] = [];
    for (let i = 0; i < 5_000; i++)
      samples.push(sample(NOW - (5_000 - i) * 100, { timings: { ...sample(0).timings, total: i } }));
    store.appendSamples(samples);
    store.close();
    expect(store.sampleCount).toBe(1_000);
    expect(store.sampleBytes).toBeLessThanOrEqual(1_000 * 33);
    const kept = store.samples('Svc', 0, NOW, 10_000);
    expect(kept).toHaveLength(1_000);
    expect(kept[0]!.timings.total).toBe(4_000);
    expect(kept.at(-1)!.timings.total).toBe(4_999);
    // Everything is still on disk.
    const reloaded = new HistoryStore(dir, { now: () => NOW });
    expect(reloaded.load().samples).toBe(5_000);
  });

  it('downsamples long ranges, keeping failures and peaks visible', () => {
    const dir = tempDir();
    const store = new HistoryStore(dir, { now: () => NOW, maxPointsPerSeries: 100 });
    const samples: HistorySample[] = [];
    for (let i = 0; i < 2_880; i++) {
      const at = NOW - DAY + i * 30_000;
      samples.push(
        sample(
          at,
          i === 1_000
            ? { outcome: 'timeout-headers', status: null }
            : { timings: { ...sample(0).timings, total: i === 2_000 ? 9_999 : 120 } },
        ),
      );
    }
    store.appendSamples(samples);
    store.close();
    const day = store.timeline('Svc', 'day', NOW);
    expect(day.samples.length).toBeLessThanOrEqual(101);
    expect(day.samples.some((s) => s.outcome === 'timeout-headers')).toBe(true);
    expect(day.samples.some((s) => s.timings.total === 9_999)).toBe(true);
    expect(store.timeline('Svc', 'hour', NOW).samples).toHaveLength(100);
    expect(store.samples('Svc', NOW - 3_600_000, NOW, 1_000)).toHaveLength(120);
  });

  it('gives per-endpoint baselines: the median of recent healthy samples', () => {
    const dir = tempDir();
    const store = new HistoryStore(dir, { now: () => NOW });
    const totals = [100, 300, 200, 150, 250];
    store.appendSamples(
      totals.map((total, i) => sample(NOW - 10_000 + i, { timings: { ...sample(0).timings, total } })),
    );
    store.appendSamples([
      sample(NOW - 1, { outcome: 'http-5xx', status: 500, timings: { ...sample(0).timings, total: 5 } }),
    ]);
    store.close();
    expect(store.baseline('Svc', 'health')).toBe(200);
    expect(store.baselines('Svc', ['health', 'site'])).toEqual({ health: 200, site: null });
    // Endpoint names are user data: one named like an Object member has no baseline, not the member.
    expect(Object.entries(store.baselines('Svc', ['__proto__', 'constructor']))).toEqual([
      ['__proto__', null],
      ['constructor', null],
    ]);
  });

  it('keeps working in memory when the directory cannot be used, saying so once', () => {
    const dir = tempDir();
    const file = join(dir, 'not-a-dir');
    writeFileSync(file, 'x');
    const store = new HistoryStore(join(file, 'history'), { now: () => NOW });
    store.appendSamples([sample(NOW)]);
    store.appendEvent(outage);
    expect(store.load()).toMatchObject({ samples: 0 });
    expect(store.problem).toMatch(/not writable or readable/);
    expect(store.events('Svc')).toEqual([]);
  });
});
