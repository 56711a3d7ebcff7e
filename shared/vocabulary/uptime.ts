// How the app words uptime, on every surface (window, `why500 history`): "100%" only when nothing failed
// in the time watched, otherwise one decimal rounded down (so a failure never reads as 100%), always
// with how much of the window was watched.

import type { UptimeWindow } from '../types/uptime';
import { formatDuration } from './time';

/** The uptime of a window as a percentage, or null when nothing of it was watched. */
export function uptimePercent(w: UptimeWindow): string | null {
  if (w.watchedMs <= 0) return null;
  if (w.failingMs <= 0 && w.failedRounds === 0) return '100%';
  const share = Math.max(0, (w.watchedMs - w.failingMs) / w.watchedMs);
  // The epsilon keeps 0.95 (949.999… in floating point) from reading as 94.9.
  const tenths = Math.min(999, Math.floor(share * 1000 + 1e-9));
  return `${(tenths / 10).toFixed(1)}%`;
}

/** How much of the window was watched: "all of it", "watched 5 h 12 min of 24 h", or "not watched". */
export function uptimeCoverage(w: UptimeWindow): string {
  if (w.watchedMs <= 0) return 'not watched';
  // A round or two of slack (rounds start a little after the window does) still reads as all of it.
  if (w.watchedMs >= w.spanMs * 0.99) return 'watched all of it';
  return `watched ${formatDuration(w.watchedMs)} of ${w.label}`;
}

/** One line for a window, e.g. "24 h: 99.2% (2 of 1 400 rounds failed; watched 5 h 12 min of 24 h)". */
export function uptimeLine(w: UptimeWindow): string {
  const pct = uptimePercent(w);
  if (pct === null) return `${w.label}: no rounds (not watched)`;
  const failed = w.failedRounds === 0 ? 'no round failed' : `${w.failedRounds} of ${w.rounds} rounds failed`;
  return `${w.label}: ${pct} (${failed}; ${uptimeCoverage(w)})`;
}
