// The history when one disk write fails for a moment (EIO): what reaches the disk must still load back
// under the right endpoint. node:fs is wrapped so a test can make the next writes fail.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import type * as FS from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HistorySample } from './codec';
import { HistoryStore } from './history';

const failing = vi.hoisted(() => ({ writes: 0 }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof FS>();
  const writeSync = ((...args: Parameters<typeof fs.writeSync>) => {
    if (failing.writes > 0) {
      failing.writes--;
      throw Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' });
    }
    return (fs.writeSync as (...a: unknown[]) => number)(...args);
  }) as typeof fs.writeSync;
  return { ...fs, default: { ...fs, writeSync }, writeSync };
});

const NOW = Date.UTC(2026, 5, 10, 12);
const dirs: string[] = [];

afterEach(() => {
  failing.writes = 0;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function sample(at: number, name: string, status: number): HistorySample {
  return {
    at,
    target: 'Svc',
    name,
    path: 'direct',
    outcome: status < 400 ? 'ok' : 'http-5xx',
    status,
    timings: { dns: null, connect: null, tls: null, firstByte: 10, total: 12 },
  };
}

describe('HistoryStore with a failed write', () => {
  it('never files a sample under a series another run defined when its own definition was not written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'why500-history-fail-'));
    dirs.push(dir);
    const first = new HistoryStore(dir, { now: () => NOW });
    first.appendSamples([sample(NOW - 60_000, 'health', 200)]);
    first.close();

    // A restart on the same day: the first line it writes (the "user" series definition) fails once.
    const second = new HistoryStore(dir, { now: () => NOW });
    failing.writes = 1;
    second.appendSamples([sample(NOW - 30_000, 'user', 503)]);
    second.appendSamples([sample(NOW - 20_000, 'user', 502)]);
    second.close();

    const third = new HistoryStore(dir, { now: () => NOW });
    expect(third.load().corrupt).toBe(0);
    const loaded = third.samples('Svc', 0, NOW).map((s) => [s.name, s.status]);
    expect(loaded).toEqual([
      ['health', 200],
      ['user', 502],
    ]);
    third.close();
  });
});
