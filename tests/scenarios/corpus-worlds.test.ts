// A handful of corpus worlds (simulator/corpus-worlds.ts) through the real CLI, so CI guards the
// whole path from a real vendor's answer to the verdict: probe → recogniser → evidence → classifier.
// The full replay of every entry is `npm run bench -- corpus`.

import { beforeAll, describe, expect, it } from 'vitest';
import { corpusWorlds, vendorNameOf, type CorpusWorld } from '../../simulator/corpus-worlds';
import { evidenceSentences, claimsRelease } from '../../simulator/metrics';
import { rankingLine, runScenarios, type ScenarioRun } from '../../simulator/runner';

/**
 * One world per kind of answer: a firewall, a 409 denial, a platform's maintenance, a queue, a bad token,
 * a ban on one route, a crash, a proxy's dead-backend page whose Retry-After leaves one answer each, and a
 * load balancer's empty answer that only its status line's reason phrase names.
 */
const PICKED = [
  'cloudflare-1020-plain-2021',
  'azure-storage-rp-publicaccessnotpermitted-409-2020',
  'heroku-offline-for-maintenance-RECONSTRUCTED',
  'characterai-cloudflare-waiting-room-2024',
  'drf-401-invalid-token',
  'cloudflare-1006-ip-banned-html-2014',
  'vercel-function-invocation-failed',
  'varnish-503-backend-fetch-failed',
  'aws-elb-classic-504-gateway-timeout-empty-2019',
];

const worlds = corpusWorlds().filter((w) => PICKED.includes(w.entry.id));
const runs = new Map<string, ScenarioRun>();

beforeAll(async () => {
  for (const r of await runScenarios(
    worlds.map((w) => w.scenario),
    { concurrency: PICKED.length },
  ))
    runs.set(r.scenario.name, r);
}, 120_000);

describe('corpus worlds, through the real CLI', () => {
  it('finds every picked entry in the corpus', () => {
    expect(worlds.map((w) => w.entry.id).sort()).toEqual([...PICKED].sort());
  });

  for (const id of PICKED) {
    it(`${id}: the manifest's cause, the vendor named, no release claimed`, () => {
      const world = worlds.find((w) => w.entry.id === id) as CorpusWorld;
      const run = runs.get(world.scenario.name);
      const d = run?.diagnosis ?? null;
      expect(d, run?.error ?? 'no run').not.toBeNull();
      expect(d?.verdict, rankingLine(d, 4)).toBe(world.entry.cause);
      const sentences = evidenceSentences(d);
      const vendor = vendorNameOf(world.entry);
      expect(vendor).not.toBeNull();
      expect(
        sentences.filter((s) => s.includes(vendor ?? '')),
        JSON.stringify(sentences),
      ).not.toEqual([]);
      expect(sentences.filter(claimsRelease)).toEqual([]);
      expect(run?.main?.exitCode).toBe(1);
    });
  }
});
