// The real CLI's help, usage mistakes and config errors: exit codes and one-line messages.

import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from './main';
import { cleanEnv, expectUsageError, runCli, type CliRun } from './testing/run-cli';

let dir: string;
let env: Record<string, string>;
// A valid config whose only target is a closed local port: nothing here ever reaches the network.
let configPath: string;

/**
 * The same `main` the bin runs, in this process (fast, for the long tables of cases); the
 * `real process` block below runs the actual bin for a representative few.
 */
async function runMain(args: string[], runEnv: Record<string, string>): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env: runEnv,
  });
  return { code, stdout, stderr };
}

function writeConfig(name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'why500-usage-'));
  env = cleanEnv(dir);
  configPath = writeConfig('ok.json', {
    targets: [{ name: 'Local', site: 'http://127.0.0.1:9/' }],
    controls: [],
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('help', () => {
  it('prints top-level and per-command help with exit 0', async () => {
    const runs = await Promise.all([
      runMain(['--help'], env),
      runMain(['-h'], env),
      ...['check', 'diagnose', 'watch', 'history', 'services', 'simulate'].map((cmd) =>
        runMain([cmd, '--help'], env),
      ),
    ]);
    for (const r of runs) expect(r.code).toBe(0);
    expect(runs[0]!.stdout).toMatch(/^Usage: why500 <command> \[options\]$/m);
    expect(runs[0]!.stdout).toMatch(
      /Exit codes: 0 healthy, 1 a problem found, 2 bad usage or bad configuration/,
    );
    expect(runs[1]!.stdout).toBe(runs[0]!.stdout);
    ['check', 'diagnose', 'watch', 'history', 'services', 'simulate'].forEach((cmd, i) =>
      expect(runs[i + 2]!.stdout).toContain(`Usage: why500 ${cmd}`),
    );
    // Help wins over other flags, even bad ones.
    const mixed = await runMain(['check', '--nope', '--help'], env);
    expect(mixed.code).toBe(0);
  });

  it('prints the version', async () => {
    const r = await runMain(['--version'], env);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('usage mistakes', () => {
  it('each gives one line on stderr saying what and how to fix, and exit 2', async () => {
    const cases: [string[], RegExp][] = [
      [[], /^why500: missing command — run 'why500 --help' for the commands$/],
      [
        ['chek'],
        /^why500: unknown command "chek" — commands are check, diagnose, watch, history, services, simulate$/,
      ],
      [['--json'], /^why500: unknown command "--json" — put the command first/],
      [
        ['check', '--jsn'],
        /^why500 check: unknown option --jsn — run 'why500 check --help' for the options$/,
      ],
      [['check', '-x'], /^why500 check: unknown option -x/],
      [['check', '--config'], /^why500 check: --config needs a value/],
      [['check', '--config', '--json'], /^why500 check: --config needs a value/],
      [['check', '--json=yes'], /^why500 check: --json takes no value/],
      [['check', 'extra'], /^why500 check: unexpected argument "extra"/],
      [['diagnose', '--json', '--markdown', '--config', configPath], /choose one of --json and --markdown/],
      [
        ['diagnose', '--interval', '0.5', '--config', configPath],
        /--interval expected a number of seconds from 1 to 600, found "0\.5"/,
      ],
      [
        ['diagnose', '--watch', 'soon', '--config', configPath],
        /--watch expected a number of seconds from 0 to 3600, found "soon"/,
      ],
      [
        ['diagnose', '--watch', '3600', '--interval', '1', '--config', configPath],
        /makes more than 720 rounds — raise --interval/,
      ],
      [
        ['watch', '--interval', '5', '--config', configPath],
        /--interval expected a number of seconds from 10 to 3600 \(be polite to the service\), found "5"/,
      ],
      [['simulate'], /^why500 simulate: name a scenario with --scenario NAME/],
      [
        ['simulate', '--scenario', 'nope'],
        /^why500 simulate: unknown scenario "nope"; run "why500 simulate --list"/,
      ],
      [
        ['check', '--config', configPath, '--target', 'Nope'],
        /^why500 check: unknown target "Nope" — known targets: "Local"$/,
      ],
      // The built-in defaults are loaded (no network) and the name is checked against them.
      [
        ['diagnose', '--target', 'Nope'],
        /^why500 diagnose: unknown target "Nope" — known targets: "Character\.AI"$/,
      ],
    ];
    const runs = await Promise.all(cases.map(([args]) => runMain(args, env)));
    runs.forEach((r, i) => expectUsageError(r, cases[i]![1]));
  });

  it('accepts a target name in any case', async () => {
    // --watch 0 with an unreachable target: a single quick round; exit 1 (a problem), not 2.
    const r = await runMain(
      ['check', '--config', configPath, '--target', 'local', '--json', '--data-dir', join(dir, 'd')],
      env,
    );
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).target).toBe('Local');
  });
});

describe('config errors', () => {
  const hint = / — fix it or run without --config to use the defaults$/;
  it('unknown key, bad URL, bad JSON, missing file, folder, bad interval: one line each, exit 2', async () => {
    const cases: [string, RegExp][] = [
      [
        writeConfig('unknown-key.json', { intervalSeconds: 30, colour: 'red' }),
        /unknown-key\.json: colour: unknown key \(remove it or check its spelling\)/,
      ],
      [
        writeConfig('nested-key.json', {
          targets: [
            {
              name: 'X',
              site: 'http://x.test/',
              endpoints: [{ name: 'a', url: 'http://x.test/a', secret: 1 }],
            },
          ],
        }),
        /nested-key\.json: targets\[0\]\.endpoints\[0\]\.secret: unknown key/,
      ],
      [
        writeConfig('bad-url.json', { targets: [{ name: 'X', site: 'not a url' }] }),
        /bad-url\.json: targets\[0\]\.site: expected an http\(s\) URL of the site page, found "not a url"/,
      ],
      [
        writeConfig('bad.json', '{"targets": ['),
        /bad\.json: line 1, column 14: expected JSON, found a syntax error/,
      ],
      [
        join(dir, 'missing.json'),
        /missing\.json: \(file\): expected a readable JSON config file, found no file at that path/,
      ],
      [dir, /: \(file\): expected a JSON config file, found a folder/],
      [
        writeConfig('fast.json', { intervalSeconds: 1 }),
        /fast\.json: intervalSeconds: expected at least 10 seconds \(be polite to the service\), found 1/,
      ],
      [
        writeConfig('no-site.json', { targets: [{ name: 'X' }] }),
        /no-site\.json: targets\[0\]\.site: missing/,
      ],
    ];
    const runs = await Promise.all(
      cases.map(([path], i) => runMain([['check', 'diagnose', 'watch'][i % 3]!, '--config', path], env)),
    );
    runs.forEach((r, i) => {
      expectUsageError(r, new RegExp(`^why500: ${cases[i]![1].source}`.replace('^why500: ', '^why500: .*')));
      expect(r.stderr.trim()).toMatch(hint);
    });
  });

  it('reads WHY500_CONFIG when --config is absent, and says how to get back to the defaults', async () => {
    const [missing, bad] = await Promise.all([
      runMain(['check'], cleanEnv(dir, { WHY500_CONFIG: join(dir, 'gone.json') })),
      runMain(['check'], cleanEnv(dir, { WHY500_CONFIG: writeConfig('env-bad.json', { targets: 3 }) })),
    ]);
    expectUsageError(
      missing,
      /gone\.json: \(file\): .* — fix it, or unset WHY500_CONFIG to use the defaults$/,
    );
    expectUsageError(bad, /env-bad\.json: targets: expected a list of targets, found 3/);
  });
});

describe('the real process (bin/why500.cjs)', () => {
  it('exits 0 with help, 2 with one stderr line for a bad flag, a bad config or an unknown target', async () => {
    const [help, flag, config, target] = await Promise.all([
      runCli(['diagnose', '--help'], env),
      runCli(['watch', '--intervl', '10'], env),
      runCli(
        [
          'check',
          '--config',
          writeConfig('real-bad.json', { targets: [{ name: 'X', site: 'http://x.test/', extra: true }] }),
        ],
        env,
      ),
      runCli(['check', '--config', configPath, '--target', 'Other'], env),
    ]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: why500 diagnose');
    expectUsageError(
      flag,
      /^why500 watch: unknown option --intervl — run 'why500 watch --help' for the options$/,
    );
    expectUsageError(
      config,
      /^why500: .*real-bad\.json: targets\[0\]\.extra: unknown key .* — fix it or run without --config to use the defaults$/,
    );
    expectUsageError(target, /^why500 check: unknown target "Other" — known targets: "Local"$/);
  });
});
