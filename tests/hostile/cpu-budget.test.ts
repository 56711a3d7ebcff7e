// A CPU budget for strangers' bytes: every parser of remote text (recognisers, fingerprint extractor,
// status parsers, sanitiser, redactor, report text) handles adversarial 64 KiB inputs built from its
// own regexes' near-misses, long runs and nested brackets within a generous budget, so no page can
// freeze the main process.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adversarialText, cpuMs } from '../support/adversarial';
import { HOSTILE_PARSERS } from '../support/parsers';

/** CPU ms one parser may take on 64 KiB (the benchmark's target is 10 ms; this is slack for a loaded machine). */
const BUDGET_MS = 50;
const SIZE = 64 * 1024;

describe('CPU budget for strangers\u2019 bytes', () => {
  it('the asset-name scan stays linear on a long `a.bbbb…` run (the page that froze the app)', () => {
    const parser = HOSTILE_PARSERS.find((p) => p.name === 'fingerprint: extract')!;
    expect(cpuMs(() => parser.run(`a.${'b'.repeat(SIZE - 2)}`))).toBeLessThan(BUDGET_MS);
  });

  it('the redactor stays linear on a long `cache-cache-…` run (a URL scheme that never ends)', () => {
    const parser = HOSTILE_PARSERS.find((p) => p.name === 'report: redactor')!;
    expect(cpuMs(() => parser.run('cache-'.repeat(SIZE / 8)))).toBeLessThan(BUDGET_MS);
  });

  for (const parser of HOSTILE_PARSERS) {
    it(`${parser.name} stays within ${BUDGET_MS} ms of CPU on adversarial 64 KiB inputs`, () => {
      fc.assert(
        fc.property(adversarialText(), (make) => {
          const text = make(SIZE);
          expect(cpuMs(() => parser.run(text))).toBeLessThan(BUDGET_MS);
        }),
        { numRuns: 25 },
      );
    });
  }
});
