// `why500 watch`: the monitor in the foreground, one line per event (text or JSON) until Ctrl-C or
// SIGTERM, which stop it cleanly (rounds in flight finish, history is flushed).

import type { MonitorEvent, TargetStatus } from '../../shared/types/monitor';
import { parseCommandArgs, secondsFlag } from '../args';
import type { CliIo, Output } from '../output';
import { COMMON_OPTIONS, appCoreFor, setUp } from '../setup';
import { holdOpen, onStopSignal } from '../signals';
import { eventLine, stateLine, statusSentence } from '../table';
import { ProgressLine } from '../progress';
import { DEFAULT_ROUND_DEADLINE_MS } from '../../core/app/round-runner';
import { eventStanding, standingOf } from '../../shared/vocabulary/standing';

const OPTIONS = { ...COMMON_OPTIONS, interval: { type: 'string' }, json: { type: 'boolean' } } as const;

/** The smallest interval users may set, seconds (the config schema's minimum: be polite). */
export const MIN_WATCH_INTERVAL_S = 10;

/**
 * Test-only: `WHY500_MIN_INTERVAL_MS` lowers the smallest allowed interval so tests can watch a fake
 * service fail and recover in seconds. Not for users; undocumented in --help on purpose.
 */
export const TEST_MIN_INTERVAL_ENV = 'WHY500_MIN_INTERVAL_MS';

/** Runs `why500 watch` until stopped; 0 on a clean stop. */
export async function runWatch(argv: string[], out: Output, io: CliIo): Promise<number> {
  const flags = parseCommandArgs('watch', argv, OPTIONS);
  const testMinMs = Number(io.env[TEST_MIN_INTERVAL_ENV]);
  const minS = Number.isFinite(testMinMs) && testMinMs > 0 ? testMinMs / 1000 : MIN_WATCH_INTERVAL_S;
  const intervalS = secondsFlag(
    'watch',
    'interval',
    flags.interval,
    { min: minS, max: 3600, why: 'be polite to the service' },
    null,
  );
  const setup = await setUp('watch', flags, out, io);
  const intervalMs = (intervalS ?? setup.config.intervalSeconds) * 1000;
  const config = { ...setup.config, targets: setup.targets };
  const fast = intervalMs < MIN_WATCH_INTERVAL_S * 1000;
  const core = await appCoreFor({ ...setup, config }, io, {
    // Trouble that does not stop monitoring (a full disk, a failed round) goes to stderr, one line each.
    onError: (message) => out.error(`why500 watch: ${message}`),
    timing: {
      intervalMs,
      // In the test-only fast mode, confirmation and outage rounds keep the same short pace.
      ...(fast
        ? {
            confirmDelaysMs: [intervalMs],
            outageIntervalMs: intervalMs,
            roundDeadlineMs: Math.max(intervalMs, 2000),
          }
        : {}),
    },
  });

  // On a terminal, a progress line says what is going on between the lines (cleared before each one).
  const progress = new ProgressLine(io.stderr, io.stderrIsTTY === true && !flags.json);
  const names = setup.targets.map((t) => t.name).join(', ');
  const announced = new Set<string>();
  const idle = (): void => {
    if (announced.size < setup.targets.length) {
      progress.show(`Checking ${names} for the first time`, Date.now() + DEFAULT_ROUND_DEADLINE_MS);
      return;
    }
    const last = Math.max(...core.statuses().map((s) => Date.parse(s.lastRoundAt ?? '') || Date.now()));
    progress.show(`Watching ${names}: next round`, Math.max(Date.now(), last + intervalMs));
  };
  const print = (e: MonitorEvent): void => {
    progress.clear();
    if (flags.json) out.json(eventJson(e));
    else out.line(eventLine(e));
    idle();
  };
  const unsubscribe = core.onEvent(print);
  // After its first round, each target's current state is printed once (`state` in JSON), failing or not.
  const unsubscribeChange = core.onChange(() => {
    for (const s of core.statuses()) {
      if (announced.has(s.target) || s.lastRoundAt === null) continue;
      announced.add(s.target);
      progress.clear();
      if (flags.json) out.json(stateJson(s));
      else out.line(stateLine(s));
    }
    idle();
  });
  if (core.notice) out.error(`why500 watch: ${core.notice}`);
  if (!flags.json) out.line(`Watching ${names} every ${intervalMs / 1000} s. Press Ctrl-C to stop.`);
  idle();

  // Timers inside the monitor do not hold the process open; this does, until a stop signal.
  const letGo = holdOpen();
  try {
    await new Promise<void>((resolve) => {
      const release = onStopSignal(() => {
        release();
        resolve();
      });
      core.start();
    });
  } finally {
    // Also on a failed start: a held-open loop would keep the process alive forever.
    letGo();
    await core.stop();
  }
  unsubscribe();
  unsubscribeChange();
  progress.clear();
  if (!flags.json) out.line('Stopped.');
  return 0;
}

/**
 * A target's current state as `watch --json` prints it after the first round: the same five keys as an
 * event (`event` is "state", `at` the round's time), then its standing, state and the model's share.
 */
export function stateJson(s: TargetStatus): Record<string, unknown> {
  return {
    event: 'state',
    target: s.target,
    at: s.lastRoundAt ?? s.since,
    cause: s.cause,
    summary: statusSentence(s),
    standing: standingOf(s.state, s.cause),
    state: s.state,
    ...(s.confidence !== null ? { confidence: s.confidence } : {}),
  };
}

/**
 * The event as `watch --json` prints it: the five fixed keys first, then how the target now stands
 * (`standing`, the same rule as every other surface), then any extras.
 */
export function eventJson(e: MonitorEvent): Record<string, unknown> {
  return {
    event: e.event,
    target: e.target,
    at: e.at,
    cause: e.cause,
    summary: e.summary,
    standing: eventStanding(e),
    ...(e.state !== undefined ? { state: e.state } : {}),
    ...(e.maintenanceUntil !== undefined ? { maintenanceUntil: e.maintenanceUntil } : {}),
    ...(e.durationMs !== undefined ? { durationMs: e.durationMs } : {}),
    ...(e.previousCause !== undefined ? { previousCause: e.previousCause } : {}),
    ...(e.confidence !== undefined ? { confidence: e.confidence } : {}),
  };
}
