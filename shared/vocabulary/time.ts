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

/** "45 seconds", "7 minutes", "3 hours", "12 days" — the largest unit that fits, rounded. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const unit = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (s < 90) return unit(s, 'second');
  if (s < 90 * 60) return unit(Math.round(s / 60), 'minute');
  if (s < 36 * 3600) return unit(Math.round(s / 3600), 'hour');
  return unit(Math.round(s / 86_400), 'day');
}
