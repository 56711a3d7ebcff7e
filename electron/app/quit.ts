// Quitting's deadline: the monitor gets a short while to stop, then the app quits without it.

import type { Timers } from './run-control';

/**
 * How long quitting waits for the monitor to stop. A round in flight may wait up to its probe
 * deadline (15 s); the user asked to quit, so it is abandoned instead (history is written one
 * record at a time, so nothing already recorded is lost).
 */
export const QUIT_STOP_DEADLINE_MS = 1_000;

/**
 * Runs `stop` and waits for it at most `ms`; false when it had not finished by then. A failure to
 * stop is logged and counts as stopped.
 */
export async function stopWithin(
  stop: () => Promise<void> | undefined,
  ms: number,
  timers: Timers,
  log: (line: string) => void,
): Promise<boolean> {
  let timer: unknown = null;
  const deadline = new Promise<false>((resolve) => {
    timer = timers.setTimeout(() => resolve(false), ms);
  });
  const stopping = (async () => {
    try {
      await stop();
    } catch (error) {
      log(`stopping the monitor failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    return true;
  })();
  const stopped = await Promise.race([stopping, deadline]);
  timers.clearTimeout(timer);
  return stopped;
}
