// "Diagnose now" with a probe that hangs: a first diagnosis, marked partial with the probes it still
// awaits, by the local checks' deadline; the complete one when the hanging probe gives up. On a virtual clock.

import { describe, it, expect } from 'vitest';
import type { ResolvedConfig } from '../../shared/types/config';
import type { Diagnosis } from '../../shared/types/diagnosis';
import type { Round } from '../../shared/types/monitor';
import type { ProbeRequest } from '../probe/types';
import { Monitor } from './monitor';
import type { DiagnoseContext } from './monitor-types';
import { PARTIAL_AFTER_MS } from './on-demand';
import { seededRandom } from './random';
import { simulatedProbe, type SimulatedAnswer } from '../testing/simulated-probe';
import { stubDiagnosis, SVC_CONFIG } from '../testing/test-rounds';
import { VirtualClock } from '../testing/virtual-clock';

/** SVC_CONFIG with a second endpoint, `chat`, the one that hangs. */
const config: ResolvedConfig = {
  ...SVC_CONFIG,
  targets: SVC_CONFIG.targets.map((t) => ({
    ...t,
    endpoints: [...t.endpoints, { name: 'chat', url: 'https://api.svc.test/chat' }],
  })),
};

/** A monitor whose `chat` endpoint answers after `chatMs` (others in 100 ms); rounds give up at 20 s. */
function setup(chatMs: number) {
  const clock = new VirtualClock({ wallStart: Date.UTC(2026, 5, 1) });
  const { probe } = simulatedProbe(clock, (r: ProbeRequest): SimulatedAnswer =>
    r.name === 'chat' ? { outcome: 'ok', latencyMs: chatMs } : { outcome: 'ok', latencyMs: 100 },
  );
  const seen: { context: DiagnoseContext; rounds: Round[] }[] = [];
  const monitor = new Monitor(
    config,
    {
      probe,
      diagnose: (rounds, context) => {
        seen.push({ context, rounds });
        return stubDiagnosis(context.target.name, 'healthy');
      },
      tokens: { get: () => null },
      clock,
      random: seededRandom(5),
    },
    { roundDeadlineMs: 20_000 },
  );
  return { clock, monitor, seen };
}

describe('partial diagnosis on demand', () => {
  it('gives a partial verdict by the local checks’ deadline, then the complete one when the last probe ends', async () => {
    const { clock, monitor, seen } = setup(60_000);
    const partials: { at: number; diagnosis: Diagnosis }[] = [];
    let completeAt: number | null = null;
    const started = clock.now();
    const pending = monitor
      .diagnoseNow('Svc', {
        onPartial: (diagnosis) => partials.push({ at: clock.now() - started, diagnosis }),
      })
      .then((d) => {
        completeAt = clock.now() - started;
        return d;
      });

    await clock.advance(PARTIAL_AFTER_MS);
    expect(partials).toHaveLength(1);
    expect(partials[0]!.at).toBe(PARTIAL_AFTER_MS);
    expect(partials[0]!.diagnosis.pending).toEqual([{ name: 'chat', path: 'direct' }]);
    // The classifier saw the partial round: what answered, nothing of the hanging probe, no local checks.
    const partialCall = seen.find((s) => s.context.partial === true)!;
    const names = partialCall.rounds.at(-1)!.probes.map((p) => `${p.path}:${p.name}`);
    expect(names.sort()).toEqual(['control:control.test', 'direct:health', 'direct:site']);
    expect(completeAt).toBeNull();

    await clock.advance(20_000);
    const complete = await pending;
    expect(completeAt).toBeGreaterThanOrEqual(20_000);
    expect(complete?.pending).toBeUndefined();
    expect(monitor.lastRound('Svc')!.probes.find((p) => p.name === 'chat')!.outcome).toBe('timeout-deadline');
    expect(partials).toHaveLength(1);
    await monitor.stop();
  });

  it('gives no partial verdict when every probe answers in time', async () => {
    const { clock, monitor, seen } = setup(400);
    const partials: Diagnosis[] = [];
    const pending = monitor.diagnoseNow('Svc', { onPartial: (d) => partials.push(d) });
    await clock.advance(PARTIAL_AFTER_MS + 1_000);
    expect((await pending)?.verdict).toBe('healthy');
    expect(partials).toEqual([]);
    expect(seen.some((s) => s.context.partial)).toBe(false);
    await monitor.stop();
  });
});
