// Ctrl-C and SIGTERM handling for long-running commands: the first signal asks for a clean stop, a
// second one exits at once.

/** Calls `stop` on the first SIGINT/SIGTERM; returns a function removing the handlers. */
export function onStopSignal(stop: () => void): () => void {
  let count = 0;
  const handler = (signal: NodeJS.Signals): void => {
    count++;
    if (count === 1) stop();
    else process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}

/**
 * Keeps the process alive until the returned function is called. The monitor's timers are unref'd
 * (a pending round must not keep an app alive), so a command waiting on them has to hold the loop itself.
 */
export function holdOpen(): () => void {
  const timer = setInterval(() => undefined, 1 << 30);
  return () => clearInterval(timer);
}
