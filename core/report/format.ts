// Small formatting helpers shared by the report and the CLI: times in a named time zone and
// milliseconds the way people read them (durations and words live in shared/vocabulary).

import { percent } from '../../shared/vocabulary/verdict';

/** A time zone's offset from UTC at a given instant, as `UTC+01:00` (`UTC` for zero). */
export function utcOffset(at: Date, timeZone: string): string {
  const zone = safeZone(timeZone);
  const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  if (!part || /^GMT([+-]00:?00)?$/.test(part)) return 'UTC';
  return part.replace('GMT', 'UTC');
}

/** `2026-11-26 01:22:37` in the given time zone (falls back to UTC for an unknown zone). */
export function localDateTime(iso: string, timeZone: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: safeZone(timeZone),
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '??';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}`;
}

/** `2026-11-26 01:22:37 UTC+01:00` — a time with its zone's offset. */
export function localDateTimeWithOffset(iso: string, timeZone: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return `${localDateTime(iso, timeZone)} ${utcOffset(at, timeZone)}`;
}

/** The zone if Intl knows it, else `UTC`. */
export function safeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

/** Milliseconds for a table cell: `0.4`, `12.3`, `151`; `–` for null. */
export function formatMs(ms: number | null | undefined): string {
  if (ms == null || !Number.isFinite(ms)) return '–';
  if (ms >= 100) return String(Math.round(ms));
  return (Math.round(ms * 10) / 10).toFixed(1);
}

/** A probability as a whole percentage, `82%` (`<1%` for tiny non-zero values). */
export function formatPercent(p: number): string {
  return percent(p);
}
