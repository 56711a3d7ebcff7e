// Tests of config loading (flag, WHY500_CONFIG, defaults, one-line errors) and of the env token source.

import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from './load';
import { envTokenSource, envTokens, tokenNotices } from './env-tokens';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'why500-config-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A minimal valid target. */
const TARGET = { name: 'X', site: 'https://x.test/' };

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('loadConfig', () => {
  it('uses the built-in Character.AI profile with no flag and no env', async () => {
    const r = await loadConfig({ env: {} });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.source).toEqual({ kind: 'defaults' });
    expect(r.config.targets.map((t) => t.name)).toEqual(['Character.AI']);
    expect(r.config.intervalSeconds).toBe(30);
  });

  it('reads --config, filling defaults', async () => {
    const path = file('ok.json', JSON.stringify({ targets: [{ name: 'X', site: 'http://127.0.0.1:1/' }] }));
    const r = await loadConfig({ file: path, env: {} });
    expect(r.ok && r.config.targets[0]).toEqual({
      name: 'X',
      site: 'http://127.0.0.1:1/',
      endpoints: [],
      statusPage: null,
      auth: null,
    });
  });

  it('falls back to WHY500_CONFIG, and --config wins over it', async () => {
    const a = file('a.json', JSON.stringify({ targets: [{ name: 'A', site: 'http://a.test/' }] }));
    const b = file('b.json', JSON.stringify({ targets: [{ name: 'B', site: 'http://b.test/' }] }));
    const fromEnv = await loadConfig({ env: { WHY500_CONFIG: a } });
    expect(fromEnv.ok && fromEnv.config.targets[0]?.name).toBe('A');
    expect(fromEnv.ok && fromEnv.source.kind).toBe('env');
    const fromFlag = await loadConfig({ file: b, env: { WHY500_CONFIG: a } });
    expect(fromFlag.ok && fromFlag.config.targets[0]?.name).toBe('B');
  });

  it('names an unknown key by its path in one line', async () => {
    const path = file(
      'unknown.json',
      JSON.stringify({ targets: [{ name: 'X', site: 'http://x.test/', colour: 1 }] }),
    );
    const r = await loadConfig({ file: path, env: {} });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toMatch(new RegExp(`^why500: ${escape(path)}: targets\\[0\\]\\.colour: unknown key`));
    expect(r.message).toContain('run without --config to use the defaults');
    expect(r.message).not.toContain('\n');
  });

  it('says what was expected and found for a bad URL', async () => {
    const path = file('url.json', JSON.stringify({ targets: [{ name: 'X', site: 'ftp://x.test/' }] }));
    const r = await loadConfig({ file: path, env: {} });
    expect(!r.ok && r.message).toMatch(
      /targets\[0\]\.site: expected an http\(s\) URL of the site page, found "ftp:\/\/x\.test\/"/,
    );
  });

  it('reports bad JSON, a missing file and a folder as one line each', async () => {
    const bad = await loadConfig({ file: file('bad.json', '{"targets": ['), env: {} });
    expect(!bad.ok && bad.message).toMatch(/: line 1, column 14: expected JSON, found a syntax error/);
    const missing = await loadConfig({ file: join(dir, 'nope.json'), env: {} });
    expect(!missing.ok && missing.message).toMatch(
      /nope\.json: \(file\): expected a readable JSON config file, found no file at that path — fix it/,
    );
    mkdirSync(join(dir, 'folder'));
    const folder = await loadConfig({ file: join(dir, 'folder'), env: {} });
    expect(!folder.ok && folder.message).toMatch(/found a folder/);
    for (const r of [bad, missing, folder]) expect(!r.ok && r.message.includes('\n')).toBe(false);
  });

  it('points at the variable when the file came from WHY500_CONFIG', async () => {
    const r = await loadConfig({ env: { WHY500_CONFIG: join(dir, 'gone.json') } });
    expect(!r.ok && r.message).toMatch(/unset WHY500_CONFIG to use the defaults$/);
  });

  it('names every problem at once, one line each with its path', async () => {
    const path = file(
      'many.json',
      JSON.stringify({ intervalSeconds: 1, colour: 'red', targets: [{ name: 'X', site: 'ftp://x.test/' }] }),
    );
    const r = await loadConfig({ file: path, env: {} });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const lines = r.message.split('\n');
    expect(lines[0]).toBe(`why500: ${path}: 3 problems — fix it or run without --config to use the defaults`);
    expect(lines.slice(1).map((l) => l.split(':')[0])).toEqual([
      '  intervalSeconds',
      '  targets[0].site',
      '  colour',
    ]);
  });

  it('gives the line and column of a JSON syntax error', async () => {
    const r = await loadConfig({
      file: file('syntax.json', '{\n  "targets": [\n    { name: "X" }\n  ]\n}\n'),
      env: {},
    });
    expect(!r.ok && r.message).toMatch(
      /syntax\.json: line 3, column 7: expected JSON, found a syntax error \(/,
    );
    expect(!r.ok && r.message).not.toMatch(/position/);
  });

  it('refuses a config without targets and says how to watch the default', async () => {
    const r = await loadConfig({ file: file('empty.json', '{}'), env: {} });
    expect(!r.ok && r.message).toMatch(
      /empty\.json: targets: expected at least one service to watch, found none — add a target or "services": \["character-ai"\], or run without --config to watch Character\.AI \(the default\)$/,
    );
  });

  it('accepts "$schema" for editors', async () => {
    const r = await loadConfig({
      file: file('schema.json', JSON.stringify({ $schema: './why500.schema.json', targets: [TARGET] })),
      env: {},
    });
    expect(r.ok).toBe(true);
  });

  it('accepts a byte-order mark', async () => {
    const path = file('bom.json', `\uFEFF${JSON.stringify({ intervalSeconds: 60, targets: [TARGET] })}`);
    const r = await loadConfig({ file: path, env: {} });
    expect(r.ok && r.config.intervalSeconds).toBe(60);
  });

  it('refuses an oversized file without reading it whole', async () => {
    const path = file('big.json', `{"x": "${'a'.repeat(2 * 1024 * 1024)}"}`);
    const r = await loadConfig({ file: path, env: {} });
    expect(!r.ok && r.message).toMatch(/expected a config file under 1 MiB, found 2\.0 MiB/);
  });
});

