// `why500 services` and `--service ID`: the catalogue listed as a table and as JSON with sources, the
// services picked on check/diagnose/watch, and each mistake as one line with exit code 2. Nothing here
// probes anything: every run stops at a usage error or needs no network.

import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfig } from '../shared/config/defaults';
import { main } from './main';
import { pickServices } from './setup';
import { UsageError } from './usage-error';
import type { CliRun } from './testing/run-cli';

const env = { PATH: process.env.PATH ?? '', HOME: mkdtempSync(join(tmpdir(), 'why500-services-')) };

async function runMain(args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env });
  return { code, stdout, stderr };
}

describe('why500 services', () => {
  it('--json prints one validated entry per line, at least 20, each with a dated source per fact', async () => {
    const r = await runMain(['services', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const entries = r.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; sources: Record<string, { date: string }> });
    expect(entries.length).toBeGreaterThanOrEqual(20);
    for (const e of entries) {
      expect(Object.keys(e.sources)).toEqual(['site', 'endpoints', 'status', 'cdn', 'auth']);
      for (const source of Object.values(e.sources)) expect(source.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(entries.map((e) => e.id)).toContain('character-ai');
  });

  it('prints a table with each status page, or none', async () => {
    const r = await runMain(['services']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^claude\s+Claude\s+status\.claude\.com \(statuspage, with a fallback origin\)\s+cloudflare\s+no$/m,
    );
    expect(r.stdout).toMatch(/^replika\s+Replika\s+none\s+unknown\s+no$/m);
    expect(r.stdout).toMatch(/^chatgpt\s+.*Bearer from \$WHY500_TOKEN_CHATGPT$/m);
  });

  it('has help and refuses stray arguments', async () => {
    expect((await runMain(['services', '--help'])).stdout).toContain('Usage: why500 services [--json]');
    const r = await runMain(['services', 'chatgpt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^why500 services: unexpected argument "chatgpt"/);
  });
});

describe('--service ID', () => {
  it.each(['check', 'diagnose', 'watch'])('%s: an unknown id is one line with close matches', async (cmd) => {
    const r = await runMain([cmd, '--service', 'character-ai', '--service', 'claud']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `why500 ${cmd}: unknown service "claud" — did you mean claude? run 'why500 services' for the list\n`,
    );
  });

  it('cannot be combined with --target', async () => {
    const r = await runMain(['check', '--target', 'Character.AI', '--service', 'chatgpt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--target and --service pick targets two ways/);
  });

  it("picks the services in the order given, once each, preferring the config's own target for one", () => {
    const config = resolveConfig({
      targets: [{ name: 'Claude', site: 'https://claude.example.test/' }],
    });
    const mine = { ...config.targets[0]!, service: 'claude' };
    const picked = pickServices('check', { ...config, targets: [mine] }, ['poe', 'CLAUDE', 'poe']);
    expect(picked.map((t) => [t.name, t.site])).toEqual([
      ['Poe', 'https://poe.com/'],
      ['Claude', 'https://claude.example.test/'],
    ]);
    expect(() => pickServices('watch', config, ['nope-nope'])).toThrow(UsageError);
  });
});
