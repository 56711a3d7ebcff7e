// The diagnosis a user asks for: runs a round now (or joins the one in flight), reports the checks'
// progress, gives a partial diagnosis when the round is slow, and can be cancelled.

import type { DiagnoseCheck, DiagnoseProgress } from '../../shared/ipc/contract';
import type { Diagnosis } from '../../shared/types/diagnosis';
import type { Round } from '../../shared/types/monitor';
import type { Clock } from './clock';
import type { DiagnoseOptions, TargetRuntime } from './monitor-types';

/** Default wait before a partial diagnosis: the local checks' deadline (core/local/collect.ts). */
export const PARTIAL_AFTER_MS = 3_000;

/** What an on-demand diagnosis uses of the monitor. */
export interface OnDemandContext {
  clock: Clock;
  /** Classifies `rounds` (default: the target's window) with the monitor's context. */
  diagnose: (
    rt: TargetRuntime,
    symptom: boolean,
    signal?: AbortSignal,
    rounds?: Round[],
    partial?: boolean,
  ) => Promise<Diagnosis>;
  /** Tells the monitor's listeners something changed. */
  changed: () => void;
  /** Reports an error that did not stop monitoring (one line). */
  error: (text: string) => void;
}

/**
 * Diagnoses one target now and keeps the result as its diagnosis; null when cancelled or when the
 * round or the classifier failed (the failure is reported through `ctx.error`).
 */
export async function diagnoseOnDemand(
  rt: TargetRuntime,
  options: DiagnoseOptions,
  ctx: OnDemandContext,
): Promise<Diagnosis | null> {
  const target = rt.target.name;
  const { signal, onProgress } = options;
  if (signal?.aborted) return null;
  let analyse: DiagnoseCheck['state'] = 'pending';
  const report = (running: boolean): void => {
    if (!onProgress) return;
    const progress: DiagnoseProgress = { target, running, checks: rt.progress.checks(analyse) };
    try {
      onProgress(progress);
    } catch {
      // A broken progress listener must not break the diagnosis.
    }
  };
  const unsubscribe = rt.progress.subscribe(() => report(true));
  const cancelled = new Promise<null>((resolve) => {
    if (!signal) return;
    signal.addEventListener('abort', () => resolve(null), { once: true });
  });
  try {
    // A coalesced round was not asked for as a symptom round; the flag then only reaches the classifier.
    const fresh = !rt.scheduler.busy;
    if (fresh && options.symptom) rt.nextSymptom = true;
    report(true);
    let roundDone = false;
    const timer = options.onPartial
      ? ctx.clock.setTimeout(
          () => void partial(rt, options, ctx, () => roundDone || signal?.aborted === true),
          options.partialAfterMs ?? PARTIAL_AFTER_MS,
        )
      : null;
    const round = await Promise.race([rt.scheduler.runNow(), cancelled]);
    roundDone = true;
    if (timer !== null) ctx.clock.clearTimeout(timer);
    if (fresh) rt.nextSymptom = false;
    if (!round || signal?.aborted) {
      report(false);
      return null;
    }
    analyse = 'running';
    report(true);
    const diagnosis = await Promise.race([ctx.diagnose(rt, options.symptom ?? false, signal), cancelled]);
    if (!diagnosis || signal?.aborted) {
      analyse = 'skipped';
      report(false);
      return null;
    }
    analyse = 'done';
    rt.diagnosis = diagnosis;
    report(false);
    ctx.changed();
    return diagnosis;
  } catch (err) {
    analyse = 'failed';
    report(false);
    ctx.error(`diagnosis of ${target} failed: ${message(err)}`);
    return null;
  } finally {
    unsubscribe();
  }
}

/** Gives the partial diagnosis of the round in flight, unless the round (or the user) got there first. */
async function partial(
  rt: TargetRuntime,
  options: DiagnoseOptions,
  ctx: OnDemandContext,
  over: () => boolean,
): Promise<void> {
  const partial = rt.progress.partial(rt.target.name, ctx.clock.wallNow());
  if (!partial || over()) return;
  try {
    const rounds = [...rt.window, partial.round];
    const diagnosis = await ctx.diagnose(rt, options.symptom ?? false, options.signal, rounds, true);
    if (!over()) options.onPartial?.({ ...diagnosis, pending: partial.pending });
  } catch (err) {
    ctx.error(`partial diagnosis of ${rt.target.name} failed: ${message(err)}`);
  }
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
