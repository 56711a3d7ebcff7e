// Claims bounded in time, through the real CLI against a fake service on 127.0.0.1: a maintenance the
// status page forgot to close years ago is shown with its date and not counted, and with no network at
// all no change of the site is claimed, whatever the fingerprint memory holds.

import { describe, it, expect } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DiagnosisJson } from '../core/report/contract';
import { FAKE_STATUS_SUMMARY } from './testing/fake-service';
import { useFakeWorld } from './testing/fake-world';
import { cleanEnv, runCli } from './testing/run-cli';

const TOKEN = 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00';
const world = useFakeWorld('why500-claims-cli-', TOKEN);

describe('why500 diagnose against the clock', () => {
  it('prints a maintenance that ended years ago with its date and gives it no weight', async () => {
    world.fake.mode = 'ok';
    world.fake.statusBody = JSON.stringify({
      ...FAKE_STATUS_SUMMARY,
      status: { indicator: 'maintenance', description: 'Service Under Maintenance' },
      scheduled_maintenances: [
        {
          id: 'm1',
          name: 'Database move',
          status: 'in_progress',
          impact: 'maintenance',
          created_at: '2021-03-01T10:00:00.000Z',
          updated_at: '2021-03-03T20:30:00.000Z',
          started_at: '2021-03-03T20:30:00.000Z',
          scheduled_for: '2021-03-03T20:30:00.000Z',
          scheduled_until: '2021-03-03T22:30:00.000Z',
          incident_updates: [],
          components: [],
          shortlink: 'http://127.0.0.1/m1',
          page_id: 'x',
          monitoring_at: null,
          resolved_at: null,
        },
      ],
    });
    try {
      const config = world.write('stale.json', world.fake.config());
      const env = cleanEnv(world.dir, { WHY500_FAKE_TOKEN: TOKEN });
      const text = await runCli(['diagnose', '--config', config, '--data-dir', join(world.dir, 'd1')], env);
      expect(text.stdout).toContain('planned to end 3 Mar 2021, 22:30 UTC');
      expect(text.stdout).not.toMatch(/planned to end at \d\d:\d\d UTC/);
      const json = await runCli(
        ['diagnose', '--json', '--config', config, '--data-dir', join(world.dir, 'd1')],
        env,
      );
      const d = JSON.parse(json.stdout) as DiagnosisJson;
      expect(d.verdict).toBe('healthy');
      const maintenance = d.ranking.find((r) => r.cause === 'maintenance')!;
      expect(maintenance.for).toEqual([]);
    } finally {
      world.fake.statusBody = JSON.stringify(FAKE_STATUS_SUMMARY);
    }
  });

  it('with no network claims no change of the site, even with a recent change remembered', async () => {
    // A port nobody listens on: every probe is refused.
    const dead = 'http://127.0.0.1:9';
    const config = world.write('dead.json', {
      controls: [`${dead}/control`],
      browserProfiles: [],
      targets: [{ name: 'Dead', site: `${dead}/`, endpoints: [{ name: 'health', url: `${dead}/health` }] }],
    });
    const dataDir = join(world.dir, 'd2');
    mkdirSync(dataDir, { recursive: true });
    const recent = new Date(Date.now() - 7 * 60_000).toISOString();
    const before = new Date(Date.now() - 7 * 60_000 - 30_000).toISOString();
    writeFileSync(
      join(dataDir, 'fingerprints.json'),
      JSON.stringify({
        version: 2,
        sites: {
          [dead]: {
            current: { value: 'etag="b2"', source: 'etag', firstSeenAt: recent, lastSeenAt: recent, seen: 2 },
            previous: {
              value: 'etag="b1"',
              source: 'etag',
              firstSeenAt: before,
              lastSeenAt: before,
              seen: 2,
            },
            changedAt: recent,
          },
        },
      }),
    );
    const r = await runCli(['diagnose', '--config', config, '--data-dir', dataDir], cleanEnv(world.dir));
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(/site was updated|updated .* before the errors/i);
  });
});
