// Number and time formatting for the window, in the user's locale and local time zone. Percentages and
// durations are the app's one wording (shared/vocabulary), re-exported here for the views.

import { formatDuration } from '../../../shared/vocabulary/time';

export { percent as formatPercent } from '../../../shared/vocabulary/verdict';
export { formatDuration };

/** A latency in milliseconds, e.g. `340 ms` or `2.4 s`. */
export function formatMs(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

/** How long ago an ISO time was, e.g. `12 min ago`. */
export function formatAgo(iso: string, now: number): string {
  const ms = now - Date.parse(iso);
  if (!Number.isFinite(ms)) return '';
  if (ms < 30_000) return 'just now';
  return `${formatDuration(ms)} ago`;
}

const timeFormat = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
});
const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
});
/** The same with the year, for times in another year than now. */
const dateTimeYearFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
});
const clockSecondsFormat = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZoneName: 'short',
});
const axisTimeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const axisDayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric' });

/** A local clock time with the zone, e.g. `14:02 CET`; with the date when it is not today. */
export function formatTime(iso: string | null, now: number = Date.now()): string {
  if (!iso) return 'unknown time';
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return 'unknown time';
  const sameDay = new Date(t).toDateString() === new Date(now).toDateString();
  return sameDay ? timeFormat.format(t) : dateFormatFor(t, now).format(t);
}

/** A local clock time with seconds and the zone, e.g. `23:44:10 CET` (the end of a hold). */
export function formatClockSeconds(iso: string): string {
  const t = Date.parse(iso);
  return Number.isFinite(t) ? clockSecondsFormat.format(t) : 'unknown time';
}

/** A local time with the date and zone, always (and the year when it is not this year's). */
export function formatDateTime(iso: string | null, now: number = Date.now()): string {
  if (!iso) return 'unknown time';
  const t = Date.parse(iso);
  return Number.isFinite(t) ? dateFormatFor(t, now).format(t) : 'unknown time';
}

function dateFormatFor(t: number, now: number): Intl.DateTimeFormat {
  return new Date(t).getFullYear() === new Date(now).getFullYear() ? dateTimeFormat : dateTimeYearFormat;
}

/** An axis tick label: a clock time for short ranges, a day for long ones. */
export function formatTick(t: number, longRange: boolean): string {
  return (longRange ? axisDayFormat : axisTimeFormat).format(t);
}

/** The user's time zone name, e.g. `Europe/Berlin`. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Text ending in a full stop (classifier sentences may come without one). */
export function asSentence(text: string): string {
  const t = text.trim();
  return t === '' || /[.!?…)]$/.test(t) ? t : `${t}.`;
}
