// Tests of the monitor on a virtual clock: scheduling, events, pause/resume, history.

import { describe, it, expect } from 'vitest';
import type { DiagnoseProgress } from '../../shared/ipc/contract';
import type { ResolvedConfig } from '../../shared/types/config';
import type { Verdict } from '../../shared/types/diagnosis';
import type { MonitorEvent, Round } from '../../shared/types/monitor';
import type { ProbeRequest } from '../probe/types';
import { Monitor } from './monitor';
import type { DiagnoseContext } from './monitor-types';
import { seededRandom } from './random';
import { simulatedProbe, type SimulatedAnswer } from '../testing/simulated-probe';
import { stubDiagnosis } from '../testing/test-rounds';
import { VirtualClock } from '../testing/virtual-clock';

const TOKEN = 'tok-0123456789abcdef0123456789abcdef01234567';

const config: ResolvedConfig = {
  intervalSeconds: 30,
  controls: ['https://control.test/204'],
  alternatePath: null,
  browserProfiles: [],
  targets: [
    {
      name: 'Svc',
      site: 'https://svc.test/',
      endpoints: [
        { name: 'health', url: 'https://api.svc.test/health' },
        { name: 'user', url: 'https://api.svc.test/user/', auth: true },
      ],
      statusPage: 'https://status.svc.test',
      auth: { scheme: 'Token' },
    },
  ],
};

/** A monitor over a simulated service that is down while `down(now)` says so. */
function setup(options: { down?: (now: number) => boolean; cause?: (rounds: Round[]) => Verdict } = {}) {
  const clock = new VirtualClock({ wallStart: Date.UTC(2026, 5, 1) });
  const down = options.down ?? (() => false);
  const { probe, log } = simulatedProbe(clock, (r: ProbeRequest, now): SimulatedAnswer => {
    if (r.path === 'control') return { outcome: 'ok', latencyMs: 30 };
    return down(now) ? { outcome: 'http-5xx', latencyMs: 80 } : { outcome: 'ok', latencyMs: 150 };
  });
  const contexts: DiagnoseContext[] = [];
  const events: MonitorEvent[] = [];
  const monitor = new Monitor(
    config,
    {
      probe,
      readStatus: async () => ({ snapshot: null, stale: false, unavailable: null }),
      diagnose: (rounds, context) => {
        contexts.push(context);
        const verdict =
          options.cause?.(rounds) ??
          (rounds.at(-1)!.probes.some((p) => p.outcome !== 'ok') ? 'overload' : 'healthy');
        return stubDiagnosis(context.target.name, verdict);
      },
      tokens: { get: () => TOKEN },
      clock,
      random: seededRandom(3),
    },
    {},
  );
  monitor.onEvent((e) => events.push(e));
  return { clock, monitor, log, events, contexts };
}

