// A restart in the middle of an outage: one Monitor writes a real history folder, a second one loads it
// and carries on from the saved state, so the outage is not announced twice and the recovery tells the
// outage's whole length. After a long gap the saved state is not trusted.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MonitorEvent } from '../../shared/types/monitor';
import { HistoryStore } from '../history/history';
import { Monitor } from './monitor';
import { RESTORE_MAX_AGE_MS } from './restore';
import { seededRandom } from './random';
import { simulatedProbe } from '../testing/simulated-probe';
import { stubDiagnosis, SVC_CONFIG } from '../testing/test-rounds';
import { VirtualClock } from '../testing/virtual-clock';

const WALL = Date.UTC(2026, 5, 1, 12);

const config = SVC_CONFIG;

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A monitor over a history folder, on a virtual clock starting at `wallStart`, down while `down(ms since start)`. */
function run(dir: string, wallStart: number, down: (sinceStart: number) => boolean) {
  const clock = new VirtualClock({ wallStart });
  const history = new HistoryStore(dir, { now: () => clock.wallNow() });
  history.load();
  const { probe } = simulatedProbe(clock, (r, now) =>
    r.path !== 'control' && down(now)
      ? { outcome: 'http-5xx', latencyMs: 80 }
      : { outcome: 'ok', latencyMs: 120 },
  );
  const events: MonitorEvent[] = [];
  const monitor = new Monitor(config, {
    probe,
    diagnose: (rounds, c) =>
      stubDiagnosis(
        c.target.name,
        rounds.at(-1)!.probes.some((p) => p.outcome !== 'ok') ? 'overload' : 'healthy',
      ),
    history,
    clock,
    random: seededRandom(7),
  });
  monitor.onEvent((e) => events.push(e));
  return { clock, monitor, events };
}

/** First run: healthy for a minute, then down; stops (flushing the history) once the outage is announced. */
async function firstRunIntoOutage(dir: string) {
  const first = run(dir, WALL, (t) => t >= 60_000);
  first.monitor.start();
  await first.clock.advanceTo(5 * 60_000);
  await first.monitor.stop();
  expect(first.events.map((e) => e.event)).toEqual(['outage']);
  expect(first.monitor.statuses()[0]!.state).toBe('outage');
  const firstFailing = first.monitor
    .recentRounds('Svc')
    .find((r) => r.probes.some((p) => p.path === 'direct' && p.outcome !== 'ok'))!;
  return {
    stoppedAt: first.clock.wallNow(),
    outageAt: Date.parse(first.events[0]!.at),
    outageBegan: Date.parse(firstFailing.finishedAt),
  };
}

describe('Monitor restart', () => {
  it('continues an outage after a short restart: no second outage, one recovery with the whole duration', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'why500-restart-'));
    dirs.push(dir);
    const { stoppedAt, outageAt, outageBegan } = await firstRunIntoOutage(dir);
    expect(outageBegan).toBeLessThan(outageAt);

    // Back 40 s later; still down for 3 more minutes, then fine.
    const restartAt = stoppedAt + 40_000;
    const second = run(dir, restartAt, (t) => t < 3 * 60_000);
    const before = second.monitor.statuses()[0]!;
    expect(before.state).toBe('outage');
    expect(before.cause).toBe('overload');
    expect(Date.parse(before.since)).toBe(outageAt);
    second.monitor.start();
    await second.clock.advanceTo(10 * 60_000);
    await second.monitor.stop();

    expect(second.events.map((e) => e.event)).toEqual(['recovery']);
    // From the first run's first failing round to the second run's first good one.
    const firstGood = second.monitor
      .recentRounds('Svc')
      .find((r) => r.probes.every((p) => p.outcome === 'ok'))!;
    expect(second.events[0]!.durationMs).toBe(Date.parse(firstGood.finishedAt) - outageBegan);
    expect(Date.parse(firstGood.finishedAt)).toBeGreaterThanOrEqual(restartAt + 3 * 60_000);
    expect(second.monitor.statuses()[0]!.state).toBe('healthy');
  });

  it('after a long gap the saved outage is not trusted: it starts unknown and announces afresh', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'why500-restart-'));
    dirs.push(dir);
    const { stoppedAt } = await firstRunIntoOutage(dir);

    const second = run(dir, stoppedAt + RESTORE_MAX_AGE_MS + 60_000, (t) => t < 3 * 60_000);
    expect(second.monitor.statuses()[0]!.state).toBe('unknown');
    second.monitor.start();
    await second.clock.advanceTo(10 * 60_000);
    await second.monitor.stop();
    expect(second.events.map((e) => e.event)).toEqual(['outage', 'recovery']);
    expect(second.events[1]!.durationMs).toBeLessThan(4 * 60_000);
  });

  it('a recent healthy state carries its "since" over a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'why500-restart-'));
    dirs.push(dir);
    const first = run(dir, WALL, () => false);
    first.monitor.start();
    await first.clock.advanceTo(2 * 60_000);
    await first.monitor.stop();
    const since = first.monitor.statuses()[0]!.since;
    expect(first.monitor.statuses()[0]!.state).toBe('healthy');

    const second = run(dir, first.clock.wallNow() + 10_000, () => false);
    expect(second.monitor.statuses()[0]).toMatchObject({ state: 'healthy', since });
    second.monitor.start();
    await second.clock.advanceTo(60_000);
    await second.monitor.stop();
    expect(second.events).toEqual([]);
  });
});
