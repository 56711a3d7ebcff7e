// Tests of the bin's choice between the prebuilt bundle and the TypeScript sources.

import { describe, it, expect, afterEach } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error -- a plain CommonJS module without type declarations (it runs before any TypeScript)
import { bundleIsFresh } from '../bin/bundle-fresh.cjs';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/**
 * A checkout with one source file and, optionally, a bundle built at `builtAt` (epoch s): main.mjs from
 * `inputs`, and dispatch.cjs from cli/main.ts too, but built one second earlier.
 */
function checkout(builtAt: number | null, inputs: string[] = ['cli/main.ts']): string {
  const root = mkdtempSync(join(tmpdir(), 'why500-bin-'));
  roots.push(root);
  mkdirSync(join(root, 'cli'));
  writeFileSync(join(root, 'cli', 'main.ts'), '');
  utimesSync(join(root, 'cli', 'main.ts'), 1_000, 1_000);
  if (builtAt !== null) {
    mkdirSync(join(root, 'dist', 'cli'), { recursive: true });
    writeFileSync(join(root, 'dist', 'cli', 'main.mjs'), '');
    writeFileSync(join(root, 'dist', 'cli', 'dispatch.cjs'), '');
    const parts = { 'main.mjs': inputs, 'dispatch.cjs': ['cli/main.ts'] };
    writeFileSync(join(root, 'dist', 'cli', 'inputs.json'), JSON.stringify(parts));
    utimesSync(join(root, 'dist', 'cli', 'main.mjs'), builtAt, builtAt);
    utimesSync(join(root, 'dist', 'cli', 'dispatch.cjs'), builtAt - 1, builtAt - 1);
  }
  return root;
}

describe('bundleIsFresh', () => {
  it('runs the bundle when it is newer than every file it was built from', () => {
    expect(bundleIsFresh(checkout(2_000))).toBe(true);
  });

  it('falls back to the sources when a file the bundle was built from changed since', () => {
    const root = checkout(2_000);
    utimesSync(join(root, 'cli', 'main.ts'), 3_000, 3_000);
    expect(bundleIsFresh(root)).toBe(false);
  });

  it('judges each part by its own inputs and build time', () => {
    const root = checkout(2_000);
    utimesSync(join(root, 'cli', 'main.ts'), 1_999.5, 1_999.5);
    expect(bundleIsFresh(root, 'main.mjs')).toBe(true);
    expect(bundleIsFresh(root, 'dispatch.cjs')).toBe(false);
    expect(bundleIsFresh(root, 'other.mjs')).toBe(false);
  });

  it('falls back when the bundle, its list of inputs or one of the inputs is missing', () => {
    expect(bundleIsFresh(checkout(null))).toBe(false);
    expect(bundleIsFresh(checkout(2_000, ['cli/main.ts', 'cli/gone.ts']))).toBe(false);
    const root = checkout(2_000);
    rmSync(join(root, 'dist', 'cli', 'inputs.json'));
    expect(bundleIsFresh(root)).toBe(false);
  });
});
