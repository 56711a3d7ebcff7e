// How the app words a point in time and a length of time, everywhere it writes one: a time that is not
// today always carries its date, so an old status item can never read as if it were happening now.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function parse(value: string | number | Date): number {
  if (value instanceof Date) return value.getTime();
  return typeof value === 'number' ? value : Date.parse(value);
}

/**
 * "22:30 UTC" when `iso` falls on the same UTC day as `now`, "3 Mar 2021, 22:30 UTC" otherwise;
 * null for a missing or unreadable time.
 */
export function formatAt(
  iso: string | null | undefined,
  now: string | number | Date = Date.now(),
): string | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return null;
  const d = new Date(t);
  const clock = `${d.toISOString().slice(11, 16)} UTC`;
  const today = new Date(parse(now));
  const sameDay =
    !Number.isNaN(today.getTime()) && d.toISOString().slice(0, 10) === today.toISOString().slice(0, 10);
  if (sameDay) return clock;
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${clock}`;
}

/**
 * The same with seconds ("23:44:10 UTC"), for a moment the user waits for, such as the end of a hold.
 */
export function formatAtSeconds(
  iso: string | null | undefined,
  now: string | number | Date = Date.now(),
): string | null {
  const minutes = formatAt(iso, now);
  if (minutes === null || !iso) return null;
  return minutes.replace(/(\d\d:\d\d) UTC$/, `${new Date(Date.parse(iso)).toISOString().slice(11, 19)} UTC`);
}

/**
 * A length of time, the one way the app writes it: "45 s", "1 min 30 s" (seconds shown under 10 min),
 * "22 min", "3 h 12 min", "3 days" (from 48 h on). Negative lengths count as 0.
 */
export function formatDuration(ms: number): string {
  const s = Number.isFinite(ms) ? Math.max(0, Math.round(ms / 1000)) : 0;
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 10) return s % 60 ? `${m} min ${s % 60} s` : `${m} min`;
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
  return `${Math.floor(h / 24)} days`;
}
