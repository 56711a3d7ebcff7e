// `why500 simulate` hands over to the simulator's own command: the listing through the CLI, and a
// real run whose printed config why500 can check and whose status page answers (so its samples are
// inside the bundled command too), stopped cleanly on SIGINT.

import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listScenarios } from '../simulator/simulator';
import { main } from './main';
import { cleanEnv, runCli, startCli } from './testing/run-cli';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'why500-sim-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('why500 simulate', () => {
  it('--list --json lists every scenario of the simulator', async () => {
    let stdout = '';
    const code = await main(['simulate', '--list', '--json'], {
      stdout: (t) => (stdout += t),
      stderr: () => undefined,
      env: cleanEnv(dir),
    });
    expect(code).toBe(0);
    const listed = JSON.parse(stdout) as { name: string; outcome: string }[];
    expect(listed.map((s) => s.name)).toEqual(listScenarios().map((s) => s.name));
  });

  it('runs a scenario whose printed config why500 can check; SIGINT stops it with exit 0', async () => {
    // One with an Atlassian status page: its samples must travel with the command (also when bundled).
    const scenario = listScenarios().find((s) => s.name === 'healthy-operational')!;
    const child = startCli(['simulate', '--scenario', scenario.name], cleanEnv(dir));
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`simulator did not start: ${stdout} ${stderr}`)),
        15_000,
      );
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        if (stdout.includes('Ctrl-C')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    try {
      const configPath = /^Config: (.+)$/m.exec(stdout)?.[1]?.trim();
      expect(configPath && existsSync(configPath)).toBeTruthy();
      const check = await runCli(
        ['check', '--config', configPath!, '--json', '--data-dir', join(dir, 'data')],
        cleanEnv(dir),
      );
      expect(check.stderr).toBe('');
      expect(check.code).toBe(0);
      expect((JSON.parse(check.stdout) as { target: string }).target).toMatch(/simulated/);
      const config = JSON.parse(readFileSync(configPath!, 'utf8')) as { targets: { statusPage: string }[] };
      const summary = await fetch(`${config.targets[0]!.statusPage}/api/v2/summary.json`);
      expect(summary.status).toBe(200);
      expect(((await summary.json()) as { status: { indicator: string } }).status.indicator).toBe('none');
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    expect(stdout).toContain('Simulator stopped.');
  }, 30_000);
});
