// `why500 diagnose`: observe each target for a while, then print the diagnosis (text, the issue-3 JSON
// contract, or a support-ready Markdown report).

import type { Diagnosis } from '../../shared/types/diagnosis';
import { isFailure } from '../../shared/types/probe';
import type { Round } from '../../shared/types/monitor';
import { heldBackWords } from '../../shared/vocabulary/held-back';
import { diagnosisJson } from '../../core/report/contract';
import { parseCommandArgs, secondsFlag } from '../args';
import type { CliIo, Output } from '../output';
import { COMMON_OPTIONS, appCoreFor, setUp } from '../setup';
import { diagnosisText } from '../table';
import { UsageError } from '../usage-error';
import { holdOpen, onStopSignal } from '../signals';
import { ProgressLine } from '../progress';
import { DEFAULT_ROUND_DEADLINE_MS } from '../../core/app/round-runner';
import { DEFAULT_CHECK_DEADLINE_MS } from '../../core/local/collect';

const OPTIONS = {
  ...COMMON_OPTIONS,
  watch: { type: 'string' },
  interval: { type: 'string' },
  symptom: { type: 'boolean' },
  json: { type: 'boolean' },
  markdown: { type: 'boolean' },
} as const;

/** Most rounds one observation may run (memory and politeness). */
export const MAX_DIAGNOSE_ROUNDS = 720;

/** Default time between rounds while watching, seconds. */
export const DEFAULT_DIAGNOSE_INTERVAL_S = 5;

/** Runs `why500 diagnose`; 0 when the verdict is healthy, 1 otherwise. */
export async function runDiagnose(argv: string[], out: Output, io: CliIo): Promise<number> {
  const flags = parseCommandArgs('diagnose', argv, OPTIONS);
  if (flags.json && flags.markdown) {
    throw new UsageError(
      "why500 diagnose: choose one of --json and --markdown — run 'why500 diagnose --help'",
    );
  }
  const watchS = secondsFlag('diagnose', 'watch', flags.watch, { min: 0, max: 3600 }, 0) ?? 0;
  const intervalS =
    secondsFlag('diagnose', 'interval', flags.interval, { min: 1, max: 600 }, DEFAULT_DIAGNOSE_INTERVAL_S) ??
    DEFAULT_DIAGNOSE_INTERVAL_S;
  if (Math.ceil(watchS / intervalS) + 1 > MAX_DIAGNOSE_ROUNDS) {
    throw new UsageError(
      `why500 diagnose: --watch ${watchS} with --interval ${intervalS} makes more than ${MAX_DIAGNOSE_ROUNDS} rounds — raise --interval or use 'why500 watch' for long observation`,
    );
  }
  const setup = await setUp('diagnose', flags, out, io);
  const core = await appCoreFor(setup, io);
  const controller = new AbortController();
  const release = onStopSignal(() => controller.abort(new Error('stopped')));
  const letGo = holdOpen();
  let problem = false;
  try {
    // Several services are observed side by side, so each diagnosis can weigh what the others did at
    // the same time (controls, or fellow victims of one front vendor); results print in the given order.
    // On a terminal, one progress line says what is being checked and how long is left (never in pipes
    // nor with --json: scripted output stays clean), and is cleared before the results.
    const progress = new ProgressLine(io.stderr, io.stderrIsTTY === true && !flags.json);
    const names = setup.targets.map((t) => t.name).join(', ');
    const several = setup.targets.length > 1;
    const started = Date.now();
    const endsAt = (): number =>
      Math.max(started + watchS * 1000, Date.now()) + DEFAULT_ROUND_DEADLINE_MS + DEFAULT_CHECK_DEADLINE_MS;
    progress.show(`Checking ${names}: the site, its endpoints, control sites and the status page`, endsAt());
    let observed: { target: (typeof setup.targets)[number]; diagnosis: Diagnosis | null; tried: string[] }[];
    try {
      observed = await Promise.all(
        setup.targets.map(async (target) => {
          const tried: string[] = [];
          let roundNo = 0;
          const diagnosis = await core.observe(target.name, {
            onRound: (round) => {
              roundNo++;
              if (!progress.enabled) return;
              progress.clear();
              const who = several ? `${target.name} ` : '';
              if (watchS > 0) out.error(`  ${who}round ${roundNo}: ${roundSummary(round)}`);
              const more = Date.now() < started + watchS * 1000;
              if (more)
                progress.show(
                  `Observing ${names}: ${who}round ${roundNo} done, more until the ${watchS} s are up`,
                  endsAt(),
                );
              else
                progress.show(
                  `Weighing the evidence for ${target.name} (and checking your own connection if it failed)`,
                  Date.now() + DEFAULT_CHECK_DEADLINE_MS,
                );
            },
            durationMs: watchS * 1000,
            intervalMs: intervalS * 1000,
            symptom: flags.symptom === true,
            signal: controller.signal,
            tried,
          });
          return { target, diagnosis, tried };
        }),
      );
    } finally {
      progress.clear();
    }
    for (const { target, diagnosis, tried } of observed) {
      if (!diagnosis) {
        out.error(`why500 diagnose: ${target.name}: stopped before any round finished`);
        return 1;
      }
      if (!looksHealthy(diagnosis)) problem = true;
      if (flags.json) out.json(diagnosisJson(diagnosis));
      else if (flags.markdown) out.raw(core.report(target.name, 'markdown', { diagnosis, tried }));
      else for (const line of diagnosisText(diagnosis)) out.line(line);
    }
  } finally {
    letGo();
    release();
    await core.stop();
  }
  return problem ? 1 : 0;
}

/**
 * One round in a few words: "3 of 4 answered, 1 held back until 23:44:10 UTC — the service asked for a
 * pause". The tokenless twin's expected refusal is not counted; held-back endpoints are never dropped.
 */
export function roundSummary(round: Round): string {
  const own = round.probes.filter((p) => p.path !== 'control' && p.path !== 'anonymous');
  const failed = own.filter((p) => isFailure(p.outcome)).length;
  const held = round.heldBack ?? [];
  const first = held[0];
  const heldText = first ? `${held.length} held back, ${heldBackWords(first, round.startedAt)}` : '';
  if (own.length === 0) return heldText || 'no endpoint was asked';
  return `${own.length - failed} of ${own.length} answered${heldText ? `, ${heldText}` : ''}`;
}

/** Healthy, or undecided with "healthy" leading: nothing found wrong, so exit 0. */
function looksHealthy(d: Diagnosis): boolean {
  return d.verdict === 'healthy' || (d.verdict === 'unknown' && d.ranking[0]?.cause === 'healthy');
}
