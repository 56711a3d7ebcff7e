// `why500 check` and `why500 diagnose` run for real against a fake service on 127.0.0.1.

import { describe, it, expect } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DIAGNOSIS_OUTCOMES } from '../shared/types/diagnosis';
import type { CheckJson, DiagnosisJson } from '../core/report/contract';
import { OUTCOMES } from '../shared/types/probe';
import { useFakeWorld } from './testing/fake-world';
import { cleanEnv, runCli, type CliRun } from './testing/run-cli';

const TOKEN = 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00';
const world = useFakeWorld('why500-cli-', TOKEN);

/** The data folder of this file's runs. */
const dataDir = (): string => join(world.dir, 'data');

function cli(args: string[]): Promise<CliRun> {
  return runCli([...args, '--data-dir', dataDir()], cleanEnv(world.dir, { WHY500_FAKE_TOKEN: TOKEN }));
}

describe('check', () => {
  it('prints a readable table and exits 0 when everything answers', async () => {
    world.fake.mode = 'ok';
    const r = await cli(['check', '--config', world.configPath]);
    expect(r.stderr).toBe(world.tokenNotice());
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^Fake, \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/);
    expect(lines[1]).toMatch(
      /endpoint\s+path\s+code\s+dns ms\s+connect\s+tls\s+first byte\s+total\s+outcome/,
    );
    expect(r.stdout).toMatch(
      /^ {2}site\s+direct\s+200\s+–\s+\d+(\.\d)?\s+–\s+\d+(\.\d)?\s+\d+(\.\d)?\s+ok$/m,
    );
    expect(r.stdout).toMatch(/^ {2}user \(token\)\s+direct\s+200 .* ok$/m);
    expect(r.stdout).toMatch(/^ {2}127\.0\.0\.1:\d+\s+control\s+204 .* ok$/m);
    expect(r.stdout).toContain('Status page: The status page says "All Systems Operational"');
    // The token went to the auth endpoint, and nowhere in the output.
    expect(world.fake.authSeen).toContain(`Token ${TOKEN}`);
    expect(r.stdout + r.stderr).not.toContain(TOKEN);
    // The fingerprint memory lives in the data folder.
    expect(existsSync(join(dataDir(), 'fingerprints.json'))).toBe(true);
  });

  it('prints the exact JSON shape', async () => {
    world.fake.mode = 'ok';
    const r = await cli(['check', '--config', world.configPath, '--json']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const json = JSON.parse(lines[0]!) as CheckJson;
    expect(Object.keys(json)).toEqual(['target', 'at', 'probes', 'statusPage']);
    expect(json.target).toBe('Fake');
    expect(new Date(json.at).toISOString()).toBe(json.at);
    expect(json.probes.map((p) => `${p.path}:${p.name}`)).toEqual([
      'direct:site',
      'direct:health',
      'direct:user',
      'anonymous:user',
      `control:${new URL(world.fake.url).host}`,
    ]);
    for (const p of json.probes) {
      expect(Object.keys(p)).toEqual(['name', 'url', 'path', 'status', 'outcome', 'timings']);
      expect(Object.keys(p.timings)).toEqual(['dns', 'connect', 'tls', 'firstByte', 'total']);
      expect(OUTCOMES).toContain(p.outcome);
      expect(p.timings.tls).toBeNull(); // plain HTTP has no TLS phase
      expect(p.timings.total).toBeGreaterThan(0);
    }
    expect(json.statusPage?.snapshot?.provider).toBe('atlassian');
    expect(json.statusPage?.snapshot?.level).toBe('operational');
  });

  it('exits 1 when the service fails', async () => {
    world.fake.mode = 'down';
    try {
      const r = await cli(['check', '--config', world.configPath, '--json']);
      expect(r.stderr).toBe(world.tokenNotice());
      expect(r.code).toBe(1);
      const json = JSON.parse(r.stdout) as { probes: { path: string; status: number; outcome: string }[] };
      expect(json.probes.filter((p) => p.path === 'direct').map((p) => [p.status, p.outcome])).toEqual([
        [503, 'http-5xx'],
        [503, 'http-5xx'],
        [503, 'http-5xx'],
      ]);
    } finally {
      world.fake.mode = 'ok';
    }
  });
});

