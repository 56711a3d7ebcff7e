// The data folder as untrusted input: what another local user, a planted link or a corrupt file can
// make of the history and the fingerprint memory, and two processes (the CLI and the app) sharing it.

import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MonitorEvent } from '../../shared/types/monitor';
import { FingerprintTracker } from '../evidence/fingerprint';
import { probe } from '../testing/synthetic';
import type { HistorySample } from './codec';
import { HistoryStore } from './history';

const NOW = Date.UTC(2026, 5, 10, 12);
const TODAY = '2026-06-10';
const posix = process.platform !== 'win32';
const dirs: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'why500-data-'));
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function sample(at: number, target: string, total: number): HistorySample {
  return {
    at,
    target,
    name: 'health',
    path: 'direct',
    outcome: 'ok',
    status: 200,
    timings: { dns: null, connect: null, tls: null, firstByte: total, total },
  };
}

const mode = (path: string) => statSync(path).mode & 0o777;

describe('two processes writing one data folder', () => {
  it('never read one target’s samples back as another’s (the CLI and the app on one WHY500_DATA_DIR)', () => {
    const dir = tempDir();
    const cli = new HistoryStore(dir, { now: () => NOW });
    const app = new HistoryStore(dir, { now: () => NOW });
    // Interleaved appends to the same day's file, each process numbering its own series.
    for (let i = 0; i < 5; i++) {
      cli.appendSamples([sample(NOW - 60_000 + i * 1000, 'CliTarget', 100 + i)]);
      app.appendSamples([sample(NOW - 60_000 + i * 1000 + 500, 'AppTarget', 200 + i)]);
    }
    cli.close();
    app.close();
    const reader = new HistoryStore(dir, { now: () => NOW });
    reader.load();
    const totals = (target: string) => reader.samples(target, 0, NOW).map((s) => s.timings.total);
    expect(totals('CliTarget')).toEqual([100, 101, 102, 103, 104]);
    expect(totals('AppTarget')).toEqual([200, 201, 202, 203, 204]);
  });
});

describe.skipIf(!posix)('a hostile data folder', () => {
  it('creates the folder 0700 and its files 0600', () => {
    const dir = join(tempDir(), 'new');
    const h = new HistoryStore(dir, { now: () => NOW });
    h.appendSamples([sample(NOW, 'T', 1)]);
    h.appendState('T', 'outage', NOW);
    h.close();
    new FingerprintTracker(join(dir, 'fingerprints.json'), () => new Date(NOW)).observe(
      'https://a.test',
      probe(new Date(NOW).toISOString(), { name: 'site', headers: { 'x-build': 'b1' } }),
    );
    expect(mode(dir)).toBe(0o700);
    for (const name of readdirSync(dir)) expect([name, mode(join(dir, name))]).toEqual([name, 0o600]);
  });

  it('does not follow a symlink planted under today’s segment name out of the folder', () => {
    const dir = tempDir();
    const victim = join(tempDir(), 'victim.txt');
    writeFileSync(victim, 'precious\n');
    symlinkSync(victim, join(dir, `samples-${TODAY}.jsonl`));
    symlinkSync(victim, join(dir, `events-${TODAY}.jsonl`));
    const h = new HistoryStore(dir, { now: () => NOW });
    h.load();
    h.appendSamples([sample(NOW, 'T', 1)]);
    h.appendState('T', 'outage', NOW);
    h.close();
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(h.problem).toMatch(/symbolic link/);
  });

  it('neither hangs on a FIFO nor reads /dev/zero forever', () => {
    const dir = tempDir();
    execFileSync('mkfifo', [join(dir, `samples-${TODAY}.jsonl`)]);
    symlinkSync('/dev/zero', join(dir, `events-${TODAY}.jsonl`));
    const h = new HistoryStore(dir, { now: () => NOW });
    const report = h.load();
    expect(report.samples).toBe(0);
    expect(h.problem).not.toBeNull();
  });

  it('bounds every event field read back (an outage "1e308 ms" long is not shown)', () => {
    const dir = tempDir();
    const event = {
      event: 'recovery',
      target: 'T',
      at: new Date(NOW - 1000).toISOString(),
      cause: 'overload',
      summary: 'T is back.',
      durationMs: 1e308,
      confidence: 7,
      localCause: 'the moon',
    };
    writeFileSync(join(dir, `events-${TODAY}.jsonl`), `${JSON.stringify({ kind: 'event', event })}\n`);
    const h = new HistoryStore(dir, { now: () => NOW });
    h.load();
    const back = h.events('T') as (MonitorEvent & Record<string, unknown>)[];
    expect(back).toEqual([
      { event: 'recovery', target: 'T', at: event.at, cause: 'overload', summary: 'T is back.' },
    ]);
  });

  it('does not write the fingerprint memory through a planted temp file or symlink', () => {
    const dir = tempDir();
    const victim = join(tempDir(), 'victim.txt');
    writeFileSync(victim, 'precious\n');
    const file = join(dir, 'fingerprints.json');
    // The name the old code used (`.tmp-<pid>`) and a few guesses around it.
    for (const pid of [process.pid, process.pid + 1]) symlinkSync(victim, `${file}.tmp-${pid}`);
    const tracker = new FingerprintTracker(file, () => new Date(NOW));
    tracker.observe(
      'https://a.test',
      probe(new Date(NOW).toISOString(), { name: 'site', headers: { 'x-build': 'b1' } }),
    );
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(JSON.parse(readFileSync(file, 'utf8')).sites['https://a.test'].current.value).toBe('x-build=b1');
    expect(
      readdirSync(dir).filter(
        (n) => n.includes('.tmp-') && !n.endsWith(`-${process.pid}`) && !n.endsWith(`-${process.pid + 1}`),
      ),
    ).toEqual([]);
  });

  it('refuses a huge or symlinked fingerprint file, and drops absurd values read back', () => {
    const dir = tempDir();
    const file = join(dir, 'fingerprints.json');
    const at = new Date(NOW).toISOString();
    const sighting = (value: string) => ({
      value,
      source: 'version-header',
      firstSeenAt: at,
      lastSeenAt: at,
      seen: 1,
    });
    const memory = (value: string) => ({ current: sighting(value), previous: null, changedAt: null });
    writeFileSync(
      file,
      JSON.stringify({ version: 2, sites: { 'https://big.test': memory('x'.repeat(4_500_000)) } }),
    );
    const huge = new FingerprintTracker(file, () => new Date(NOW));
    expect(huge.evidence('https://big.test', null).current).toBeNull();
    expect(huge.notice).toMatch(/unreadable/);

    writeFileSync(
      file,
      JSON.stringify({
        version: 2,
        sites: {
          'https://long.test': memory('y'.repeat(100_000)),
          'https://odd.test': { ...memory('b1'), current: { ...sighting('b1'), seen: 1e308 } },
          'https://ok.test': memory('x-build=b7'),
        },
      }),
    );
    const read = new FingerprintTracker(file, () => new Date(NOW));
    expect(read.evidence('https://long.test', null).current).toBeNull();
    expect(read.evidence('https://odd.test', null).current).toBeNull();
    expect(read.evidence('https://ok.test', null).current).toBe('x-build=b7');

    const elsewhere = join(tempDir(), 'elsewhere.json');
    writeFileSync(elsewhere, JSON.stringify({ version: 2, sites: { 'https://ok.test': memory('secret') } }));
    rmSync(file);
    symlinkSync(elsewhere, file);
    expect(
      new FingerprintTracker(file, () => new Date(NOW)).evidence('https://ok.test', null).current,
    ).toBeNull();
    expect(existsSync(elsewhere)).toBe(true);
  });
});
