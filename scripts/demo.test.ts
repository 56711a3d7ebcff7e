// `npm run demo`'s argument handling: it lists the scenarios and turns bad input into one clear line.

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../simulator/scenarios/index';

const DEMO = fileURLToPath(new URL('./demo.mjs', import.meta.url));

function demo(...args: string[]) {
  return spawnSync(process.execPath, [DEMO, ...args], { encoding: 'utf8', timeout: 20_000 });
}

describe('npm run demo', () => {
  it('--list prints every scenario with its expected outcome', () => {
    const r = demo('--list');
    expect(r.status).toBe(0);
    for (const s of SCENARIOS) expect(r.stdout).toMatch(new RegExp(`${s.name}\\s+${s.outcome}`));
  });

  it('--help prints the usage and exits 0', () => {
    const r = demo('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: npm run demo');
    expect(r.stderr).toBe('');
  });

  it('an unknown scenario is a usage error naming it', () => {
    const r = demo('no-such-scenario');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown scenario "no-such-scenario"');
  });

  it('a bad --seconds is a usage error', () => {
    const r = demo('--seconds', 'soon');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--seconds expects a number of seconds');
  });
});
