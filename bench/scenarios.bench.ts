// `npm run bench`: the whole scenario suite against the simulator — accuracy, a confusion matrix over
// the nine outcomes plus `unknown`, and a calibration table (confidence bucket vs share right).
// Runs the core in-process (faster; the test suite runs the real CLI). BENCH_SCENARIOS_MODE=cli uses the
// CLI instead; BENCH_SCENARIOS_REPEAT=N runs the suite N times.

import { calibrationLines, matrixLines, scoreSuite, type ScoredCase } from '../simulator/metrics';
import { rankingLine, runScenarioCli, runScenarioInProcess, runScenarios } from '../simulator/runner';
import { SCENARIOS } from '../simulator/scenarios/index';
import type { BenchModule, BenchSection } from './types';

/** Runs the suite and reports its scores. */
export async function run(): Promise<BenchSection[]> {
  const mode = process.env.BENCH_SCENARIOS_MODE === 'cli' ? 'cli' : 'in-process';
  const repeat = Math.max(1, Math.min(10, Number(process.env.BENCH_SCENARIOS_REPEAT) || 1));
  const cases: ScoredCase[] = [];
  const lines: string[] = [];
  const started = performance.now();
  for (let pass = 0; pass < repeat; pass++) {
    const runs = await runScenarios(SCENARIOS, {
      concurrency: mode === 'cli' ? 4 : 8,
      run: mode === 'cli' ? runScenarioCli : runScenarioInProcess,
    });
    for (const r of runs) {
      cases.push({
        name: r.scenario.name,
        expected: r.expected,
        verdict: r.diagnosis?.verdict ?? null,
        confidence: r.diagnosis?.confidence ?? null,
      });
      if (r.diagnosis?.verdict !== r.expected)
        lines.push(
          `wrong: ${r.scenario.name} expected ${r.expected}, said ${rankingLine(r.diagnosis)}${r.error ? ` (${r.error})` : ''}`,
        );
    }
  }
  const score = scoreSuite(cases);
  const decoys = cases.filter((c) => SCENARIOS.find((s) => s.name === c.name)?.decoyFor);
  const decoysRight = decoys.filter((c) => c.verdict === c.expected).length;
  return [
    {
      title: `Scenario suite (${SCENARIOS.length} scenarios × ${repeat}, ${mode})`,
      figures: [
        {
          name: 'accuracy (verdict = expected outcome)',
          value: score.accuracy * 100,
          unit: '%',
          target: '≥ 90%',
          ok: score.accuracy >= 0.9,
        },
        { name: 'scenarios right', value: score.right, unit: `of ${score.cases}` },
        { name: 'decoys right (not fooled)', value: decoysRight, unit: `of ${decoys.length}` },
        {
          name: 'expected calibration error',
          value: score.ece,
          unit: '',
          target: '≤ 0.10',
          ok: score.ece <= 0.1,
        },
        { name: 'Brier score', value: score.brier, unit: '' },
        { name: 'suite wall time', value: (performance.now() - started) / 1000, unit: 's' },
      ],
      lines: [
        '',
        'Confusion matrix (rows: expected, columns: verdict):',
        ...matrixLines(score),
        '',
        'Calibration (confidence bucket vs share right):',
        ...calibrationLines(score),
        ...(lines.length ? ['', ...lines] : []),
      ],
    },
  ];
}

export default { run } satisfies BenchModule;