describe('envTokenSource', () => {
  const targets = [
    {
      name: 'A',
      site: 'http://a/',
      endpoints: [],
      statusPage: null,
      auth: { scheme: 'Token', tokenEnv: 'WHY500_A_TOKEN' },
    },
    { name: 'B', site: 'http://b/', endpoints: [], statusPage: null, auth: null },
  ];
  it('reads the variable named by the target, trimmed; blank or absent is no token', () => {
    const s = envTokenSource(targets, { WHY500_A_TOKEN: '  abc123456  ' });
    expect(s.get('A')).toBe('abc123456');
    expect(s.get('B')).toBeNull();
    expect(s.get('nope')).toBeNull();
    expect(envTokenSource(targets, { WHY500_A_TOKEN: '   ' }).get('A')).toBeNull();
    expect(envTokenSource(targets, {}).get('A')).toBeNull();
  });
  it('refuses a token with control characters (header injection)', () => {
    expect(envTokenSource(targets, { WHY500_A_TOKEN: 'abc\r\nX-Evil: 1' }).get('A')).toBeNull();
  });
  it('lists the tokens present for redaction', () => {
    expect(envTokens(targets, { WHY500_A_TOKEN: 'secret-1234' })).toEqual(['secret-1234']);
  });
  it('reads only WHY500_ variables, even for a target built in code', () => {
    const aws = [{ ...targets[0]!, auth: { scheme: 'Token', tokenEnv: 'AWS_SECRET_ACCESS_KEY' } }];
    expect(envTokenSource(aws, { AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI' }).get('A')).toBeNull();
  });
});

describe('tokenEnv in a config file', () => {
  it('refuses a variable not starting with WHY500_, in one line saying why', async () => {
    const path = file(
      'aws.json',
      JSON.stringify({
        targets: [
          {
            name: 'A',
            site: 'https://a.example/',
            auth: { scheme: 'Token', tokenEnv: 'AWS_SECRET_ACCESS_KEY' },
          },
        ],
      }),
    );
    const r = await loadConfig({ file: path, env: {} });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(
      /targets\[0\]\.auth\.tokenEnv: expected a variable name starting with WHY500_.*cannot send another secret/,
    );
    expect(!r.ok && r.message.includes('\n')).toBe(false);
  });
});

describe('tokenNotices', () => {
  const target = (auth: string[]) => ({
    name: 'A',
    site: 'https://a.example/',
    endpoints: auth.map((url, i) => ({ name: `e${i}`, url, auth: true })),
    statusPage: null,
    auth: { scheme: 'Token', tokenEnv: 'WHY500_A_TOKEN' },
  });
  it('names the variable and the origins its token goes to, and warns about plain http: off this machine', () => {
    const t = target(['https://api.a.example/me', 'http://plain.a.example:8080/me', 'http://127.0.0.1:9/me']);
    expect(tokenNotices([t], { WHY500_A_TOKEN: 'secret-1234' })).toEqual([
      'why500: the token in WHY500_A_TOKEN (target "A") goes only to http://127.0.0.1:9, http://plain.a.example:8080, https://api.a.example',
      'why500: warning: the token in WHY500_A_TOKEN is sent over plain http: to http://plain.a.example:8080, where anyone on the network path can read it; use an https: endpoint',
    ]);
  });
  it('says nothing without a token', () => {
    expect(tokenNotices([target(['http://plain.a.example/me'])], {})).toEqual([]);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
