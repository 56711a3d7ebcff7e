// `why500 history` reads the stored rounds (written here the way the monitor writes them) and prints
// the uptime per window with its coverage and the heartbeat strip; it probes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HistoryStore } from '../core/history/history';
import { main } from './main';
import { cleanEnv } from './testing/run-cli';

const MIN = 60_000;
let dir: string;
let config: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'why500-history-cli-'));
  // Port 9 (discard) on loopback: if the command probed anything, it would fail, not reach the internet.
  config = join(dir, 'config.json');
  writeFileSync(config, JSON.stringify({ targets: [{ name: 'Svc', site: 'http://127.0.0.1:9/' }] }));
  const now = Date.now();
  const store = new HistoryStore(join(dir, 'data', 'history'), { now: () => now });
  // Two hours of rounds a minute apart; the last 6 failing.
  for (let i = 120; i >= 1; i--) {
    const at = now - i * MIN;
    const failing = i <= 6;
    store.appendSamples([
      {
        at,
        target: 'Svc',
        name: 'site',
        path: 'direct',
        outcome: failing ? 'http-5xx' : 'ok',
        status: failing ? 503 : 200,
        timings: { dns: 1, connect: 1, tls: null, firstByte: 40, total: 50 },
      },
    ]);
  }
  store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(['history', '--config', config, '--data-dir', join(dir, 'data'), ...args], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env: cleanEnv(dir),
  });
  return { code, stdout, stderr };
}

describe('why500 history', () => {
  it('prints the uptime of each window with what was watched, and the last rounds', async () => {
    const r = await run([]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Svc, uptime as seen from here:');
    // 6 failing minutes of 2 h watched: 95.0% (94.9% once the clock has moved on a little while the
    // last round still fails), never rounded up, and the 2 h said.
    expect(lines[1]).toMatch(
      /^ {2}24 h: 9(5\.0|4\.9)% \(6 of 120 rounds failed; watched 2 h( 0 min)? of 24 h\)$/,
    );
    expect(lines[3]).toMatch(/^ {2}30 d: 9(5\.0|4\.9)% /);
    expect(r.stdout).toContain('rounds are kept 7 days');
    expect(lines.at(-1)).toBe(`  ${'+'.repeat(34)}${'x'.repeat(6)}`);
  });

  it('prints the same figures as JSON', async () => {
    const r = await run(['--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as {
      target: string;
      windows: { label: string; uptime: string | null; rounds: number; failedRounds: number }[];
      heartbeat: { failed: number }[];
    };
    expect(json.target).toBe('Svc');
    expect(json.windows.map((w) => [w.label, w.rounds, w.failedRounds])).toEqual([
      ['24 h', 120, 6],
      ['7 d', 120, 6],
      ['30 d', 120, 6],
    ]);
    for (const w of json.windows) expect(['95.0%', '94.9%']).toContain(w.uptime);
    expect(json.heartbeat).toHaveLength(40);
    expect(json.heartbeat.filter((b) => b.failed > 0)).toHaveLength(6);
  });
});
