// Classifier benchmark: time per classify() call (mean and p99, target < 1 ms), and accuracy and
// calibration over the hand-made case table (evidence built from synthetic rounds).

import { classify } from '../shared/classifier/classify';
import { evidenceCases } from '../core/testing/evidence-cases';
import { calibration, randomCases } from '../core/testing/random-cases';
import type { BenchSection } from './types';

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Runs the benchmark. */
export async function run(): Promise<BenchSection[]> {
  const cases = evidenceCases();

  // Warm up, then time every case many times.
  for (let i = 0; i < 200; i++) for (const c of cases) classify(c.evidence);
  const times: number[] = [];
  for (let i = 0; i < 300; i++) {
    for (const c of cases) {
      const t0 = performance.now();
      classify(c.evidence);
      times.push(performance.now() - t0);
    }
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  const p99 = percentile(times, 99);

  // Accuracy and calibration on the case table.
  let right = 0;
  const buckets = new Map<string, { n: number; right: number; conf: number }>();
  const edges = [0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001];
  const misses: string[] = [];
  for (const c of cases) {
    const d = classify(c.evidence);
    const ok = d.verdict === c.expect;
    if (ok) right++;
    else misses.push(`  miss: ${c.name} → ${d.verdict} (${d.confidence.toFixed(2)})`);
    // Calibration: does the leader's probability match how often the leader is the expected outcome?
    const leaderRight = c.expect === 'unknown' ? d.verdict === 'unknown' : d.ranking[0]?.cause === c.expect;
    const i = edges.findIndex((e, k) => d.confidence >= e && d.confidence < (edges[k + 1] ?? 2));
    const label = `${edges[i]?.toFixed(1)}–${Math.min(1, edges[i + 1] ?? 1).toFixed(1)}`;
    const b = buckets.get(label) ?? { n: 0, right: 0, conf: 0 };
    b.n++;
    b.conf += d.confidence;
    if (leaderRight) b.right++;
    buckets.set(label, b);
  }
  const lines = ['confidence bucket   cases   mean confidence   share right'];
  for (const [label, b] of [...buckets.entries()].sort()) {
    lines.push(
      `${label.padEnd(18)} ${String(b.n).padStart(6)}   ${(b.conf / b.n).toFixed(2).padStart(15)}   ${(b.right / b.n).toFixed(2).padStart(11)}`,
    );
  }
  lines.push(...misses);

  // Calibration on seeded random windows with noise and missing pieces (the true cause is known).
  const noisy = randomCases(100, 7).map((c) => ({ truth: c.truth, d: classify(c.evidence) }));
  const decided = noisy.filter((r) => r.d.verdict !== 'unknown');
  const decidedRight = decided.filter((r) => r.d.verdict === r.truth).length;
  const cal = calibration(
    noisy.map((r) => ({ confidence: r.d.confidence, right: r.d.ranking[0]?.cause === r.truth })),
  );
  const calLines = ['confidence bucket   cases   mean confidence   share right (leader = true cause)'];
  for (const row of cal.rows) {
    calLines.push(
      `${row.from.toFixed(1)}–${row.to.toFixed(1)}           ${String(row.cases).padStart(6)}   ${row.meanConfidence.toFixed(2).padStart(15)}   ${row.shareRight.toFixed(2).padStart(11)}`,
    );
  }

  return [
    {
      title: 'Classifier speed',
      figures: [
        { name: 'classify() mean', value: mean * 1000, unit: 'µs', target: '< 1000 µs', ok: mean < 1 },
        { name: 'classify() p99', value: p99 * 1000, unit: 'µs', target: '< 1000 µs', ok: p99 < 1 },
      ],
    },
    {
      title: `Classifier on the hand-made case table (${cases.length} cases; the CLI scenario suite is separate)`,
      figures: [{ name: 'verdict accuracy', value: (right / cases.length) * 100, unit: '%' }],
      lines,
    },
    {
      title: `Classifier calibration on ${noisy.length} seeded random windows (noise, missing pieces)`,
      figures: [
        { name: 'verdict named (not unknown)', value: (decided.length / noisy.length) * 100, unit: '%' },
        {
          name: 'right when a verdict is named',
          value: (decidedRight / Math.max(1, decided.length)) * 100,
          unit: '%',
          target: '≥ 90 %',
          ok: decidedRight / Math.max(1, decided.length) >= 0.9,
        },
        {
          name: 'expected calibration error',
          value: cal.expectedError,
          unit: '',
          target: '≤ 0.10',
          ok: cal.expectedError <= 0.1,
        },
      ],
      lines: calLines,
    },
  ];
}
