// The scenario suite: every simulated fault, run through the real CLI (`node bin/why500.mjs diagnose
// --watch 3 --interval 1 --json`, plus `--symptom` and the token where the scenario needs them), must be
// diagnosed as its cause, with a piece of the evidence to show why — and no token may ever be printed.

import { beforeAll, describe, expect, it } from 'vitest';
import { DIAGNOSIS_OUTCOMES } from '../../shared/types/diagnosis';
import { rankingLine, runScenarios, type ScenarioRun } from '../../simulator/runner';
import { SCENARIOS } from '../../simulator/scenarios/index';

/** CLI runs at once: most of each run is waiting on its watch window, so 8 fit on 2 cores. */
const CONCURRENCY = 8;

/**
 * Scenarios whose token is also looked for in `diagnose --markdown` and `check --json` output (one per
 * outcome that sends a token; every scenario's `diagnose --json` output is checked anyway).
 */
const EXTRA_SECRET_CHECKS = new Set([
  'account-expired-token',
  'account-csrf-403',
  'bad-update-since-last-run',
  'regional-direct-reset',
  'extensions-firefox',
  'permissions-gcs-with-token',
  'local-network-reset',
  'healthy-tls-page-inactive',
]);

const results = new Map<string, ScenarioRun>();

beforeAll(async () => {
  const runs = await runScenarios(SCENARIOS, {
    concurrency: CONCURRENCY,
    secretChecks: (s) => EXTRA_SECRET_CHECKS.has(s.name),
  });
  for (const r of runs) results.set(r.scenario.name, r);
}, 300_000);

function explain(run: ScenarioRun): string {
  const d = run.diagnosis;
  if (!d) return run.error ?? 'no diagnosis';
  const expected = d.ranking.find((r) => r.cause === run.expected);
  return [
    `verdict ${d.verdict} (${d.confidence.toFixed(2)}), expected ${run.expected}`,
    `ranking: ${rankingLine(d, 4)}`,
    `for ${d.ranking[0]?.cause}: ${JSON.stringify(d.ranking[0]?.for)}`,
    `for ${run.expected}: ${JSON.stringify(expected?.for)}; against: ${JSON.stringify(expected?.against)}`,
  ].join('\n');
}

describe('every scenario, through the real CLI', () => {
  for (const scenario of SCENARIOS) {
    it(`${scenario.name} → ${scenario.outcome}`, () => {
      const run = results.get(scenario.name);
      expect(run, 'scenario did not run').toBeDefined();
      if (!run) return;
      const d = run.diagnosis;
      expect(d, run.error ?? '').not.toBeNull();
      if (!d) return;
      // The contract: nine outcomes, most likely first, summing to 1.
      expect(d.ranking.map((r) => r.cause).sort()).toEqual([...DIAGNOSIS_OUTCOMES].sort());
      expect(d.ranking.reduce((s, r) => s + r.probability, 0)).toBeCloseTo(1, 6);
      expect(d.verdict, explain(run)).toBe(scenario.outcome);
      expect(d.ranking[0]?.cause).toBe(scenario.outcome);
      expect(d.ranking[0]?.for.length, 'the verdict has evidence for it').toBeGreaterThan(0);
      expect(scenario.expectEvidence.check(d.evidence), `evidence: ${scenario.expectEvidence.says}`).toBe(
        true,
      );
      expect(run.main?.exitCode, 'exit 0 only when healthy').toBe(scenario.outcome === 'healthy' ? 0 : 1);
    });
  }
});

describe('clean output', () => {
  it('diagnose --json writes nothing to stderr in any scenario but where the token goes (no warnings, no stray logs)', () => {
    // The one line a run with a token prints: which variable it read and the origins it goes to.
    const notice = /^why500: the token in WHY500_TOKEN \(target "[^"]+"\) goes only to https?:\/\/[\w.:-]+$/;
    const noisy = [...results.values()]
      .map((r) => ({
        r,
        lines: (r.main?.stderr ?? '').split('\n').filter((l) => l.trim() !== '' && !notice.test(l)),
      }))
      .filter(({ lines }) => lines.length > 0)
      .map(({ r, lines }) => `${r.scenario.name}: ${lines[0]}`);
    expect(noisy).toEqual([]);
  });
});

describe('secrets', () => {
  it('no token appears in any output of any scenario (diagnose --json, --markdown, check --json)', () => {
    const withToken = [...results.values()].filter((r) => r.secrets.length > 0);
    expect(withToken.length).toBeGreaterThanOrEqual(10);
    for (const run of withToken) {
      const extra = EXTRA_SECRET_CHECKS.has(run.scenario.name) ? 2 : 0;
      expect(run.commands.length, run.scenario.name).toBe(1 + extra + (run.scenario.priorRun ? 1 : 0));
      for (const command of run.commands)
        for (const secret of run.secrets) {
          const printed = command.stdout + command.stderr;
          expect(printed.includes(secret), `${run.scenario.name}: ${command.args[0]} printed the token`).toBe(
            false,
          );
          expect(
            printed.includes(secret.slice(0, 12)),
            `${run.scenario.name}: part of the token printed`,
          ).toBe(false);
        }
    }
  });
});