describe('diagnose', () => {
  it('prints the issue-3 JSON contract: nine outcomes, probabilities summing to 1, exit 0 when healthy', async () => {
    world.fake.mode = 'ok';
    const r = await cli(['diagnose', '--config', world.configPath, '--json']);
    expect(r.stderr).toBe(world.tokenNotice());
    const json = JSON.parse(r.stdout) as DiagnosisJson;
    expect(Object.keys(json)).toEqual([
      'target',
      'verdict',
      'confidence',
      'ranking',
      'nextStep',
      'observedFrom',
      'observedTo',
      'evidence',
      'localCause',
      'notChecked',
    ]);
    expect(json.localCause).toBeNull();
    expect(json.evidence.local, 'a healthy round runs no local check').toBeUndefined();
    expect(json.target).toBe('Fake');
    expect(json.ranking).toHaveLength(9);
    expect(json.ranking.map((x) => x.cause).sort()).toEqual([...DIAGNOSIS_OUTCOMES].sort());
    for (const item of json.ranking)
      expect(Object.keys(item)).toEqual(['cause', 'probability', 'for', 'against']);
    const sum = json.ranking.reduce((s, x) => s + x.probability, 0);
    expect(sum).toBeCloseTo(1, 6);
    for (let i = 1; i < 9; i++) {
      expect(json.ranking[i - 1]!.probability).toBeGreaterThanOrEqual(json.ranking[i]!.probability);
    }
    expect([json.ranking[0]!.cause, 'unknown']).toContain(json.verdict);
    expect(json.verdict).toBe('healthy');
    expect(json.confidence).toBe(json.ranking[0]!.probability);
    expect(typeof json.nextStep).toBe('string');
    expect(r.code).toBe(0);
    expect(json.evidence.rounds).toBe(1);
    expect(json.evidence.auth.tokenConfigured).toBe(true);
    expect(Date.parse(json.observedTo)).toBeGreaterThanOrEqual(Date.parse(json.observedFrom));
  });

  it('observes for --watch seconds every --interval seconds, and exits 1 on a problem', async () => {
    world.fake.mode = 'down';
    try {
      const r = await cli([
        'diagnose',
        '--config',
        world.configPath,
        '--json',
        '--watch',
        '2',
        '--interval',
        '1',
      ]);
      expect(r.stderr).toBe(world.tokenNotice());
      const json = JSON.parse(r.stdout) as { verdict: string; evidence: { rounds: number } };
      expect(json.evidence.rounds).toBe(3);
      expect(json.verdict).not.toBe('healthy');
      expect(r.code).toBe(1);
    } finally {
      world.fake.mode = 'ok';
    }
  });

  it('prints a readable summary by default', async () => {
    world.fake.mode = 'ok';
    const r = await cli(['diagnose', '--config', world.configPath]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Fake is working normally\.$/m);
    expect(r.stdout).toMatch(
      /^ {2}Finding: Working normally \(leads with \d+% of the model's weight\): nothing wrong in what was checked$/m,
    );
    expect(r.stdout).toMatch(/^ {2}Next step: /m);
  });

  it('prints a Markdown report with every secret redacted', async () => {
    world.fake.mode = 'echo';
    // The token also sits in a URL of the config (a user mistake we must not repeat back).
    const leaky = world.write(
      'leaky.json',
      world.fake.config(
        {},
        {
          endpoints: [
            { name: 'health', url: `${world.fake.url}/health?token=${TOKEN}` },
            { name: 'user', url: `${world.fake.url}/user?api_key=other-secret-value`, auth: true },
          ],
        },
      ),
    );
    try {
      const r = await cli(['diagnose', '--config', leaky, '--markdown']);
      expect(r.stderr).toBe(world.tokenNotice());
      expect(r.code).toBe(1);
      const md = r.stdout;
      expect(md).toMatch(/^# why500 report: Fake$/m);
      expect(md).toMatch(/\*\*Generated:\*\* \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/);
      expect(md).toMatch(/\*\*Observed:\*\* .* UTC to .* \(\d+ s, 1 round\)/);
      expect(md).not.toContain('UTC (UTC)');
      expect(md).toMatch(/\*\*OS:\*\* \S+/);
      expect(md).toMatch(/\*\*App:\*\* why500 \d+\.\d+\.\d+/);
      expect(md).toContain('## What was tried');
      expect(md).toContain(
        "Sent the user's token (not shown) with user, and the same request without it, to test the account.",
      );
      expect(md).toContain('## Verdict');
      expect(md).toContain('**Next step:**');
      expect(md).toMatch(/\| health \| direct \| 500 \|/);
      expect(md).toContain('?token=[redacted]');
      expect(md).toContain('?api_key=[redacted]');
      expect(md + r.stderr).not.toContain(TOKEN);
      expect(md).not.toContain('other-secret-value');
    } finally {
      world.fake.mode = 'ok';
    }
  });

  it('never prints the token, whatever the command, format or service behaviour', async () => {
    const outputs: string[] = [];
    for (const mode of ['ok', 'echo'] as const) {
      world.fake.mode = mode;
      const runs = await Promise.all(
        [['check'], ['check', '--json'], ['diagnose', '--json'], ['diagnose', '--markdown', '--symptom']].map(
          (args) => cli([...args, '--config', world.configPath]),
        ),
      );
      for (const r of runs) outputs.push(r.stdout, r.stderr);
    }
    world.fake.mode = 'ok';
    const all = outputs.join('\n');
    expect(all.length).toBeGreaterThan(2000);
    expect(all).not.toContain(TOKEN);
  });
});
