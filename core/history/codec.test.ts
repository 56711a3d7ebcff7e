// The history codec against hostile or corrupt files: absurd numbers are skipped and counted, and
// (property) any line decodes to a well-formed record or to null, never an exception.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_TIMING_MS } from '../../shared/text/sanitize';
import { decodeRecord, encodeSegment, isSampleRow, type HistorySample } from './codec';
import { HistoryStore } from './history';

const NOW = Date.UTC(2026, 5, 10, 12);
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function sample(at: number, total = 120): HistorySample {
  return {
    at,
    target: 'Svc',
    name: 'health',
    path: 'direct',
    outcome: 'ok',
    status: 200,
    timings: { dns: 1, connect: 2, tls: 3, firstByte: 50, total },
  };
}

describe('absurd values in a history file', () => {
  it('skips and counts a sample with a total of 1e308, and the timeline stays plausible', () => {
    const dir = mkdtempSync(join(tmpdir(), 'why500-codec-'));
    dirs.push(dir);
    const day = new Date(NOW).toISOString().slice(0, 10);
    const lines = encodeSegment([sample(NOW - 3_000), sample(NOW - 2_000)]).split('\n');
    const absurd = [
      `[${NOW - 1_000},0,"ok",200,1,1,1,1,1e308]`,
      `[${NOW - 1_000},0,"ok",200,-1,1,1,1,10]`,
      `[${NOW - 1_000},0,"ok",200,1,1,1,1e300,10]`,
      `[${NOW - 1_000},0,"ok",99999,1,1,1,1,10]`,
      `[1e300,0,"ok",200,1,1,1,1,10]`,
      `[${NOW - 1_000},1e300,"ok",200,1,1,1,1,10]`,
      '{"series":1e300,"target":"x","name":"y","path":"direct"}',
    ];
    writeFileSync(join(dir, `samples-${day}.jsonl`), [...lines.slice(0, 3), ...absurd, ''].join('\n'));
    writeFileSync(
      join(dir, `events-${day}.jsonl`),
      `{"kind":"state","at":1e308,"target":"Svc","state":"outage"}\n{"kind":"deploy","at":${NOW},"target":"Svc","fingerprint":"a"}\n`,
    );
    const store = new HistoryStore(dir, { now: () => NOW });
    expect(store.load()).toMatchObject({ samples: 2, corrupt: absurd.length + 1, records: 1 });
    const timeline = store.timeline('Svc', 'hour', NOW);
    expect(timeline.samples.map((s) => s.timings.total)).toEqual([120, 120]);
    store.close();
  });
});

describe('decoders on arbitrary input', () => {
  const anyJson = fc.oneof(
    fc.jsonValue(),
    fc.tuple(
      fc.oneof(fc.double(), fc.integer()),
      fc.oneof(fc.integer(), fc.double()),
      fc.constantFrom('ok', 'http-5xx', 'dns', 'nope'),
      fc.oneof(fc.constant(null), fc.integer(), fc.double()),
      ...Array.from({ length: 4 }, () => fc.oneof(fc.constant(null), fc.double())),
      fc.double(),
    ),
  );

  it('a sample row passes only with plausible numbers', () => {
    fc.assert(
      fc.property(anyJson, (v) => {
        if (!isSampleRow(v)) return;
        const [at, series, , status, ...timings] = v;
        expect(at).toBeGreaterThanOrEqual(0);
        expect(Number.isSafeInteger(series)).toBe(true);
        if (status !== null) expect(status >= 100 && status <= 999).toBe(true);
        for (const t of timings) if (t !== null) expect(t >= 0 && t <= MAX_TIMING_MS).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('any line decodes to a record or null, never throwing', () => {
    const line = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc
        .record({
          kind: fc.constantFrom('state', 'deploy', 'event', 'x'),
          at: fc.oneof(fc.double(), fc.string()),
          target: fc.oneof(fc.string(), fc.integer()),
          state: fc.constantFrom('healthy', 'outage', 'bad'),
          fingerprint: fc.string(),
          event: fc.jsonValue(),
        })
        .map((r) => JSON.stringify(r)),
    );
    fc.assert(
      fc.property(line, (text) => {
        const r = decodeRecord(text);
        if (r && r.kind !== 'event') expect(Number.isFinite(r.at) && r.at >= 0).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
