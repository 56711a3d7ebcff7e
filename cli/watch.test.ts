// `why500 watch --json` for real: a fake service fails then recovers; Ctrl-C stops the CLI cleanly.

import { describe, it, expect } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { MonitorEvent } from '../shared/types/monitor';
import { standingClause, standingOf } from '../shared/vocabulary/standing';
import { useFakeWorld } from './testing/fake-world';
import { cleanEnv, startCli } from './testing/run-cli';

const TOKEN = 'feed0000feed0000feed0000feed0000feed0000';
const world = useFakeWorld('why500-watch-', TOKEN);

describe('watch --json', () => {
  it('prints an outage line then a recovery line as the service fails and recovers, and stops cleanly on SIGINT', async () => {
    world.fake.mode = 'ok';
    const dataDir = join(world.dir, 'data');
    // WHY500_MIN_INTERVAL_MS is the hidden test-only knob that allows a sub-second interval.
    const child = startCli(
      ['watch', '--config', world.configPath, '--json', '--interval', '0.3', '--data-dir', dataDir],
      {
        ...cleanEnv(world.dir, { WHY500_FAKE_TOKEN: TOKEN, WHY500_MIN_INTERVAL_MS: '100' }),
      },
    );
    const events: MonitorEvent[] = [];
    let stderr = '';
    let buffer = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        events.push(JSON.parse(buffer.slice(0, nl)) as MonitorEvent);
        buffer = buffer.slice(nl + 1);
      }
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    const seen = (kind: string) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no ${kind} event; got ${JSON.stringify(events)} ${stderr}`)),
          12_000,
        );
        const poll = () => {
          if (events.some((e) => e.event === kind)) {
            clearTimeout(timer);
            resolve();
          } else setTimeout(poll, 50);
        };
        poll();
      });
    try {
      // A few healthy rounds first, then the failure.
      await seen('state');
      await new Promise((r) => setTimeout(r, 1200));
      expect(events.filter((e) => e.event === 'outage')).toEqual([]);
      // The current state comes first, once, after the first round.
      expect(events[0]).toMatchObject({ event: 'state', target: 'Fake', standing: 'working' });
      expect(events.filter((e) => (e.event as string) === 'state')).toHaveLength(1);
      world.fake.mode = 'down';
      await seen('outage');
      world.fake.mode = 'ok';
      await seen('recovery');
    } finally {
      world.fake.mode = 'ok';
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    expect(stderr).toBe(world.tokenNotice());
    const kinds = events.map((e) => e.event);
    expect(kinds.filter((k) => k === 'outage')).toHaveLength(1);
    expect(kinds.indexOf('outage')).toBeLessThan(kinds.indexOf('recovery'));
    const outage = events.find((e) => e.event === 'outage')!;
    expect(Object.keys(outage).slice(0, 5)).toEqual(['event', 'target', 'at', 'cause', 'summary']);
    expect(outage.target).toBe('Fake');
    expect(new Date(outage.at).toISOString()).toBe(outage.at);
    // Worded by the one rule every surface uses, and the standing said as data too.
    const standing = standingOf('outage', outage.cause);
    expect((outage as unknown as { standing: string }).standing).toBe(standing);
    expect(outage.summary.startsWith(`${standingClause('Fake', standing)}: `)).toBe(true);
    const recovery = events.find((e) => e.event === 'recovery')!;
    expect(recovery.durationMs).toBeGreaterThan(0);
    expect(JSON.stringify(events)).not.toContain(TOKEN);
    // Stopping flushed the history to the data folder.
    const historyFiles = readdirSync(join(dataDir, 'history'));
    expect(historyFiles.some((f) => f.startsWith('samples-'))).toBe(true);
    expect(historyFiles.some((f) => f.startsWith('events-'))).toBe(true);
  }, 25_000);
});
