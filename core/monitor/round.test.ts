// Tests of one probe round: the probe plan, the deadline, cancellation and token scrubbing.

import { describe, it, expect } from 'vitest';
import type { ResolvedTarget } from '../../shared/types/config';
import type { StatusReading } from '../../shared/types/status';
import type { ProbeRequest } from '../probe/types';
import { runRound, planProbes, type RoundPlan } from './round';
import { simulatedProbe } from '../testing/simulated-probe';
import { VirtualClock } from '../testing/virtual-clock';

const TOKEN = 'sekrit-token-0123456789abcdef0123456789ab';

const target: ResolvedTarget = {
  name: 'Svc',
  site: 'https://svc.test/',
  endpoints: [
    { name: 'health', url: 'https://api.svc.test/health' },
    { name: 'user', url: 'https://api.svc.test/user/', auth: true },
  ],
  statusPage: 'https://status.svc.test',
  auth: { scheme: 'Token', tokenEnv: 'WHY500_X' },
};

function plan(overrides: Partial<RoundPlan> = {}): RoundPlan {
  return {
    target,
    controls: ['https://control-a.test/generate_204', 'https://control-b.test:8443/trace'],
    alternateProxy: 'http://127.0.0.1:8888',
    token: TOKEN,
    deadlineMs: 20_000,
    ...overrides,
  };
}

const reading: StatusReading = { snapshot: null, stale: false, unavailable: null };

