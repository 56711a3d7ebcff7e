// Politeness while diagnosing: an endpoint that answered with Retry-After (seconds or an HTTP date) is
// not asked again before then, capped at five minutes. Rounds leave its probes out and say so.

import type { Round } from '../../shared/types/monitor';
import type { HeldProbe } from '../../shared/types/probe';
import type { ProbePath } from '../../shared/types/probe';

/** The longest wait a Retry-After is honoured for, seconds. */
export const MAX_RETRY_AFTER_SECONDS = 300;

/**
 * How long a Retry-After value asks to wait from `nowMs`, in ms, capped at MAX_RETRY_AFTER_SECONDS;
 * null when it is missing, unreadable or already over.
 */
export function retryAfterMs(value: string | undefined, nowMs: number): number | null {
  if (value === undefined) return null;
  const text = value.trim();
  let ms: number;
  if (/^\d+$/.test(text)) ms = Number(text) * 1000;
  else {
    const at = Date.parse(text);
    if (Number.isNaN(at)) return null;
    ms = at - nowMs;
  }
  if (!Number.isFinite(ms) || ms <= 0) return null;
  return Math.min(ms, MAX_RETRY_AFTER_SECONDS * 1000);
}

/** Remembers, per endpoint and path, until when it is left alone. */
export class HoldBacks {
  private readonly held = new Map<string, HeldProbe>();

  /** Reads the Retry-After of every error answer in the round (controls excepted). */
  note(round: Round, nowMs: number): void {
    for (const p of round.probes) {
      if (p.path === 'control' || p.status === null || p.status < 400) continue;
      const raw = p.headers['retry-after'];
      const wait = retryAfterMs(raw, nowMs);
      if (wait === null) continue;
      const until = new Date(nowMs + wait).toISOString();
      const capped = wait >= MAX_RETRY_AFTER_SECONDS * 1000 ? ', capped at 5 minutes' : '';
      const shown = (raw ?? '').trim().slice(0, 40);
      this.held.set(key(p.path, p.name), {
        name: p.name,
        path: p.path,
        until,
        reason: `it answered ${p.status} with Retry-After: ${shown}${capped}`,
      });
    }
  }

  /** The probes to leave out of a round starting at `nowMs`. */
  active(nowMs: number): HeldProbe[] {
    const out: HeldProbe[] = [];
    for (const [k, h] of this.held) {
      if (Date.parse(h.until) > nowMs) out.push(h);
      else this.held.delete(k);
    }
    return out;
  }
}

/** True when the probe `path`/`name` is among the held ones. */
export function isHeld(held: readonly HeldProbe[] | undefined, path: ProbePath, name: string): boolean {
  return (held ?? []).some((h) => h.path === path && h.name === name);
}

function key(path: ProbePath, name: string): string {
  return `${path}\u0000${name}`;
}
