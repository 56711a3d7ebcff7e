// The account world and the no-token world through the real CLI: a token the service refuses reads as
// "up, but refuses your account", never "down"; without a token the account is listed as not checked,
// in `check`, `diagnose` (text, JSON, Markdown) and `watch --json`.

import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { DiagnosisJson } from '../core/report/contract';
import { useFakeWorld } from './testing/fake-world';
import { cleanEnv, runCli, startCli, type CliRun } from './testing/run-cli';

const TOKEN = 'ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12';
const world = useFakeWorld('why500-account-', TOKEN);

function cli(args: string[], env: Record<string, string>): Promise<CliRun> {
  return runCli([...args, '--data-dir', join(world.dir, 'data')], cleanEnv(world.dir, env));
}

describe('without a token', () => {
  it('says the account was not checked, and how to check it, on every output', async () => {
    world.fake.mode = 'ok';
    const check = await cli(['check', '--config', world.configPath], {});
    expect(check.stdout).toMatch(/^ {2}user \(token\)\s+direct\s+–.*not checked — no token$/m);

    const text = await cli(['diagnose', '--config', world.configPath], {});
    expect(text.stdout).toMatch(/^Fake is working normally\.$/m);
    expect(text.stdout).toMatch(/: nothing wrong in what was checked$/m);
    expect(text.stdout).toMatch(
      /^ {4}- Account or session: not checked — no token\. To check it, give your token/m,
    );

    const json = JSON.parse(
      (await cli(['diagnose', '--config', world.configPath, '--json'], {})).stdout,
    ) as DiagnosisJson;
    expect(json.notChecked.map((u) => [u.cause, u.why])).toContainEqual(['account', 'no token']);

    const md = (await cli(['diagnose', '--config', world.configPath, '--markdown'], {})).stdout;
    expect(md).toContain('**Not checked:**');
    expect(md).toMatch(/^- Account or session: not checked — no token\./m);
  });

  it('lists nothing as unchecked for the account when the token is given', async () => {
    world.fake.mode = 'ok';
    const json = JSON.parse(
      (await cli(['diagnose', '--config', world.configPath, '--json'], { WHY500_FAKE_TOKEN: TOKEN })).stdout,
    ) as DiagnosisJson;
    expect(json.notChecked.map((u) => u.cause)).not.toContain('account');
  });
});

describe('a token the service refuses', () => {
  it('reads as a refusal of the account, not as the service being down', async () => {
    world.fake.mode = 'ok';
    const r = await cli(['diagnose', '--config', world.configPath], {
      WHY500_FAKE_TOKEN: 'wrong'.padEnd(40, '0'),
    });
    expect(r.stdout).toMatch(/^Fake is up, but refuses your account\.$/m);
    // "Regional outage" is another cause's name, listed as not checked.
    expect(r.stdout.replaceAll('Regional outage', '')).not.toMatch(/\bdown\b|outage/i);
  });
});

describe('watch --json in the account world', () => {
  it('starts with the current state, and calls the refusal what it is, never an outage of the service', async () => {
    world.fake.mode = 'ok';
    const child = startCli(
      [
        'watch',
        '--config',
        world.configPath,
        '--json',
        '--interval',
        '0.3',
        '--data-dir',
        join(world.dir, 'w'),
      ],
      cleanEnv(world.dir, { WHY500_FAKE_TOKEN: 'wrong'.padEnd(40, '0'), WHY500_MIN_INTERVAL_MS: '100' }),
    );
    const events: Record<string, unknown>[] = [];
    let buffer = '';
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        events.push(JSON.parse(buffer.slice(0, nl)) as Record<string, unknown>);
        buffer = buffer.slice(nl + 1);
      }
    });
    const exited = new Promise((resolve) => child.on('close', resolve));
    try {
      const deadline = Date.now() + 15_000;
      while (Date.now() < deadline && !events.some((e) => e['event'] === 'outage'))
        await new Promise((r) => setTimeout(r, 100));
    } finally {
      child.kill('SIGINT');
      await exited;
    }
    expect(events[0]).toMatchObject({ event: 'state', target: 'Fake', standing: 'refuses-account' });
    expect(events[0]!['state']).not.toBe('healthy');
    const outage = events.find((e) => e['event'] === 'outage');
    expect(outage).toMatchObject({ standing: 'refuses-account', cause: 'account' });
    expect(String(outage!['summary'])).toMatch(/^Fake is up, but refuses your account: /);
    for (const e of events) expect(String(e['summary'])).not.toMatch(/\bdown\b|outage/i);
  }, 25_000);
});