describe('runRound', () => {
  it('probes site, endpoints (token endpoints with and without the token), the alternate path and the controls', async () => {
    const clock = new VirtualClock();
    // The server echoes the Authorization header back in a header and the body.
    const { probe, log } = simulatedProbe(clock, (r) => ({
      outcome: 'ok',
      headers: { 'x-echo': r.authorization ?? '' },
      body: `you sent ${r.authorization ?? 'nothing'}`,
    }));
    const done = runRound(plan(), { probe, readStatus: async () => reading, clock });
    await clock.advance(1_000);
    const round = await done;
    expect(round.probes.map((p) => `${p.path}:${p.name}`)).toEqual([
      'direct:site',
      'direct:health',
      'direct:user',
      'anonymous:user',
      'alternate:site',
      'alternate:health',
      'alternate:user',
      'control:control-a.test',
      'control:control-b.test:8443',
    ]);
    const withAuth = log.filter((r) => r.authorization !== undefined);
    expect(withAuth.map((r) => `${r.path}:${r.name}`)).toEqual(['direct:user', 'alternate:user']);
    expect(withAuth.every((r) => r.authorization === `Token ${TOKEN}`)).toBe(true);
    expect(round.probes.find((p) => p.name === 'user')!.auth).toBe(true);
    expect(round.probes.find((p) => p.path === 'anonymous')!).toMatchObject({ name: 'user', auth: false });
    expect(round.probes.find((p) => p.path === 'anonymous')!.body).toBe('you sent nothing');
    expect(round.probes.find((p) => p.name === 'health')!.auth).toBe(false);
    expect(JSON.stringify(round)).not.toContain(TOKEN);
    expect(round.probes.find((p) => p.name === 'user')!.body).toBe('you sent Token [redacted]');
    expect(round.status).toBe(reading);
    expect(round.target).toBe('Svc');
  });

  it('sends alternate probes through the proxy and nothing else through it', () => {
    const requests = planProbes(plan());
    expect(requests.filter((r) => r.proxy).every((r) => r.path === 'alternate')).toBe(true);
    expect(requests.filter((r) => r.path === 'alternate')).toHaveLength(3);
    expect(planProbes(plan({ alternateProxy: null })).some((r) => r.path === 'alternate')).toBe(false);
  });

  it('scrubs the token from a reason phrase that echoes it', async () => {
    const clock = new VirtualClock();
    const { probe } = simulatedProbe(clock, () => ({ outcome: 'ok' }));
    const echoing = async (r: Parameters<typeof probe>[0]) => ({
      ...(await probe(r)),
      reason: `Unauthorized: ${r.authorization ?? 'nothing'}`,
    });
    const done = runRound(plan(), { probe: echoing, readStatus: async () => reading, clock });
    await clock.advance(1_000);
    const round = await done;
    expect(JSON.stringify(round)).not.toContain(TOKEN);
    expect(round.probes.find((p) => p.path === 'direct' && p.name === 'user')!.reason).toBe(
      'Unauthorized: Token [redacted]',
    );
  });

  it('without a token, probes auth endpoints only on the anonymous path, where a 401 is the expected answer', () => {
    const requests = planProbes(plan({ token: null }));
    expect(requests.filter((r) => r.name === 'user').map((r) => r.path)).toEqual(['anonymous']);
    expect(requests.every((r) => r.authorization === undefined)).toBe(true);
  });

  it('withholds the token from an auth endpoint outside its origins, on both paths, and says so', async () => {
    const clock = new VirtualClock();
    const { probe, log } = simulatedProbe(clock, (r) => ({
      outcome: 'ok',
      body: `you sent ${r.authorization ?? 'nothing'}`,
    }));
    const done = runRound(plan({ tokenOrigins: ['https://old-api.svc.test'] }), { probe, clock });
    await clock.advance(1_000);
    const round = await done;
    expect(log.filter((r) => r.authorization !== undefined)).toEqual([]);
    const users = round.probes.filter((p) => p.name === 'user');
    expect(users.map((p) => [p.path, p.auth, p.note])).toEqual([
      ['direct', false, expect.stringMatching(/^token not sent: https:\/\/api\.svc\.test is not/)],
      ['anonymous', false, undefined],
      ['alternate', false, expect.stringMatching(/^token not sent/)],
    ]);
    // Within its origins it goes, as before.
    const allowed = planProbes(plan({ tokenOrigins: ['https://api.svc.test'] }));
    expect(allowed.filter((r) => r.authorization).map((r) => r.name)).toEqual(['user', 'user']);
  });

  it('ends at the hard deadline, recording unfinished probes as timeout-deadline', async () => {
    const clock = new VirtualClock();
    const { probe } = simulatedProbe(clock, (r: ProbeRequest) => ({
      outcome: 'ok',
      latencyMs: r.name === 'health' ? 60_000 : 50,
    }));
    let statusCalls = 0;
    const never = (): Promise<StatusReading> => {
      statusCalls++;
      return new Promise(() => {});
    };
    const done = runRound(plan({ deadlineMs: 5_000, alternateProxy: null }), {
      probe,
      readStatus: never,
      clock,
    });
    await clock.advance(5_000);
    const round = await done;
    const health = round.probes.find((p) => p.name === 'health')!;
    expect(health.outcome).toBe('timeout-deadline');
    expect(health.error).toMatch(/5000 ms round deadline/);
    expect(round.probes.find((p) => p.name === 'site')!.outcome).toBe('ok');
    expect(round.status).toBeNull();
    expect(statusCalls).toBe(1);
    expect(Date.parse(round.finishedAt) - Date.parse(round.startedAt)).toBe(5_000);
  });

  it('turns a probe function that throws into an error outcome without the token', async () => {
    const clock = new VirtualClock();
    const probe = async (r: ProbeRequest) => {
      throw new Error(`exploded with ${r.authorization ?? 'none'}`);
    };
    const round = await runRound(plan({ alternateProxy: null, controls: [] }), {
      probe,
      readStatus: async () => {
        throw new Error('status broke');
      },
      clock,
    });
    expect(round.probes.map((p) => p.outcome)).toEqual(['error', 'error', 'error', 'error']);
    expect(round.probes[2]!.error).toBe('probe failed: exploded with Token [redacted]');
    expect(round.status).toBeNull();
    expect(JSON.stringify(round)).not.toContain(TOKEN);
  });

  it('still resolves with every result when a progress callback throws', async () => {
    const clock = new VirtualClock();
    const { probe } = simulatedProbe(clock, () => ({ outcome: 'ok', latencyMs: 0 }));
    const done = runRound(
      plan({
        alternateProxy: null,
        controls: [],
        onProbe: () => {
          throw new Error('progress display broke');
        },
        onStatus: () => {
          throw new Error('progress display broke');
        },
      }),
      { probe, readStatus: async () => reading, clock },
    );
    await clock.advance(0);
    const round = await done;
    expect(round.probes.map((p) => p.outcome)).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(round.status).toEqual(reading);
  });

  it('is cancelled by its signal', async () => {
    const clock = new VirtualClock();
    const { probe } = simulatedProbe(clock, () => ({ outcome: 'ok', latencyMs: 10_000 }));
    const controller = new AbortController();
    const done = runRound(plan({ signal: controller.signal }), { probe, clock });
    await clock.advance(1_000);
    controller.abort();
    const round = await done;
    expect(round.probes.every((p) => p.outcome === 'timeout-deadline')).toBe(true);
  });

  it('marks symptom rounds and leaves status null without a status page', async () => {
    const clock = new VirtualClock();
    const { probe } = simulatedProbe(clock, () => ({ outcome: 'ok', latencyMs: 0 }));
    let calls = 0;
    const done = runRound(plan({ symptom: true, target: { ...target, statusPage: null } }), {
      probe,
      readStatus: async () => {
        calls++;
        return reading;
      },
      clock,
    });
    await clock.advance(0);
    const round = await done;
    expect(round.symptom).toBe(true);
    expect(round.status).toBeNull();
    expect(calls).toBe(0);
  });
});
