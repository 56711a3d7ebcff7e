// `why500 simulate` as the CLI runs it: listing, usage errors in one line, and a running scenario that
// prints its config path (never the token) and stops cleanly.

import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runSimulateCommand } from './command';
import { SCENARIOS } from './scenarios/index';
import type { RunningSimulator } from './simulator';

function capture() {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: { stdout: (t: string) => void (out.stdout += t), stderr: (t: string) => void (out.stderr += t) },
  };
}

describe('why500 simulate', () => {
  it('--list names every scenario with its expected outcome', async () => {
    const { out, io } = capture();
    expect(await runSimulateCommand(['--list'], io)).toBe(0);
    for (const s of SCENARIOS) expect(out.stdout).toMatch(new RegExp(`${s.name}\\s+${s.outcome}`));
    const json = capture();
    expect(await runSimulateCommand(['--list', '--json'], json.io)).toBe(0);
    expect((JSON.parse(json.out.stdout) as unknown[]).length).toBe(SCENARIOS.length);
  });

  it.each([
    [['--scenario', 'no-such-thing'], /unknown scenario "no-such-thing"/],
    [['--port', 'abc', '--scenario', 'healthy-slow'], /--port expects a port number/],
    [['--bogus'], /unknown option "--bogus"/],
    [[], /name a scenario with --scenario/],
  ])('%j is a usage error in one line', async (argv, message) => {
    const { out, io } = capture();
    expect(await runSimulateCommand(argv, io)).toBe(2);
    expect(out.stderr).toMatch(message);
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a port in use is one clear line', async () => {
    const { createServer } = await import('node:net');
    const busy = createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', () => r()));
    const port = (busy.address() as { port: number }).port;
    const { out, io } = capture();
    try {
      expect(await runSimulateCommand(['--scenario', 'healthy-slow', '--port', String(port)], io)).toBe(1);
    } finally {
      busy.close();
    }
    expect(out.stderr).toBe(
      `why500 simulate: port ${port} is already in use; pick another with --port, or leave --port out for a free one\n`,
    );
  });

  it('runs a scenario until stopped, printing the config path and never the token', async () => {
    const { out, io } = capture();
    const controller = new AbortController();
    let sim: RunningSimulator | null = null;
    const exit = runSimulateCommand(['--scenario', 'account-expired-token'], io, {
      signal: controller.signal,
      onStarted: (s) => {
        sim = s;
        controller.abort();
      },
    });
    expect(await exit).toBe(0);
    const running = sim as RunningSimulator | null;
    expect(running).not.toBeNull();
    expect(out.stdout).toContain(`Config: ${running?.configPath}`);
    expect(out.stdout).toContain('should be diagnosed as "account"');
    expect(out.stdout).toContain('--config');
    const token = running?.env.WHY500_TOKEN ?? '';
    expect(token).toMatch(/^[0-9a-f]{40}$/);
    expect(out.stdout + out.stderr).not.toContain(token);
    expect(out.stdout).toContain('Simulator stopped.');
    // Stopped: the temp folder with the config is gone.
    expect(existsSync(running?.configPath ?? '')).toBe(false);
  });

  it('the config file the command prints is the one the simulator serves', async () => {
    const { io } = capture();
    const controller = new AbortController();
    let text = '';
    await runSimulateCommand(['--scenario', 'healthy-operational', '--port', '0'], io, {
      signal: controller.signal,
      onStarted: (s) => {
        text = readFileSync(s.configPath, 'utf8');
        controller.abort();
      },
    });
    const config = JSON.parse(text) as { targets: { site: string }[] };
    expect(config.targets[0]?.site).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });
});
