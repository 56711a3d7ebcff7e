// Tests of the app core as createAppCore builds it: check and observe against fakes, the monitor, and
// the support report.

import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResolvedConfig } from '../../shared/types/config';
import type { ProbeResult } from '../../shared/types/probe';
import type { ProbeRequest } from '../probe/types';
import { createAppCore, type AppCoreOptions } from './create';
import { envTokenSource } from '../config/env-tokens';
import { simulatedProbe } from '../testing/simulated-probe';
import { VirtualClock } from '../testing/virtual-clock';
import type { TokenSource } from '../config/token-origins';

const TOKEN = 'deadbeefdeadbeefdeadbeefdeadbeefdeadbeef';

const CONFIG: ResolvedConfig = {
  intervalSeconds: 30,
  controls: ['http://control.test/ping'],
  alternatePath: null,
  browserProfiles: ['/nonexistent/profile'],
  targets: [
    {
      name: 'Svc',
      site: 'http://svc.test/',
      endpoints: [
        { name: 'health', url: 'http://api.svc.test/health' },
        { name: 'user', url: 'http://api.svc.test/user', auth: true },
      ],
      statusPage: null,
      auth: { scheme: 'Token', tokenEnv: 'WHY500_SVC_TOKEN' },
    },
  ],
};

const tokens: TokenSource = { get: (t) => (t === 'Svc' ? TOKEN : null) };

/** A scripted probe: `down` makes the service's own probes answer 503; `build` is the site's version header. */
class FakeProbe {
  down = false;
  build = 'build-1';
  requests: ProbeRequest[] = [];
  readonly fn = async (req: ProbeRequest): Promise<ProbeResult> => {
    this.requests.push(req);
    const own = req.path !== 'control';
    const failing = own && this.down;
    return {
      name: req.name,
      url: req.url,
      path: req.path,
      auth: Boolean(req.authorization),
      at: new Date().toISOString(),
      status: failing ? 503 : 200,
      outcome: failing ? 'http-5xx' : 'ok',
      timings: { dns: 1, connect: 1, tls: null, firstByte: 100, total: 120 },
      headers: req.name === 'site' ? { 'x-release': this.build } : {},
      body: failing ? 'Service Unavailable' : 'ok',
      bodyBytes: 2,
      remoteAddress: '127.0.0.1',
      redirects: 0,
      finalUrl: req.url,
    };
  };
}

let dir: string;
let fake: FakeProbe;
let scans: number;

