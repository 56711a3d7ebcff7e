// The last resort for errors nothing else caught in the main process: an uncaught exception or an
// unhandled promise rejection is written to why500.log (redacted by the caller's log) instead of
// vanishing, and the app keeps monitoring. Node would otherwise exit on an uncaught exception and
// Electron would show a bare error dialog; a silent tray app that stopped is worse than one that
// logged the error and carried on.

/** Node's `process`, as far as these events go. */
export interface ProcessErrorEvents {
  on(event: 'uncaughtException', listener: (error: unknown) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
}

/** Lines of a stack kept in the log: enough to find the place, not a wall of frames. */
const STACK_LINES = 6;

/** An error in one line: its stack's first lines (or message), for the log. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const stack = error.stack
      ?.split('\n')
      .slice(0, STACK_LINES)
      .map((l) => l.trim());
    return stack && stack.length > 0 ? stack.join(' | ') : `${error.name}: ${error.message}`;
  }
  return `a thrown value that is not an Error: ${String(error).slice(0, 200)}`;
}

/** Logs every uncaught exception and unhandled rejection of `proc` (the caller redacts). */
export function logProcessErrors(proc: ProcessErrorEvents, log: (line: string) => void): void {
  proc.on('uncaughtException', (error) =>
    log(`uncaught exception (the app carries on): ${describeError(error)}`),
  );
  proc.on('unhandledRejection', (reason) =>
    log(`unhandled promise rejection (the app carries on): ${describeError(reason)}`),
  );
}
