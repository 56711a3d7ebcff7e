// Politeness while diagnosing: Retry-After (seconds or HTTP date, capped at 5 minutes) holds an
// endpoint back, in the wired rounds of `diagnose --watch` and in the monitor's scheduled rounds.

import { describe, it, expect } from 'vitest';
import type { Round } from '../../shared/types/monitor';
import type { ProbeRequest } from '../probe/types';
import { buildEvidence } from '../evidence/build';
import { createAppCore } from '../app/create';
import { HoldBacks, MAX_RETRY_AFTER_SECONDS, retryAfterMs } from './hold-back';
import { Monitor } from './monitor';
import { planProbes } from './round';
import { simulatedProbe } from '../testing/simulated-probe';
import { stubDiagnosis, SVC_CONFIG } from '../testing/test-rounds';
import { VirtualClock } from '../testing/virtual-clock';
import { probe as syntheticProbe } from '../testing/synthetic';

const NOW = Date.parse('2026-12-01T16:00:00.000Z');

const config = SVC_CONFIG;

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates, caps at five minutes, and ignores nonsense and the past', () => {
    expect(retryAfterMs('120', NOW)).toBe(120_000);
    expect(retryAfterMs('Tue, 01 Dec 2026 16:02:00 GMT', NOW)).toBe(120_000);
    expect(retryAfterMs('3600', NOW)).toBe(MAX_RETRY_AFTER_SECONDS * 1000);
    expect(retryAfterMs('soon', NOW)).toBeNull();
    expect(retryAfterMs('Tue, 01 Dec 2026 15:00:00 GMT', NOW)).toBeNull();
    expect(retryAfterMs(undefined, NOW)).toBeNull();
  });
});

describe('HoldBacks', () => {
  const round = (headers: Record<string, string>, status = 429): Round => ({
    target: 'Svc',
    startedAt: new Date(NOW).toISOString(),
    finishedAt: new Date(NOW).toISOString(),
    probes: [syntheticProbe(new Date(NOW).toISOString(), { name: 'health', status, headers })],
    status: null,
  });

  it('holds an endpoint until its Retry-After runs out, and says why with the time', () => {
    const holds = new HoldBacks();
    holds.note(round({ 'retry-after': '3600' }, 503), NOW);
    const [held] = holds.active(NOW + 1000);
    expect(held).toMatchObject({ name: 'health', path: 'direct', until: '2026-12-01T16:05:00.000Z' });
    expect(held!.reason).toBe('it answered 503 with Retry-After: 3600, capped at 5 minutes');
    expect(holds.active(NOW + 5 * 60_000)).toEqual([]);
  });

  it('ignores Retry-After on normal answers', () => {
    const holds = new HoldBacks();
    holds.note(round({ 'retry-after': '60' }, 200), NOW);
    expect(holds.active(NOW)).toEqual([]);
  });

  it('leaves held probes out of the round plan', () => {
    const requests = planProbes({
      target: config.targets[0]!,
      controls: config.controls,
      alternateProxy: null,
      token: null,
      deadlineMs: 1000,
      heldBack: [{ name: 'health', path: 'direct', until: '2026-12-01T16:05:00.000Z', reason: 'x' }],
    });
    expect(requests.map((r) => `${r.path}:${r.name}`)).toEqual(['direct:site', 'control:control.test']);
  });
});

describe('politeness in diagnose --watch (the wired rounds)', () => {
  it('does not ask an endpoint again before its Retry-After, and the evidence says so', async () => {
    const requests: ProbeRequest[] = [];
    const core = createAppCore({
      config,
      dataDir: null,
      tokens: { get: () => null },
      probe: async (req) => {
        requests.push(req);
        const busy = req.name === 'health';
        return {
          ...syntheticProbe(new Date().toISOString(), {
            name: req.name,
            path: req.path,
            status: busy ? 429 : 200,
            headers: busy ? { 'retry-after': '120' } : {},
          }),
          url: req.url,
        };
      },
    });
    const d = await core.observe('Svc', { durationMs: 60, intervalMs: 20 });
    await core.stop();
    const health = requests.filter((r) => r.name === 'health');
    const sites = requests.filter((r) => r.name === 'site');
    expect(sites.length).toBeGreaterThanOrEqual(3);
    expect(health).toHaveLength(1);
    expect(d!.evidence.heldBack).toHaveLength(1);
    expect(d!.evidence.heldBack![0]!.reason).toMatch(/answered 429 with Retry-After: 120$/);
  });
});

describe('politeness in the monitor', () => {
  it('skips a held endpoint in scheduled rounds until its Retry-After has passed', async () => {
    const clock = new VirtualClock({ wallStart: NOW });
    const { probe, log } = simulatedProbe(clock, (r) =>
      r.name === 'health'
        ? { outcome: 'http-4xx', status: 429, headers: { 'retry-after': '120' }, latencyMs: 50 }
        : { outcome: 'ok', latencyMs: 50 },
    );
    const monitor = new Monitor(config, {
      probe,
      diagnose: (rounds, c) => stubDiagnosis(c.target.name, rounds.length > 0 ? 'overload' : 'healthy'),
      clock,
    });
    monitor.start();
    await clock.advance(100_000);
    const during = log.filter((r) => r.name === 'health').length;
    const sitesDuring = log.filter((r) => r.name === 'site').length;
    expect(sitesDuring).toBeGreaterThan(1);
    expect(during).toBe(1);
    expect(monitor.lastRound('Svc')!.heldBack?.[0]).toMatchObject({ name: 'health', path: 'direct' });
    await clock.advance(120_000);
    // A round may still be in flight (the interval's jitter is random): let it finish on the clock.
    await clock.until(monitor.stop());
    expect(log.filter((r) => r.name === 'health').length).toBeGreaterThan(1);
    // Never more often than the Retry-After allows.
    const times = log.filter((r) => r.name === 'health').map((r) => r.at);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(120_000);
  });
});

describe('held probes in the evidence', () => {
  it('keeps the latest hold per endpoint', () => {
    const at = new Date(NOW).toISOString();
    const hold = (until: string) => ({ name: 'health', path: 'direct' as const, until, reason: until });
    const e = buildEvidence({
      target: config.targets[0]!,
      rounds: [
        { target: 'Svc', startedAt: at, finishedAt: at, probes: [], status: null, heldBack: [hold('a')] },
        { target: 'Svc', startedAt: at, finishedAt: at, probes: [], status: null, heldBack: [hold('b')] },
      ],
      tokenConfigured: false,
      alternateConfigured: false,
      symptom: false,
    });
    expect(e.heldBack).toEqual([hold('b')]);
  });
});
