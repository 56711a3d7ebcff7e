// "Is it me?" through the real CLI: each loopback world breaks one part of the user's own connection
// (simulator/local-worlds.ts) and `why500 diagnose --json` must name `local-network` with that sub-cause,
// list every check with its outcome and timing, and stay within one or two requests per check. The
// healthy world must run no check at all: no DoH query and no request beyond the normal round.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiagnosisJson } from '../../core/report/contract';
import { LOCAL_CHECK_IDS } from '../../shared/types/local';
import { cleanEnv, runCli, type CliRun } from '../../cli/testing/run-cli';
import { LOCAL_WORLDS, startLocalWorld, type LocalWorldName } from '../../simulator/local-worlds';

interface WorldRun {
  run: CliRun;
  json: DiagnosisJson | null;
  counts: { service: number; controls: number; doh: number };
}

const runs = new Map<LocalWorldName, WorldRun>();
let dir: string;

async function runWorld(name: LocalWorldName): Promise<void> {
  const worldDir = mkdtempSync(join(dir, `${name}-`));
  const world = await startLocalWorld(name, worldDir);
  try {
    const config = join(worldDir, 'config.json');
    writeFileSync(config, JSON.stringify(world.config));
    const run = await runCli(
      ['diagnose', '--json', '--config', config, '--data-dir', join(worldDir, 'data')],
      cleanEnv(worldDir, world.env),
    );
    let json: DiagnosisJson | null = null;
    try {
      json = JSON.parse(run.stdout) as DiagnosisJson;
    } catch {
      json = null;
    }
    runs.set(name, { run, json, counts: world.counts() });
  } finally {
    await world.close();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'why500-local-'));
  const queue = [...LOCAL_WORLDS];
  // Three CLI runs at once: each spends most of its time starting Node and tsx.
  await Promise.all(
    [0, 1, 2].map(async () => {
      for (let name = queue.shift(); name; name = queue.shift()) await runWorld(name);
    }),
  );
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function get(name: LocalWorldName): DiagnosisJson {
  const r = runs.get(name);
  expect(r, `${name} did not run`).toBeDefined();
  expect(r?.run.stderr, `${name}: stderr`).toBe('');
  expect(r?.json, `${name}: stdout was not JSON: ${r?.run.stdout.slice(0, 200)}`).not.toBeNull();
  return r!.json!;
}

const EXPECTED: [LocalWorldName, string, RegExp, RegExp][] = [
  [
    'dns-fails',
    'dns',
    /could not find svc\.test .* answered 127\.0\.0\.1/,
    /DNS server cannot find svc\.test; switch DNS to automatic/,
  ],
  ['dns-bogus', 'dns', /answered 0\.0\.0\.0 for svc\.test/, /DNS server blocks or redirects svc\.test/],
  ['offline', 'offline', /Neither your DNS server|Nothing answers/, /You seem to be offline/],
  [
    'ipv6-broken',
    'ipv6',
    /IPv6 is offered for svc\.test but does not work/,
    /IPv6 is broken on this network/,
  ],
  [
    'captive-redirect',
    'captive-portal',
    /sent you to 127\.0\.0\.1:\d+ \(302\)/,
    /Your Wi-Fi wants you to sign in: open any web page/,
  ],
  [
    'captive-page',
    'captive-portal',
    /page titled “Hotel Wi-Fi sign-in” \(200\)/,
    /Your Wi-Fi wants you to sign in/,
  ],
  ['proxy-refuses', 'proxy', /Your proxy 127\.0\.0\.1:\d+ answered 403/, /refuses connections/],
  ['proxy-auth', 'proxy', /407 Proxy Authentication Required/, /asks for a password/],
  [
    'interception',
    'interception',
    /Every HTTPS site fails the app's certificate check: on .* the app's own check saw issuer “.*”/,
    /HTTPS scanning/,
  ],
  [
    'clock-behind',
    'clock',
    /clock is 3 h 1[345] min behind/,
    /Your computer's clock is 3 h 1[345] min behind: set the time automatically/,
  ],
];

describe('each local sub-cause through `why500 diagnose --json`', () => {
  for (const [name, cause, evidence, step] of EXPECTED) {
    it(`${name} → local-network / ${cause}`, () => {
      const d = get(name);
      expect(d.verdict, JSON.stringify(d.ranking.slice(0, 2))).toBe('local-network');
      expect(d.localCause).toBe(cause);
      expect(d.ranking[0]?.for.join('\n')).toMatch(evidence);
      expect(d.nextStep).toMatch(step);
      const local = d.evidence.local;
      expect(local?.checks.map((c) => c.check)).toEqual([...LOCAL_CHECK_IDS]);
      for (const c of local?.checks ?? []) {
        expect(c.ms).toBeGreaterThanOrEqual(0);
        expect(c.ms).toBeLessThan(5_000);
        expect(c.requests, `${c.check} requests`).toBeLessThanOrEqual(c.check === 'families' ? 2 : 1);
      }
      expect(runs.get(name)?.run.code, 'exit 1: a problem was found').toBe(1);
    });
  }
});

describe('a healthy world', () => {
  it('names no sub-cause, runs no check and makes no request beyond the normal round', () => {
    const d = get('healthy');
    expect(d.verdict).toBe('healthy');
    expect(d.localCause).toBeNull();
    expect(d.evidence.local).toBeUndefined();
    const counts = runs.get('healthy')?.counts;
    // One round: the site page, the health endpoint and the two controls; no DoH query.
    expect(counts).toEqual({ service: 2, controls: 2, doh: 0 });
  });
});
