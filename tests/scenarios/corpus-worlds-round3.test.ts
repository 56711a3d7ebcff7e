// Every entry of the third corpus round (tests/corpus/manifest/ai.json, filters.json, gateways.json) as a
// world through the real CLI: the AI services' own errors, the network filters' block pages and the
// gateways that gave up waiting, each with its manifest's verdict, the vendor named and no release claimed.

import { beforeAll, describe, expect, it } from 'vitest';
import { corpusWorlds, vendorNameOf, type CorpusWorld } from '../../simulator/corpus-worlds';
import { claimsRelease, evidenceSentences } from '../../simulator/metrics';
import { rankingLine, runScenarios, type ScenarioRun } from '../../simulator/runner';

const ROUND_3 = new Set(['ai.json', 'filters.json', 'gateways.json']);
const worlds = corpusWorlds().filter((w) => ROUND_3.has(w.entry.group));
const runs = new Map<string, ScenarioRun>();

beforeAll(async () => {
  for (const r of await runScenarios(
    worlds.map((w) => w.scenario),
    { concurrency: 8 },
  ))
    runs.set(r.scenario.name, r);
}, 400_000);

describe('corpus round 3, through the real CLI', () => {
  it('has every entry of the round (at least 30)', () => {
    expect(worlds.length).toBeGreaterThanOrEqual(30);
  });

  for (const world of worlds as CorpusWorld[]) {
    it(`${world.entry.id}: ${world.entry.cause}, the vendor named, no release claimed`, () => {
      const run = runs.get(world.scenario.name);
      const d = run?.diagnosis ?? null;
      expect(d, run?.error ?? 'no run').not.toBeNull();
      expect(d?.verdict, rankingLine(d, 4)).toBe(world.entry.cause);
      if (world.entry.cause === 'local-network') expect(d?.localCause).toBe('filter');
      const sentences = evidenceSentences(d);
      const vendor = vendorNameOf(world.entry);
      expect(vendor).not.toBeNull();
      expect(
        sentences.filter((s) => s.toLowerCase().includes((vendor ?? '').toLowerCase())),
        JSON.stringify(sentences),
      ).not.toEqual([]);
      expect(sentences.filter(claimsRelease)).toEqual([]);
    });
  }
});
