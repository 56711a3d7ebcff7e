// Parsers of strangers' bytes under attack: the worst CPU time per parser (each recogniser, the build
// fingerprint extractor, the status parsers, the sanitiser) over the adversarial inputs of the CPU-budget
// test, at 8 KiB and at 64 KiB (target < 10 ms at 64 KiB, and linear growth: about 8x from 8 to 64 KiB).

import fc from 'fast-check';
import type { BenchSection } from './types';
import { adversarialText, cpuMs } from '../tests/support/adversarial';
import { HOSTILE_PARSERS } from '../tests/support/parsers';

const INPUTS = 200;
const SMALL = 8 * 1024;
const LARGE = 64 * 1024;
/** Below this a time is noise, so a growth ratio is taken against at least this much. */
const FLOOR_MS = 0.5;

/** Runs the benchmark. */
export async function run(): Promise<BenchSection[]> {
  const makers = fc.sample(adversarialText(), { numRuns: INPUTS, seed: 500 });
  const lines = [
    `${'parser'.padEnd(34)} ${'8 KiB'.padStart(9)} ${'64 KiB'.padStart(9)}  growth  worst input`,
  ];
  let worstLarge = 0;
  let worstGrowth = 0;
  for (const parser of HOSTILE_PARSERS) {
    let small = 0;
    let large = 0;
    let worstInput = '';
    for (const make of makers) {
      const s = cpuMs(() => parser.run(make(SMALL)));
      const l = cpuMs(() => parser.run(make(LARGE)));
      small = Math.max(small, s);
      if (l > large) {
        large = l;
        worstInput = String((make as unknown as Record<symbol, () => string>)[fc.toStringMethod]?.() ?? '');
      }
    }
    const growth = large / Math.max(small, FLOOR_MS);
    worstLarge = Math.max(worstLarge, large);
    worstGrowth = Math.max(worstGrowth, growth);
    lines.push(
      `${parser.name.padEnd(34)} ${small.toFixed(2).padStart(6)} ms ${large.toFixed(2).padStart(6)} ms  ${growth.toFixed(1).padStart(5)}x  ${worstInput.slice(0, 70)}`,
    );
  }
  return [
    {
      title: `Parsers of remote text, worst case over ${INPUTS} adversarial inputs (CPU time)`,
      figures: [
        {
          name: 'worst parser at 64 KiB',
          value: worstLarge,
          unit: 'ms',
          target: '< 10 ms',
          ok: worstLarge < 10,
        },
        {
          name: `largest growth of a worst case, 8 -> 64 KiB`,
          value: worstGrowth,
          unit: 'x',
          target: '<= 16x (linear is 8x, quadratic 64x)',
          ok: worstGrowth <= 16,
        },
      ],
      lines,
    },
  ];
}
