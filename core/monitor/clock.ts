// Time as the monitor sees it: a monotonic clock for scheduling (immune to wall-clock jumps) and the
// wall clock only for timestamps. Injectable so tests and benchmarks run in virtual time.

/** An opaque timer handle. */
export type TimerHandle = unknown;

/** The clock and timers the scheduler, round runner and monitor use. */
export interface Clock {
  /** Monotonic milliseconds (performance.now-like); never jumps backwards. Used for every delay. */
  now(): number;
  /** Wall-clock epoch milliseconds; used only for timestamps. */
  wallNow(): number;
  /** Calls `fn` once after `ms` monotonic milliseconds. */
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** The real clock: performance.now for scheduling, Date.now for timestamps, Node timers (unref'd). */
export const systemClock: Clock = {
  now: () => performance.now(),
  wallNow: () => Date.now(),
  setTimeout(fn, ms) {
    const handle = setTimeout(fn, Math.max(0, ms));
    // A pending round must never keep a CLI process alive on its own.
    handle.unref?.();
    return handle;
  },
  clearTimeout(handle) {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};

/** Resolves after `ms` on the given clock, or rejects early when the signal aborts. */
export function sleep(clock: Clock, ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason ?? new Error('aborted'));
      return;
    }
    const onAbort = (): void => {
      clock.clearTimeout(handle);
      reject(signal?.reason ?? new Error('aborted'));
    };
    const handle = clock.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