describe('Monitor', () => {
  it('detects an outage quickly, backs off to ≤ 2 requests a minute per endpoint, and notices recovery within 60 s', async () => {
    const outageFrom = 600_000 + 12_345;
    const outageTo = outageFrom + 10 * 60_000;
    const { clock, monitor, log, events } = setup({ down: (t) => t >= outageFrom && t < outageTo });
    monitor.start();
    await clock.advanceTo(outageTo + 5 * 60_000);
    await monitor.stop();
    expect(events.map((e) => e.event)).toEqual(['outage', 'recovery']);
    const outageAt = Date.parse(events[0]!.at) - Date.UTC(2026, 5, 1);
    const recoveryAt = Date.parse(events[1]!.at) - Date.UTC(2026, 5, 1);
    expect(outageAt - outageFrom).toBeLessThanOrEqual(40_000);
    expect(recoveryAt - outageTo).toBeGreaterThan(0);
    expect(recoveryAt - outageTo).toBeLessThanOrEqual(60_500);
    expect(events[0]!.cause).toBe('overload');
    // Requests per endpoint in any 60 s window while the outage is confirmed.
    for (const name of ['site', 'health', 'user']) {
      const times = log
        .filter((r) => r.name === name && r.path === 'direct' && r.at > outageAt && r.at < recoveryAt)
        .map((r) => r.at);
      expect(times.length).toBeGreaterThan(15);
      for (let i = 0; i + 2 < times.length; i++)
        expect(times[i + 2]! - times[i]!).toBeGreaterThanOrEqual(60_000);
    }
    expect(monitor.statuses()[0]!.state).toBe('healthy');
  });

  it('raises no alarm over a day where 1 request in 15 fails at random (real cadence, virtual time)', async () => {
    const clock = new VirtualClock();
    const random = seededRandom(2026);
    const { probe, log } = simulatedProbe(clock, (r) =>
      r.path !== 'control' && random() < 1 / 15 ? { outcome: 'http-5xx' } : { outcome: 'ok' },
    );
    const events: MonitorEvent[] = [];
    const monitor = new Monitor(config, {
      probe,
      diagnose: (_r, c) => stubDiagnosis(c.target.name, 'healthy'),
      tokens: { get: () => TOKEN },
      clock,
      random: seededRandom(1),
    });
    monitor.onEvent((e) => events.push(e));
    monitor.start();
    await clock.advance(86_400_000);
    const stopping = monitor.stop();
    await clock.advance(30_000);
    await stopping;
    const requests = log.filter((r) => r.path === 'direct').length;
    expect(requests).toBeGreaterThan(8_000);
    expect(events).toEqual([]);
  });

  it('a 20 s outage yields exactly one outage and one recovery event', async () => {
    // The outage starts just before a scheduled round, so the confirmations see it.
    let downFrom = Infinity;
    const sim = setup({ down: (t) => t >= downFrom && t < downFrom + 20_000 });
    sim.monitor.start();
    await sim.clock.advance(300_000);
    downFrom = sim.log.at(-1)!.at + 30_000 - 3_000 - 500; // within the jitter band before the next round
    await sim.clock.advance(600_000);
    await sim.monitor.stop();
    expect(sim.events.map((e) => e.event)).toEqual(['outage', 'recovery']);
    expect(sim.events[1]!.durationMs).toBeGreaterThanOrEqual(20_000);
    expect(sim.events[1]!.durationMs).toBeLessThanOrEqual(60_000);
  });

  it('runs quick confirmation rounds after a failure, then returns to the interval', async () => {
    let failNext = false;
    const clock = new VirtualClock();
    const { probe, log } = simulatedProbe(clock, (r) => {
      if (failNext && r.name === 'health') {
        failNext = false;
        return { outcome: 'http-5xx' };
      }
      return { outcome: 'ok' };
    });
    const monitor = new Monitor(config, {
      probe,
      diagnose: (_r, c) => stubDiagnosis(c.target.name, 'healthy'),
      clock,
      random: () => 0.5,
    });
    monitor.start();
    await clock.advance(60_500);
    failNext = true;
    await clock.advance(100_000);
    const starts = [...new Set(log.filter((r) => r.name === 'site').map((r) => r.at))];
    expect(starts).toEqual([0, 30_000, 60_000, 90_000, 93_000, 123_000, 153_000]);
    await monitor.stop();
  });

  it('reports local-network when the controls fail too', async () => {
    const clock = new VirtualClock();
    let offline = false;
    const { probe } = simulatedProbe(clock, () => (offline ? { outcome: 'dns' } : { outcome: 'ok' }));
    const events: MonitorEvent[] = [];
    const monitor = new Monitor(config, {
      probe,
      diagnose: (_r, c) => stubDiagnosis(c.target.name, 'local-network'),
      clock,
    });
    monitor.onEvent((e) => events.push(e));
    monitor.start();
    await clock.advance(100_000);
    offline = true;
    await clock.advance(120_000);
    expect(monitor.statuses()[0]!.state).toBe('local-network');
    offline = false;
    await clock.advance(120_000);
    // A round may still be in flight (the interval's jitter is random): let it finish on the clock.
    await clock.until(monitor.stop());
    expect(events.map((e) => e.event)).toEqual(['local-network']);
  });

  it('exposes statuses, the last round and the status reading; the token never appears; onChange fires', async () => {
    const { clock, monitor, contexts } = setup();
    let changes = 0;
    monitor.onChange(() => changes++);
    expect(monitor.statuses()[0]).toMatchObject({ target: 'Svc', state: 'unknown', lastRoundAt: null });
    monitor.start();
    await clock.advance(1_000);
    const status = monitor.statuses()[0]!;
    expect(status.state).toBe('healthy');
    expect(status.diagnosis?.verdict).toBe('healthy');
    expect(monitor.lastRound('Svc')!.probes).toHaveLength(5);
    expect(monitor.statusReading('Svc')).toEqual({ snapshot: null, stale: false, unavailable: null });
    expect(monitor.lastRound('Nope')).toBeNull();
    expect(changes).toBeGreaterThan(0);
    expect(contexts[0]).toMatchObject({ tokenConfigured: true, alternateConfigured: false, symptom: false });
    expect(Object.keys(contexts[0]!.baselines)).toEqual(['direct:site', 'direct:health', 'direct:user']);
    expect(JSON.stringify(monitor.statuses())).not.toContain(TOKEN);
    expect(JSON.stringify(monitor.lastRound('Svc'))).not.toContain(TOKEN);
    await monitor.stop();
  });

  it('diagnoseNow runs a round at once, reports progress, and passes the symptom on', async () => {
    const { clock, monitor, contexts } = setup();
    monitor.start();
    await clock.advance(10_000);
    const progress: DiagnoseProgress[] = [];
    const pending = monitor.diagnoseNow('Svc', {
      symptom: true,
      onProgress: (p) => progress.push(structuredClone(p)),
    });
    await clock.advance(1_000);
    const diagnosis = await pending;
    expect(diagnosis?.verdict).toBe('healthy');
    expect(contexts.at(-1)!.symptom).toBe(true);
    expect(monitor.lastRound('Svc')!.symptom).toBe(true);
    const last = progress.at(-1)!;
    expect(last.running).toBe(false);
    expect(Object.fromEntries(last.checks.map((c) => [c.id, c.state]))).toEqual({
      direct: 'done',
      alternate: 'skipped',
      controls: 'done',
      status: 'done',
      analyse: 'done',
    });
    expect(progress.some((p) => p.checks.some((c) => c.state === 'running'))).toBe(true);
    await monitor.stop();
  });

  it('diagnoseNow returns null when cancelled, and for an unknown target', async () => {
    const { clock, monitor } = setup();
    const controller = new AbortController();
    const pending = monitor.diagnoseNow('Svc', { signal: controller.signal });
    controller.abort();
    expect(await pending).toBeNull();
    expect(await monitor.diagnoseNow('Nope')).toBeNull();
    await clock.advance(1_000);
  });

  it('keeps a bounded window of recent rounds', async () => {
    const { clock, monitor } = setup();
    monitor.start();
    await clock.advance(3 * 3_600_000);
    expect(monitor.recentRounds('Svc')).toHaveLength(20);
    const stopping = monitor.stop();
    await clock.advance(30_000);
    await stopping;
  });

  it('pause stops probing and resume can probe at once', async () => {
    const { clock, monitor, log } = setup();
    monitor.start();
    await clock.advance(1_000);
    monitor.pause();
    const before = log.length;
    await clock.advance(600_000);
    expect(log.length).toBe(before);
    monitor.resume({ probeNow: true });
    await clock.advance(0);
    expect(log.length).toBe(before + 5);
    await clock.advance(1_000);
    await monitor.stop();
  });

  it('reconfigure adds and removes targets and keeps the state of those it keeps', async () => {
    const { clock, monitor } = setup();
    monitor.start();
    await clock.advance(1_000);
    const other = { ...config.targets[0]!, name: 'Other', endpoints: [] };
    monitor.reconfigure({ ...config, intervalSeconds: 60, targets: [config.targets[0]!, other] });
    await clock.advance(1_000);
    expect(monitor.statuses().map((s) => [s.target, s.state])).toEqual([
      ['Svc', 'healthy'],
      ['Other', 'healthy'],
    ]);
    monitor.reconfigure({ ...config, targets: [other] });
    expect(monitor.statuses().map((s) => s.target)).toEqual(['Other']);
    await monitor.stop();
  });

  it('writes samples, events and state changes to the history', async () => {
    const calls: string[] = [];
    const clock = new VirtualClock();
    const { probe } = simulatedProbe(clock, (r) => ({ outcome: r.path === 'control' ? 'ok' : 'http-5xx' }));
    const monitor = new Monitor(config, {
      probe,
      diagnose: (_r, c) => stubDiagnosis(c.target.name, 'overload'),
      clock,
      history: {
        appendRound: (r) => calls.push(`round:${r.probes.length}`),
        appendEvent: (e) => calls.push(`event:${e.event}`),
        appendState: (_t, s) => calls.push(`state:${s}`),
        appendDeploy: () => calls.push('deploy'),
        baselines: () => ({}),
        close: () => calls.push('close'),
      },
    });
    monitor.start();
    await clock.advance(10_000);
    await clock.until(monitor.stop());
    // No token: the auth endpoint is probed only without it, so 4 probes a round (2 of the target,
    // its tokenless twin, 1 control); the twin's refusal is not counted as the service failing.
    expect(calls).toEqual(['round:4', 'round:4', 'round:4', 'state:outage', 'event:outage', 'close']);
  });
});
