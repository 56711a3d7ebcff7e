// Loads where only the newest call counts: views that refetch when their inputs change must not let
// an older, slower answer overwrite a newer one.

/** What one load gave: the value, or the error's message. */
export type LoadOutcome<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Wraps `fetch` so that each call's outcome reaches `deliver` only if no later call was made in the
 * meantime; the wrapped function never rejects.
 */
export function latestOnly<A extends unknown[], T>(
  fetch: (...args: A) => Promise<T>,
  deliver: (outcome: LoadOutcome<T>) => void,
): (...args: A) => Promise<void> {
  let calls = 0;
  return async (...args: A) => {
    const mine = ++calls;
    let outcome: LoadOutcome<T>;
    try {
      outcome = { ok: true, value: await fetch(...args) };
    } catch (err) {
      outcome = { ok: false, message: err instanceof Error ? err.message : String(err) };
    }
    if (mine === calls) deliver(outcome);
  };
}
