// The observation window of `why500 diagnose --watch S --interval I`: rounds at a steady pace for a
// while (outside the monitor's schedule), then one diagnosis of them all, with what was tried.

import type { ResolvedConfig, ResolvedTarget } from '../../shared/types/config';
import type { Diagnosis } from '../../shared/types/diagnosis';
import type { Round } from '../../shared/types/monitor';
import type { Diagnoser } from '../diagnose/diagnoser';
import { sleep, type Clock } from '../monitor/clock';
import type { ObserveOptions } from './app-core';
import type { RoundRunner } from './round-runner';
import { describeTried } from './tried';

/** What an observation runs on. */
export interface ObserveParts {
  rounds: RoundRunner;
  diagnoser: Diagnoser;
  clock: Clock;
  config: ResolvedConfig;
}

/** The outcome of an observation. */
export interface Observation {
  diagnosis: Diagnosis;
  /** What was tried, in plain sentences (also pushed to `options.tried`). */
  tried: string[];
  /** The rounds it diagnosed, oldest first. */
  rounds: Round[];
}

/** Observes a target and diagnoses it; null when stopped before any round finished. */
export async function observeTarget(
  parts: ObserveParts,
  target: ResolvedTarget,
  options: ObserveOptions,
): Promise<Observation | null> {
  const { clock } = parts;
  const { signal } = options;
  const rounds: Round[] = [];
  const started = clock.now();
  const interval = Math.max(1, options.intervalMs);
  const symptom = options.symptom === true;
  for (const [k, at] of roundTimes(options.durationMs, interval).entries()) {
    if (k > 0) {
      try {
        await sleep(clock, Math.max(0, started + at - clock.now()), signal);
      } catch {
        break;
      }
    }
    if (signal?.aborted) break;
    const round = await parts.rounds.round(target, {
      symptom,
      forceStatus: k === 0,
      ...(signal ? { signal } : {}),
    });
    // A round cut short by Ctrl-C says nothing about the service; keep it only if it is all we have.
    if (signal?.aborted && rounds.length > 0) break;
    rounds.push(round);
    options.onRound?.(round);
    trimOldBodies(rounds);
    if (signal?.aborted) break;
  }
  if (rounds.length === 0 || (signal?.aborted && rounds.every(cutShort))) return null;
  const diagnosis = await parts.diagnoser.diagnose(target, rounds, {
    symptom,
    ...(signal ? { signal } : {}),
  });
  const tried = describeTried({
    target,
    config: parts.config,
    rounds,
    intervalMs: interval,
    evidence: diagnosis.evidence,
  });
  options.tried?.push(...tried);
  return { diagnosis, tried, rounds };
}

/**
 * When the rounds of an observation start, ms from its start: every `interval` from 0, and one at the
 * very end, so `--watch 3 --interval 5` still observes for 3 s (rounds at 0 and 3 s).
 */
export function roundTimes(durationMs: number, intervalMs: number): number[] {
  const times = [0];
  if (durationMs <= 0) return times;
  for (let t = intervalMs; t < durationMs; t += intervalMs) times.push(t);
  times.push(durationMs);
  return times;
}

/** Rounds whose probe bodies are kept whole; older ones keep only the start (bounded memory on long watches). */
const FULL_BODY_ROUNDS = 20;
/** Body characters kept for older rounds: enough for titles, error codes and access-denied XML. */
const OLD_BODY_CHARS = 4096;

function trimOldBodies(rounds: Round[]): void {
  const old = rounds[rounds.length - 1 - FULL_BODY_ROUNDS];
  if (!old) return;
  old.probes = old.probes.map((p) =>
    p.body.length > OLD_BODY_CHARS ? { ...p, body: p.body.slice(0, OLD_BODY_CHARS) } : p,
  );
}

function cutShort(round: Round): boolean {
  return round.probes.every((p) => p.outcome === 'timeout-deadline');
}
