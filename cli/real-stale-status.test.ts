// Real status pages captured years ago, served byte for byte by a fake status page on 127.0.0.1 and read
// through the real CLI: Renku's Statuspage summary of 2021-10-28, whose maintenance is still "scheduled"
// for 2021-11-01, and Zoom's of 2024-01-31, whose maintenance is still "in progress" though planned to end
// on 2024-02-29. `why500 diagnose` must print each with its date, year included, and give maintenance no
// weight.

import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DiagnosisJson } from '../core/report/contract';
import { CORPUS_DIR } from '../tests/corpus/load';
import { FAKE_STATUS_SUMMARY } from './testing/fake-service';
import { useFakeWorld } from './testing/fake-world';
import { cleanEnv, runCli } from './testing/run-cli';

/** The environment the CLI runs with. */
type Env = ReturnType<typeof cleanEnv>;

const TOKEN = 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00';
const world = useFakeWorld('why500-real-stale-', TOKEN);
const sample = (name: string) => readFileSync(join(CORPUS_DIR, 'status', name), 'utf8');
const RENKU = sample('statuspage-renku-summary-scheduled-maintenance-2021-10-28.json');
const ZOOM = sample('statuspage-zoom-summary-maintenance-in-progress-2024-01-31.json');

/**
 * Serves `body` as the fake service's summary.json while `run` runs, then puts the default back.
 * Every probe of the fake service succeeds, so the status page is the only thing that could be wrong.
 */
async function withStatusBody(body: string, run: (env: Env) => Promise<void>) {
  world.fake.mode = 'ok';
  world.fake.statusBody = body;
  try {
    await run(cleanEnv(world.dir, { WHY500_FAKE_TOKEN: TOKEN }));
  } finally {
    world.fake.statusBody = JSON.stringify(FAKE_STATUS_SUMMARY);
  }
}

/** `why500 diagnose` as text and as --json, with the same data folder. */
async function diagnose(env: Env, dataDir: string) {
  const args = ['--config', world.configPath, '--data-dir', join(world.dir, dataDir)];
  const text = (await runCli(['diagnose', ...args], env)).stdout;
  const json = JSON.parse((await runCli(['diagnose', '--json', ...args], env)).stdout) as DiagnosisJson;
  return { text, json };
}

describe('why500 diagnose with a real, years-old Statuspage summary', () => {
  it('prints the passed "scheduled" maintenance and the page date with their years, and weighs neither', () =>
    withStatusBody(RENKU, async (env) => {
      const { text, json: d } = await diagnose(env, 'd1');
      expect(text).toContain(
        'maintenance “Please shut down any sessions” as scheduled for 1 Nov 2021, 08:30 UTC, which has passed',
      );
      expect(text).toContain('last updated 28 Oct 2021, 11:39 UTC');
      expect(text).not.toMatch(/upcoming maintenance|maintenance planned for later/i);
      expect(d.verdict).toBe('healthy');
      expect(d.ranking.find((r) => r.cause === 'maintenance')!.for).toEqual([]);
      expect(d.evidence.statusPage).toMatchObject({
        available: true,
        maintenanceInProgress: false,
        maintenanceUpcoming: false,
        levelStale: true,
      });
      expect(d.evidence.statusPage.staleItems).toEqual([
        { kind: 'scheduled-passed', name: 'Please shut down any sessions', at: '2021-11-01T08:30:00.000Z' },
        { kind: 'page-old', name: null, at: '2021-10-28T11:39:27.351Z' },
      ]);
    }));

  it('why500 check does not call the 2021 maintenance upcoming in its status line', () =>
    withStatusBody(RENKU, async (env) => {
      const r = await runCli(
        ['check', '--config', world.configPath, '--data-dir', join(world.dir, 'd2')],
        env,
      );
      const line = r.stdout.split('\n').find((l) => l.includes('Status page:')) ?? '';
      expect(line).toContain('"All Systems Operational" (operational, out of date)');
      expect(line).toContain('as scheduled for 1 Nov 2021, 08:30 UTC, which has passed');
      expect(line).toContain('last updated 28 Oct 2021, 11:39 UTC');
      expect(line).not.toContain('upcoming maintenance');
      expect(line).not.toMatch(/\d{4}-\d\d-\d\dT/);
    }));

  it('prints the maintenance left "in progress" since 2024 with its planned end and weighs no maintenance', () =>
    withStatusBody(ZOOM, async (env) => {
      const { text, json: d } = await diagnose(env, 'd3');
      expect(text).toContain(
        'maintenance “Updated Malaysia Toll Numbers” as in progress, but it was planned to end 1 Mar 2024, 07:59 UTC',
      );
      expect(text).toContain('as scheduled for 6 Apr 2024, 00:00 UTC, which has passed');
      expect(text).toContain('last updated 31 Jan 2024, 18:34 UTC');
      expect(text).not.toMatch(/maintenance in progress|planned to end at \d\d:\d\d UTC/i);
      expect(d.verdict).toBe('healthy');
      expect(d.ranking.find((r) => r.cause === 'maintenance')!.for).toEqual([]);
      expect(d.evidence.statusPage).toMatchObject({
        maintenanceInProgress: false,
        maintenanceName: null,
        maintenanceUntil: null,
        levelStale: true,
      });
      expect(d.evidence.statusPage.staleItems?.map((x) => [x.kind, x.at])).toEqual([
        ['maintenance-overrun', '2024-03-01T07:59:00.000Z'],
        ['scheduled-passed', '2024-02-04T01:00:00.000Z'],
        ['scheduled-passed', '2024-02-12T08:00:00.000Z'],
        ['scheduled-passed', '2024-04-06T00:00:00.000Z'],
        ['page-old', '2024-01-31T18:34:15.868Z'],
      ]);
    }));
});
