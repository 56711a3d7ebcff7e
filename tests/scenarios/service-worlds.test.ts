// Several catalogue services at once, at their real addresses mapped to loopback fakes
// (simulator/service-worlds.ts), through the real CLI: a shared front vendor failing, one service failing
// alone, a bot-checked status page with a working fallback origin, and an incident.io page without
// Statuspage keys. Every name resolves to the world's own address or fails: nothing reaches the network.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DiagnosisJson, CheckJson } from '../../core/report/contract';
import { SERVICE_WORLDS, startServiceWorld, type ServiceWorld } from '../../simulator/service-worlds';
import { cleanEnv, runCli, type CliRun } from '../../cli/testing/run-cli';

const worlds = new Map<string, ServiceWorld>();
const runs = new Map<string, CliRun>();

function spec(name: string) {
  const found = SERVICE_WORLDS.find((w) => w.name === name);
  if (!found) throw new Error(name);
  return found;
}

beforeAll(async () => {
  for (const s of SERVICE_WORLDS) worlds.set(s.name, await startServiceWorld(s));
  const home = mkdtempSync(join(tmpdir(), 'why500-worlds-'));
  const envOf = (name: string) =>
    cleanEnv(home, { ...worlds.get(name)!.env, WHY500_DATA_DIR: join(home, name) });
  const diagnose = ['diagnose', '--watch', '2', '--interval', '1', '--json'];
  const cfg = (name: string) => ['--config', worlds.get(name)!.configPath];
  const jobs: [string, string[], string][] = [
    ['shared-vendor-down', [...diagnose, ...cfg('shared-vendor-down')], 'shared-vendor-down'],
    [
      'one-alone',
      [...diagnose, ...cfg('one-alone'), ...spec('one-alone').services.flatMap((id) => ['--service', id])],
      'one-alone',
    ],
    [
      'status-bot-check',
      ['check', '--json', ...cfg('status-bot-check'), '--service', 'claude'],
      'status-bot-check',
    ],
    ['incidentio-page', [...diagnose, ...cfg('incidentio-page')], 'incidentio-page'],
  ];
  await Promise.all(jobs.map(async ([key, args, world]) => runs.set(key, await runCli(args, envOf(world)))));
}, 120_000);

afterAll(async () => {
  await Promise.all([...worlds.values()].map((w) => w.close()));
});

function diagnoses(key: string): Map<string, DiagnosisJson> {
  const run = runs.get(key)!;
  const out = new Map<string, DiagnosisJson>();
  for (const line of run.stdout.trim().split('\n').filter(Boolean)) {
    const d = JSON.parse(line) as DiagnosisJson;
    out.set(d.target, d);
  }
  expect(out.size, `${run.stderr}\n${run.stdout}`).toBeGreaterThan(0);
  return out;
}

const forOfLeader = (d: DiagnosisJson): string[] => d.ranking[0]?.for ?? [];

describe('a shared front vendor failing', () => {
  it("names Cloudflare for each of the three services behind it, with Cloudflare's own status page", () => {
    const all = diagnoses('shared-vendor-down');
    for (const name of ['Character.AI', 'ChatGPT', 'Claude']) {
      const d = all.get(name)!;
      expect(d, name).toBeDefined();
      expect(d.verdict).not.toBe('local-network');
      expect(d.evidence.peers?.sharedVendor).toMatchObject({
        vendor: 'cloudflare',
        unrelatedAnswering: ['Gemini'],
        status: { openIncidents: 1, incidentName: 'Cloudflare Global Network issues' },
      });
      const sentence = forOfLeader(d).find((s) => s.startsWith('Three services behind Cloudflare'));
      expect(sentence, JSON.stringify(d.ranking[0])).toMatch(
        /^Three services behind Cloudflare fail together with Cloudflare's own error pages \((Character\.AI|ChatGPT|Claude), (Character\.AI|ChatGPT|Claude) and (Character\.AI|ChatGPT|Claude)\), while Gemini answers: likely a Cloudflare problem, not each service's; Cloudflare's status page reports an incident \(“Cloudflare Global Network issues”\)$/,
      );
      expect(sentence).toContain(`(${name},`);
    }
    expect(all.get('Gemini')?.verdict).toBe('healthy');
  });
});

describe('one service failing alone', () => {
  it('counts the others that answer as controls: not your connection', () => {
    const all = diagnoses('one-alone');
    const cai = all.get('Character.AI')!;
    expect(cai.verdict).not.toBe('local-network');
    expect(cai.verdict).not.toBe('healthy');
    expect(cai.evidence.peers?.sharedVendor).toBeNull();
    expect(forOfLeader(cai), JSON.stringify(cai.ranking[0])).toContain(
      'ChatGPT, Claude and Perplexity answer from this machine, so it is not your connection',
    );
    for (const name of ['ChatGPT', 'Claude', 'Perplexity']) expect(all.get(name)?.verdict).toBe('healthy');
  });
});

describe('a status page behind a bot check', () => {
  it('is read from its statuspage.io origin instead, and says so', () => {
    const run = runs.get('status-bot-check')!;
    const check = JSON.parse(run.stdout.trim().split('\n')[0] ?? '{}') as CheckJson;
    expect(check.target, run.stderr).toBe('Claude');
    expect(check.statusPage?.unavailable).toBeNull();
    expect(check.statusPage?.viaFallback).toBe('https://tymt9n04zgry.statuspage.io/');
    expect(check.statusPage?.snapshot?.incidents[0]?.name).toBe('Elevated errors on Claude.ai');
    // The public page was asked once; its answer was a bot check, never taken for "no incident".
    const hits = worlds.get('status-bot-check')!.hits;
    expect(hits.get('status.claude.com')).toBe(1);
    expect(hits.get('tymt9n04zgry.statuspage.io')).toBeGreaterThan(0);
  });
});

describe('an incident.io page without Statuspage keys', () => {
  it("finds ChatGPT's open incident through the widget API, and the others answer", () => {
    const all = diagnoses('incidentio-page');
    const chatgpt = all.get('ChatGPT')!;
    expect(chatgpt.evidence.statusPage).toMatchObject({ available: true, openIncidents: 1 });
    expect(chatgpt.evidence.statusPage.incidentName).toBe('Elevated error rates');
    expect(chatgpt.verdict).not.toBe('local-network');
    expect(forOfLeader(chatgpt), JSON.stringify(chatgpt.ranking[0])).toContain(
      'Claude and Perplexity answer from this machine, so it is not your connection',
    );
    expect(all.get('Claude')?.verdict).toBe('healthy');
  });
});
