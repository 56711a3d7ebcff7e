// During an outage the monitor diagnoses every round: it reuses a target's local checks for a while
// instead of testing the user's connection again each time; the user's own request always tests again
// (once per round: "Diagnose now" diagnoses its round twice).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RoundRunner } from '../../core/app/round-runner';
import { Diagnoser, LOCAL_REUSE_MS } from '../../core/diagnose/diagnoser';
import { hostsResolver } from '../../core/local/resolver';
import { resolveConfig } from '../../shared/config/defaults';
import type { Config } from '../../shared/types/config';
import { startLocalWorld, type LocalWorld } from '../../simulator/local-worlds';

let dir: string;
let world: LocalWorld;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'why500-reuse-'));
  world = await startLocalWorld('dns-fails', dir);
});

afterAll(async () => {
  await world.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The world's target, a round runner and a diagnoser as the app core builds them, at wall time `now`. */
function rig(now: () => Date) {
  const config = resolveConfig(world.config as Config);
  const parts = {
    config,
    tokens: { get: () => null },
    history: null,
    now,
    env: {},
    resolver: hostsResolver(world.env.WHY500_TEST_HOSTS ?? '')!,
  };
  const rounds = new RoundRunner(parts);
  const diagnoser = new Diagnoser({ ...parts, dataDir: null, probe: rounds.probe });
  return { target: config.targets[0]!, rounds, diagnoser };
}

describe('local checks in the monitor', () => {
  it('are reused for a while between rounds, and run again on request or once stale', async () => {
    let now = Date.parse('2026-11-25T14:00:00Z');
    const { target, rounds, diagnoser } = rig(() => new Date(now));
    const diagnose = async (asked = false) => {
      const round = await rounds.round(target);
      return diagnoser.diagnoseMonitored(target, [round], { symptom: false, baselines: {}, asked });
    };
    const first = await diagnose();
    expect(first.localCause).toBe('dns');
    expect(world.counts().doh).toBe(1);
    now += 30_000;
    expect((await diagnose()).localCause).toBe('dns');
    expect(world.counts().doh, 'reused').toBe(1);
    expect((await diagnose(true)).localCause).toBe('dns');
    expect(world.counts().doh, 'asked: tested again').toBe(2);
    now += LOCAL_REUSE_MS + 1;
    await diagnose();
    expect(world.counts().doh, 'stale: tested again').toBe(3);
  });

  it('run once when the same asked-for round is diagnosed twice ("Diagnose now"), again for a new round', async () => {
    const { target, rounds, diagnoser } = rig(() => new Date('2026-11-25T15:00:00Z'));
    const asked = (round: Awaited<ReturnType<typeof rounds.round>>) =>
      diagnoser.diagnoseMonitored(target, [round], { symptom: false, baselines: {}, asked: true });
    const before = world.counts().doh;
    const round = await rounds.round(target);
    expect((await asked(round)).localCause).toBe('dns');
    expect((await asked(round)).localCause).toBe('dns');
    expect(world.counts().doh - before, 'the same round: one run').toBe(1);
    await asked(await rounds.round(target));
    expect(world.counts().doh - before, 'a new round: tested again').toBe(2);
  });
});
