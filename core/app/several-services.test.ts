// Several services watched at once: token-less answers (the control sites) are lent between different
// services' rounds within a short window, never within one service's own rounds and never with a token;
// services naming the same status page share one reader, so the page is read once per interval.

import { afterEach, describe, expect, it } from 'vitest';
import type { ResolvedConfig } from '../../shared/types/config';
import { resolveConfig } from '../../shared/config/defaults';
import { VirtualClock } from '../testing/virtual-clock';
import { simulatedProbe } from '../testing/simulated-probe';
import { startStatusServer, jsonReply, type StatusTestServer } from '../testing/status-server';
import type { ProbeRequest } from '../probe/types';
import { sampleProbe } from '../testing/report-inputs';
import { createAppCore } from './create';
import { RoundRunner } from './round-runner';
import { SharedProbes } from './shared-probes';

const SUMMARY = {
  page: {
    id: 'p',
    name: 'Shared',
    url: 'http://x',
    time_zone: 'Etc/UTC',
    updated_at: '2026-10-01T00:00:00Z',
  },
  status: { indicator: 'none', description: 'All Systems Operational' },
  components: [],
  incidents: [],
  scheduled_maintenances: [],
};

function request(over: Partial<ProbeRequest>): ProbeRequest {
  return { name: 'www.google.com', url: 'https://www.google.com/generate_204', path: 'control', ...over };
}

describe('SharedProbes', () => {
  it("lends a control's answer to another service's round within the window, not to its own, not after", async () => {
    const clock = new VirtualClock();
    const sim = simulatedProbe(clock, () => ({ outcome: 'ok', latencyMs: 0 }));
    const shared = new SharedProbes(sim.probe, () => clock.now(), 15_000);
    const a = shared.for('A');
    const b = shared.for('B');
    await clock.until(a(request({})));
    const lent = await clock.until(b(request({})));
    expect(sim.log).toHaveLength(1);
    expect(lent.outcome).toBe('ok');
    expect(shared.reused).toBe(1);
    // The owner's own next round asks again: each service sees every change on its own cadence.
    await clock.until(a(request({})));
    expect(sim.log).toHaveLength(2);
    await clock.advance(16_000);
    await clock.until(b(request({})));
    expect(sim.log).toHaveLength(3);
  });

  it('never lends an answer to a request carrying a token, and keeps each request its own name', async () => {
    const clock = new VirtualClock();
    const sim = simulatedProbe(clock, () => ({ outcome: 'ok', latencyMs: 0 }));
    const shared = new SharedProbes(sim.probe, () => clock.now());
    const page = { url: 'https://svc.test/chat/user/', path: 'direct' as const };
    await clock.until(shared.for('A')(request({ ...page, name: 'user', authorization: 'Token a' })));
    await clock.until(shared.for('B')(request({ ...page, name: 'user', authorization: 'Token b' })));
    expect(sim.log).toHaveLength(2);
    await clock.until(shared.for('A')(request({ ...page, name: 'site' })));
    const lent = await clock.until(shared.for('B')(request({ ...page, name: 'robots', path: 'anonymous' })));
    expect(sim.log).toHaveLength(3);
    expect([lent.name, lent.path]).toEqual(['robots', 'anonymous']);
  });
});

describe('RoundRunner with several services', () => {
  let server: StatusTestServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  it('reads a status page two services share once, and probes the controls once for both', async () => {
    server = await startStatusServer({ '/api/v2/summary.json': jsonReply(SUMMARY) });
    const base = resolveConfig({
      targets: [
        { name: 'One', site: 'https://one.test/', statusPage: server.url },
        { name: 'Two', site: 'https://two.test/', statusPage: server.url },
        { name: 'Three', site: 'https://three.test/' },
      ],
      controls: ['https://control.test/generate_204'],
    });
    const config: ResolvedConfig = { ...base, targets: base.targets };
    const requests: string[] = [];
    const runner = new RoundRunner({
      config,
      tokens: { get: () => null },
      history: null,
      now: () => new Date('2026-10-01T12:00:00Z'),
      probe: (r) => {
        requests.push(`${r.path} ${r.url}`);
        return Promise.resolve(
          sampleProbe({ name: r.name, url: r.url, path: r.path, status: 200, outcome: 'ok' }),
        );
      },
    });
    const rounds = [];
    for (const t of config.targets) rounds.push(await runner.round(t));
    expect(server.requests.filter((r) => r.path === '/api/v2/summary.json')).toHaveLength(1);
    expect(rounds[0]?.status?.snapshot?.pageName).toBe('Shared');
    expect(rounds[1]?.status?.snapshot?.pageName).toBe('Shared');
    expect(requests.filter((r) => r.startsWith('control '))).toHaveLength(1);
    expect(requests.filter((r) => r.startsWith('direct '))).toEqual([
      'direct https://one.test/',
      'direct https://two.test/',
      'direct https://three.test/',
    ]);
    for (const round of rounds) expect(round.probes.find((p) => p.path === 'control')?.outcome).toBe('ok');
  });
});

describe('the monitor with several services', () => {
  it('runs each on its own cadence, shares the control probes, and diagnoses one by the others', async () => {
    const clock = new VirtualClock({ wallStart: Date.now() - 600_000 });
    const { probe, log } = simulatedProbe(clock, (r) => ({
      outcome: r.path !== 'control' && r.url.startsWith('https://two.test/') ? 'http-5xx' : 'ok',
      status: r.path !== 'control' && r.url.startsWith('https://two.test/') ? 503 : undefined,
      body: 'Service Unavailable',
      latencyMs: 80,
    }));
    const config = resolveConfig({
      targets: [
        { name: 'One', site: 'https://one.test/' },
        { name: 'Two', site: 'https://two.test/' },
        { name: 'Three', site: 'https://three.test/' },
      ],
      controls: ['https://control.test/generate_204'],
    });
    const core = createAppCore({
      config,
      dataDir: null,
      tokens: { get: () => null },
      probe,
      clock,
      now: () => new Date(clock.wallNow()),
      timing: { intervalMs: 30_000, confirmDelaysMs: [10_000], outageIntervalMs: 30_000 },
    });
    core.start();
    await clock.advance(180_000);
    const statuses = core.statuses();
    await clock.until(core.stop());
    const sites = log.filter((r) => r.name === 'site');
    const controlsAsked = log.filter((r) => r.path === 'control');
    expect(statuses.map((s) => [s.target, s.state])).toEqual([
      ['One', 'healthy'],
      ['Two', 'outage'],
      ['Three', 'healthy'],
    ]);
    // Rounds that start together share one control request instead of asking it once each.
    expect(controlsAsked.length).toBeLessThan(sites.length);
    const two = statuses.find((s) => s.target === 'Two')?.diagnosis;
    expect(two?.evidence.peers?.answering).toEqual(['One', 'Three']);
    expect(two?.ranking[0]?.for).toContain(
      'One and Three answer from this machine, so it is not your connection',
    );
  });
});
