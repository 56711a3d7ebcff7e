// The "Is it me?" collector: decides whether a diagnosis needs the local checks (only when the service
// or the controls fail, or the user asks), runs the six checks at once, each under its own short
// deadline, and records each one's outcome and timing.

import type { LocalCheckResult, LocalEvidence } from '../../shared/types/local';
import type { Round } from '../../shared/types/monitor';
import { isFailure } from '../../shared/types/probe';
import type { LocalCheck, LocalContext } from './check';
import { captiveCheck, interceptedControl } from './captive';
import { clockCheck } from './clock';
import { dnsCheck } from './dns';
import { familiesCheck } from './families';
import { interceptionCheck } from './interception';
import { proxyCheck } from './proxy';

/** Every check, in the order they are reported. */
const LOCAL_CHECKS: readonly LocalCheck[] = [
  dnsCheck,
  familiesCheck,
  captiveCheck,
  proxyCheck,
  interceptionCheck,
  clockCheck,
];

/** Default deadline of one check, ms. */
export const DEFAULT_CHECK_DEADLINE_MS = 3_000;

/**
 * Why the local checks should run for these rounds, or null when they should not (a healthy window).
 * `symptom` and `asked` are the user's requests ("I'm seeing an error now", "Diagnose now").
 */
export function localChecksReason(
  rounds: Round[],
  options: { symptom?: boolean; asked?: boolean } = {},
): string | null {
  if (options.symptom) return 'you said you see an error';
  for (const round of [...rounds].reverse()) {
    for (const p of round.probes) {
      if (p.path === 'direct' && isFailure(p.outcome)) return 'the service failed';
      if (p.path !== 'control') continue;
      if (isFailure(p.outcome)) return 'an unrelated site failed too';
      const intercepted = interceptedControl(p);
      if (intercepted) return intercepted;
    }
  }
  return options.asked ? 'you asked for a diagnosis' : null;
}

/** Runs one check under its deadline; a check that throws or overruns is `inconclusive`, never fatal. */
async function runOne(check: LocalCheck, context: LocalContext): Promise<LocalCheckResult> {
  const started = Date.now();
  const at = context.now().toISOString();
  const controller = new AbortController();
  const onOuter = (): void => controller.abort(context.signal.reason);
  context.signal.addEventListener('abort', onOuter, { once: true });
  let timer: NodeJS.Timeout | undefined;
  const overrun = new Promise<LocalCheckResult['outcome']>((resolve) => {
    timer = setTimeout(() => {
      controller.abort(new Error('check deadline'));
      resolve('inconclusive');
    }, context.deadlineMs + 500);
  });
  try {
    const result = await Promise.race([check.run({ ...context, signal: controller.signal }), overrun]);
    if (typeof result === 'string') {
      return base(check, at, started, 'inconclusive', `No result within ${context.deadlineMs} ms`, 0);
    }
    return {
      ...base(check, at, started, result.outcome, result.detail, result.requests),
      finding: result.finding,
      ...(result.facts ? { facts: result.facts } : {}),
    };
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return base(check, at, started, 'inconclusive', `The check failed (${why.split('\n')[0]})`, 0);
  } finally {
    clearTimeout(timer);
    context.signal.removeEventListener('abort', onOuter);
    if (!controller.signal.aborted) controller.abort(new Error('check finished'));
  }
}

function base(
  check: LocalCheck,
  at: string,
  started: number,
  outcome: LocalCheckResult['outcome'],
  detail: string,
  requests: number,
): LocalCheckResult {
  return { check: check.id, at, ms: Date.now() - started, outcome, finding: null, detail, requests };
}

/** Runs every check at once and gathers their results. */
export async function collectLocal(
  context: LocalContext,
  reason: string,
  checks: readonly LocalCheck[] = LOCAL_CHECKS,
): Promise<LocalEvidence> {
  const results = await Promise.all(checks.map((check) => runOne(check, context)));
  return { reason, checks: results, requests: results.reduce((n, r) => n + r.requests, 0) };
}
