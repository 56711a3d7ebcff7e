// `npm run bench -- corpus`: the corpus replay. Every http entry of tests/corpus becomes a simulator
// world (simulator/corpus-worlds.ts) run through the real CLI, as the scenario suite runs: accuracy
// against the manifests' causes, a confusion matrix, how many evidence sentences name the vendor, and
// how many sentences claim a release in worlds that had none (target 0).

import { corpusWorlds, vendorNameOf, type CorpusWorld } from '../simulator/corpus-worlds';
import { evidenceSentences, matrixLines, claimsRelease, scoreSuite } from '../simulator/metrics';
import { rankingLine, runScenarioCli, runScenarioInProcess, runScenarios } from '../simulator/runner';
import type { BenchModule, BenchSection } from './types';

/** Runs every corpus world through the CLI and reports its scores. */
export async function run(): Promise<BenchSection[]> {
  const worlds = corpusWorlds();
  const started = performance.now();
  // BENCH_CORPUS_MODE=in-process runs the core in this process (faster, for tuning); the figure that
  // counts is the default, through the real CLI.
  const inProcess = process.env.BENCH_CORPUS_MODE === 'in-process';
  const runs = await runScenarios(
    worlds.map((w) => w.scenario),
    { concurrency: inProcess ? 8 : 6, run: inProcess ? runScenarioInProcess : runScenarioCli },
  );
  const score = scoreSuite(
    runs.map((r) => ({
      name: r.scenario.name,
      expected: r.expected,
      verdict: r.diagnosis?.verdict ?? null,
      confidence: r.diagnosis?.confidence ?? null,
    })),
  );
  let naming = 0;
  let worldsNamed = 0;
  let worldsWithVendor = 0;
  const releaseClaims: string[] = [];
  const wrong: string[] = [];
  const unnamed: string[] = [];
  runs.forEach((r, i) => {
    const world = worlds[i] as CorpusWorld;
    const sentences = evidenceSentences(r.diagnosis);
    const name = vendorNameOf(world.entry);
    if (name) {
      worldsWithVendor++;
      const named = sentences.filter((s) => s.includes(name)).length;
      naming += named;
      if (named > 0) worldsNamed++;
      else unnamed.push(`${world.entry.id} (${name})`);
    }
    for (const s of sentences) if (claimsRelease(s)) releaseClaims.push(`${world.entry.id}: ${s}`);
    if (r.diagnosis?.verdict !== r.expected) {
      const top = r.diagnosis?.ranking[0];
      wrong.push(
        `wrong: ${world.entry.id} (${world.shape.says}) expected ${r.expected}, said ${r.diagnosis?.verdict ?? 'nothing'}: ${rankingLine(r.diagnosis, 4)}${r.error ? ` (${r.error})` : ''}`,
        `       for ${top?.cause}: ${JSON.stringify(top?.for ?? [])}`,
      );
    }
  });
  return [
    {
      title: `Corpus replay (${worlds.length} worlds from tests/corpus, ${inProcess ? 'in-process' : 'real CLI'})`,
      figures: [
        {
          name: 'accuracy (verdict = manifest cause)',
          value: score.accuracy * 100,
          unit: '%',
          target: '100%',
          ok: score.right === score.cases,
        },
        { name: 'worlds right', value: score.right, unit: `of ${score.cases}` },
        { name: 'evidence sentences that name the vendor', value: naming, unit: 'sentences' },
        {
          name: 'worlds whose evidence names the vendor',
          value: worldsNamed,
          unit: `of ${worldsWithVendor}`,
        },
        {
          name: 'sentences claiming a release none of them had',
          value: releaseClaims.length,
          unit: 'sentences',
          target: '0',
          ok: releaseClaims.length === 0,
        },
        { name: 'replay wall time', value: (performance.now() - started) / 1000, unit: 's' },
      ],
      lines: [
        '',
        'Confusion matrix (rows: manifest cause, columns: verdict):',
        ...matrixLines(score),
        ...(wrong.length ? ['', ...wrong] : []),
        ...(unnamed.length ? ['', `Vendor not named in the evidence: ${unnamed.join(', ')}`] : []),
        ...(releaseClaims.length ? ['', 'Release claims:', ...releaseClaims] : []),
      ],
    },
  ];
}

export default { run } satisfies BenchModule;
