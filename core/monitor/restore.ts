// Restoring a target's standing after a restart: the state saved in the history is trusted only when
// its newest round is recent.

import type { MonitorHistory } from './monitor-types';
import type { RestoredHealth } from './state';

/** A saved state whose newest round is older than this is not trusted after a restart: start `unknown`. */
export const RESTORE_MAX_AGE_MS = 15 * 60_000;

/**
 * The standing saved in the history before a restart, when it is recent enough to trust: its newest
 * round at most {@link RESTORE_MAX_AGE_MS} ago. Older, or `degraded`/`unknown`: null (start `unknown`).
 */
export function savedHealth(
  history: MonitorHistory | null | undefined,
  target: string,
  now: number,
  onError: (text: string) => void,
): RestoredHealth | null {
  try {
    const last = history?.lastState?.(target);
    if (!history || !last) return null;
    if (last.state !== 'healthy' && last.state !== 'outage' && last.state !== 'local-network') return null;
    const lastRoundAt = Math.max(last.at, history.lastSampleAt?.(target) ?? last.at);
    // A round in the future means the wall clock went back; nothing saved can be trusted then.
    if (now - lastRoundAt > RESTORE_MAX_AGE_MS || lastRoundAt > now + 60_000) return null;
    const announced = (history.events?.(target, last.at) ?? []).filter((e) => e.event !== 'recovery').at(-1);
    const cause = announced?.event === 'local-network' ? 'local-network' : (announced?.cause ?? null);
    return {
      state: last.state,
      since: last.at,
      outageStart:
        last.state === 'healthy' ? null : (last.since ?? (last.state === 'outage' ? last.at : null)),
      lastRoundAt,
      cause,
      confidence: announced?.confidence ?? null,
    };
  } catch (err) {
    onError(
      `could not read the saved state of ${target}: ${err instanceof Error ? err.message : String(err)}`,
    );
    return null;
  }
}