function appCore(extra: Partial<AppCoreOptions> = {}) {
  return createAppCore({
    config: CONFIG,
    dataDir: dir,
    tokens,
    probe: fake.fn,
    scanExtensions: async () => {
      scans++;
      return { scanned: true, profilesScanned: 1, suspects: [] };
    },
    ...extra,
  });
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'why500-app-'));
  fake = new FakeProbe();
  scans = 0;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('createAppCore: check and observe', () => {
  it('check runs one round: site, endpoints with the token only where auth is set, controls', async () => {
    const svc = appCore({ env: { HTTPS_PROXY: 'http://proxy.test:1' }, ca: ['PEM'] });
    const round = await svc.check('Svc');
    await svc.stop();
    expect(round.probes.map((p) => `${p.path}:${p.name}`)).toEqual([
      'direct:site',
      'direct:health',
      'direct:user',
      'anonymous:user',
      'control:control.test',
    ]);
    const byName = new Map(fake.requests.map((r) => [`${r.path}:${r.name}`, r]));
    expect(byName.get('direct:user')?.authorization).toBe(`Token ${TOKEN}`);
    expect(byName.get('anonymous:user')?.authorization).toBeUndefined();
    expect(byName.get('direct:health')?.authorization).toBeUndefined();
    // The environment (for HTTPS_PROXY/NO_PROXY) and extra CAs reach every probe.
    for (const r of fake.requests) {
      expect(r.env).toEqual({ HTTPS_PROXY: 'http://proxy.test:1' });
      expect(r.ca).toEqual(['PEM']);
    }
    // The round went to the history on disk.
    expect(readdirSync(join(dir, 'history')).some((f) => f.startsWith('samples-'))).toBe(true);
  });

  it('gives each probe the environment of its own address when envFor is set (the per-address system proxy)', async () => {
    const envFor = (url: string) =>
      new URL(url).hostname === 'control.test' ? { HTTPS_PROXY: 'http://corp.test:3128' } : {};
    const svc = appCore({ env: { HTTPS_PROXY: 'http://ignored.test:1' }, envFor });
    await svc.check('Svc');
    await svc.stop();
    for (const r of fake.requests) {
      expect(r.env, r.url).toEqual(
        new URL(r.url).hostname === 'control.test' ? { HTTPS_PROXY: 'http://corp.test:3128' } : {},
      );
    }
    expect(fake.requests.some((r) => new URL(r.url).hostname === 'control.test')).toBe(true);
  });

  it('sends the token only to the origins its source gave it for: check, diagnose and the monitor alike', async () => {
    // The token was saved while the account API lived on another host; the config now points elsewhere.
    const bound: TokenSource = { ...tokens, origins: () => ['http://old-api.svc.test'] };
    const svc = appCore({ tokens: bound, dataDir: null });
    const round = await svc.check('Svc');
    await svc.observe('Svc', { durationMs: 0, intervalMs: 1000 });
    const diagnosis = await svc.diagnoseNow('Svc');
    await svc.stop();
    // The tokenless twin (path anonymous) never carries a token nor a note; the others say why not.
    const users = fake.requests.filter((r) => r.name === 'user' && r.path !== 'anonymous');
    expect(users.length).toBeGreaterThanOrEqual(3);
    for (const r of users) {
      expect(r.authorization).toBeUndefined();
      expect(r.note).toBe(
        'token not sent: http://api.svc.test is not an address the token was saved for; enter the token again in Settings',
      );
    }
    expect(round.probes.find((p) => p.name === 'user')?.note).toMatch(/^token not sent/);
    // A token that reaches none of the target's account endpoints is not "configured" for the classifier.
    expect(diagnosis?.evidence.auth.tokenConfigured).toBe(false);
  });

  it("the CLI's environment token is bound to the config's auth endpoints and sent there", async () => {
    const env = envTokenSource(CONFIG.targets, { WHY500_SVC_TOKEN: TOKEN });
    expect(env.origins?.('Svc')).toEqual(['http://api.svc.test']);
    const svc = appCore({ tokens: env, dataDir: null });
    await svc.check('Svc');
    await svc.stop();
    expect(fake.requests.find((r) => r.name === 'user')?.authorization).toBe(`Token ${TOKEN}`);
  });

  it('observe probes every interval for the window, then diagnoses all the rounds', async () => {
    const svc = appCore();
    fake.down = true;
    const tried: string[] = [];
    const seen: number[] = [];
    const d = await svc.observe('Svc', {
      durationMs: 60,
      intervalMs: 20,
      tried,
      onRound: (r) => seen.push(r.probes.length),
    });
    await svc.stop();
    expect(seen).toEqual([5, 5, 5, 5]);
    expect(d).not.toBeNull();
    expect(d!.evidence.rounds).toBe(4);
    expect(d!.ranking).toHaveLength(9);
    expect(d!.verdict).not.toBe('healthy');
    expect(tried[0]).toMatch(
      /^Probed the site page, health, user directly from this computer, 4 rounds every 0 s/,
    );
    expect(tried).toContain(
      "Sent the user's token (not shown) with user, and the same request without it, to test the account.",
    );
  });

  it('observe stops early when cancelled and says so with null when nothing finished', async () => {
    const svc = appCore();
    const controller = new AbortController();
    controller.abort();
    expect(
      await svc.observe('Svc', { durationMs: 10_000, intervalMs: 1000, signal: controller.signal }),
    ).toBeNull();
    const later = new AbortController();
    const p = svc.observe('Svc', { durationMs: 10_000, intervalMs: 1000, signal: later.signal });
    setTimeout(() => later.abort(), 50);
    const d = await p;
    await svc.stop();
    expect(d?.evidence.rounds).toBe(1);
  });

  it('scans browser extensions only for a symptom, and reuses the scan for a few minutes', async () => {
    const svc = appCore();
    await svc.observe('Svc', { durationMs: 0, intervalMs: 1000 });
    expect(scans).toBe(0);
    const d = await svc.observe('Svc', { durationMs: 0, intervalMs: 1000, symptom: true });
    await svc.observe('Svc', { durationMs: 0, intervalMs: 1000, symptom: true });
    await svc.stop();
    expect(scans).toBe(1);
    expect(d!.evidence.symptom).toBe(true);
    expect(d!.evidence.extensions).toEqual({ scanned: true, profilesScanned: 1, suspects: [] });
  });

  it('remembers the build fingerprint across runs in the data folder', async () => {
    const first = appCore();
    await first.check('Svc');
    await first.stop();
    expect(existsSync(join(dir, 'fingerprints.json'))).toBe(true);

    fake.build = 'build-2';
    const second = appCore();
    const d = await second.observe('Svc', { durationMs: 0, intervalMs: 1000 });
    await second.stop();
    expect(d!.evidence.fingerprint.current).toContain('build-2');
    expect(d!.evidence.fingerprint.previous).toContain('build-1');
    expect(d!.evidence.fingerprint.changedAt).not.toBeNull();
  });

  it('feeds latency baselines from history into the evidence', async () => {
    const svc = appCore();
    for (let i = 0; i < 3; i++) await svc.check('Svc');
    const d = await svc.observe('Svc', { durationMs: 0, intervalMs: 1000 });
    await svc.stop();
    expect(d!.evidence.endpoints.find((e) => e.name === 'health')?.baselineMs).toBe(120);
  });

  it('works in memory with no data folder', async () => {
    const svc = appCore({ dataDir: null });
    const d = await svc.observe('Svc', { durationMs: 0, intervalMs: 1000 });
    await svc.stop();
    expect(d!.verdict).toBe('healthy');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('createAppCore: report', () => {
  it('renders the latest diagnosis with what was tried, the token redacted even from config URLs', async () => {
    const leaky: ResolvedConfig = {
      ...CONFIG,
      targets: [{ ...CONFIG.targets[0]!, site: `http://svc.test/?t=${TOKEN}` }],
    };
    const svc = appCore({ config: leaky });
    fake.down = true;
    await svc.observe('Svc', { durationMs: 0, intervalMs: 1000 });
    const md = svc.report('Svc', 'markdown');
    const json = svc.report('Svc', 'json');
    await svc.stop();
    expect(md).toContain('# why500 report: Svc');
    expect(md).toContain('## What was tried');
    expect(md).toContain('| site | direct | 503 |');
    expect(md).not.toContain(TOKEN);
    expect(json).not.toContain(TOKEN);
    const parsed = JSON.parse(json) as { diagnosis: { evidence: { rounds: number } }; tried: string[] };
    expect(parsed.diagnosis.evidence.rounds).toBe(1);
    expect(parsed.tried.length).toBeGreaterThan(2);
  });
});

describe('createAppCore: the monitor', () => {
  it('runs scheduled rounds, emits an outage and a recovery, keeps events for the report and in history', async () => {
    const svc = appCore({
      timing: { intervalMs: 20, confirmDelaysMs: [20], outageIntervalMs: 20, roundDeadlineMs: 1000 },
    });
    const events: string[] = [];
    svc.onEvent((e) => events.push(e.event));
    const waitFor = async (kind: string) => {
      for (let i = 0; i < 200 && !events.includes(kind); i++) await new Promise((r) => setTimeout(r, 10));
    };
    svc.start();
    await new Promise((r) => setTimeout(r, 80));
    fake.down = true;
    await waitFor('outage');
    fake.down = false;
    await waitFor('recovery');
    const status = svc.statuses()[0]!;
    const recent = svc.recentEvents('Svc').map((e) => e.event);
    await svc.stop();
    expect(events).toEqual(['outage', 'recovery']);
    expect(recent).toEqual(['outage', 'recovery']);
    expect(status.lastRoundAt).not.toBeNull();
    expect(svc.lastRound('Svc')).not.toBeNull();
    // A new app core on the same folder finds the events in history.
    const again = appCore();
    expect(again.recentEvents('Svc').map((e) => e.event)).toEqual(['outage', 'recovery']);
    await again.stop();
  });

  it('reads the timeline and the recent events from the history, with a data folder or in memory', async () => {
    /** An app core on a virtual clock whose service is down from 60 s to 180 s, run for 5 minutes. */
    const run = async (dataDir: string | null) => {
      const clock = new VirtualClock({ wallStart: Date.now() - 600_000 });
      const { probe, log } = simulatedProbe(clock, (r, t) => ({
        outcome: r.path !== 'control' && t >= 60_000 && t < 180_000 ? 'http-5xx' : 'ok',
        latencyMs: r.name === 'site' ? 120 : 80,
      }));
      const core = appCore({
        dataDir,
        probe,
        clock,
        now: () => new Date(clock.wallNow()),
        timing: { intervalMs: 10_000, confirmDelaysMs: [5_000], outageIntervalMs: 10_000 },
      });
      core.start();
      await clock.advance(300_000);
      const timeline = core.timeline('Svc', 'hour');
      const recent = core.recentEvents('Svc');
      await core.stop();
      return { timeline, recent, probes: log.length };
    };
    for (const { timeline, recent, probes } of [await run(dir), await run(null)]) {
      // Every probe of every round is a sample (not only the rounds the classifier still looks at).
      expect(timeline.samples).toHaveLength(probes);
      expect(probes).toBeGreaterThan(20 * 4);
      expect(timeline.events.map((e) => e.event)).toEqual(['outage', 'recovery']);
      expect(recent).toEqual(timeline.events);
      expect(timeline.bands).toEqual([
        { state: 'outage', from: expect.any(String), to: expect.any(String), cause: 'unknown' },
      ]);
    }
  });

  it('diagnoseNow with a symptom scans extensions and records what was tried for the report', async () => {
    const svc = appCore();
    const d = await svc.diagnoseNow('Svc', { symptom: true });
    const md = svc.report('Svc', 'markdown');
    await svc.stop();
    expect(d?.evidence.symptom).toBe(true);
    expect(scans).toBe(1);
    expect(md).toContain('The user reported seeing the error in the browser at the time.');
  });
});
