// Tests of the bin's three ways to answer: the small dispatch bundle for what needs no command, the
// full CLI bundle, and the TypeScript sources through tsx where a bundle is missing or stale. Each runs
// a copy of bin/ in a folder whose sources are links to this checkout's, with a dist/cli of its own.

import { describe, it, expect, afterEach } from 'vitest';
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TOP_HELP } from './help';

const repo = fileURLToPath(new URL('..', import.meta.url));
const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A checkout: bin/ copied (the bin finds its root from its own path), everything else linked. */
function checkout(): string {
  const root = mkdtempSync(join(tmpdir(), 'why500-bin-run-'));
  roots.push(root);
  mkdirSync(join(root, 'bin'));
  for (const file of ['why500.cjs', 'why500.mjs', 'bundle-fresh.cjs']) {
    copyFileSync(join(repo, 'bin', file), join(root, 'bin', file));
  }
  for (const entry of [
    'cli',
    'core',
    'shared',
    'simulator',
    'tests',
    'node_modules',
    'package.json',
    'tsconfig.json',
  ]) {
    symlinkSync(join(repo, entry), join(root, entry));
  }
  return root;
}

/**
 * A stand-in dispatch.cjs that answers every argv with `answer` (printing a marker when it answers),
 * built from no inputs (so never stale) unless `inputs` are given, at epoch second `builtAt`.
 */
function fakeDispatch(
  root: string,
  answer: number | null,
  inputs: string[] = [],
  builtAt = 2_000_000_000,
): void {
  const dir = join(root, 'dist', 'cli');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'dispatch.cjs'),
    `exports.answerWithoutCommand = () => { ${answer === null ? '' : "process.stdout.write('from dispatch.cjs\\n');"} return ${answer}; };\n`,
  );
  writeFileSync(join(dir, 'inputs.json'), JSON.stringify({ 'dispatch.cjs': inputs }));
  utimesSync(join(dir, 'dispatch.cjs'), builtAt, builtAt);
}

function run(root: string, args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'why500.cjs'), ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: root },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('bin/why500.cjs', () => {
  it('answers from dispatch.cjs when it is fresh', () => {
    const root = checkout();
    fakeDispatch(root, 7);
    expect(run(root, ['--help'])).toEqual({ code: 7, stdout: 'from dispatch.cjs\n', stderr: '' });
  });

  it('runs the full CLI from the sources when dispatch.cjs leaves the answer to a command', () => {
    const root = checkout();
    fakeDispatch(root, null);
    const r = run(root, ['--help']); // the stand-in declines even this; main.mjs is missing: tsx
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(TOP_HELP);
  }, 60_000);

  it('runs the sources when dispatch.cjs is stale or the bundle is missing', () => {
    const stale = checkout();
    fakeDispatch(stale, 7, ['cli/help.ts'], 1_000); // built in 1970: every real file is newer
    const missing = checkout();
    for (const root of [stale, missing]) {
      const r = run(root, ['-v']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
      const u = run(root, ['bogus']);
      expect(u.code).toBe(2);
      expect(u.stderr).toMatch(
        /^why500: unknown command "bogus" — commands are check, diagnose, watch, history, services, simulate\n$/,
      );
    }
  }, 120_000);
});
