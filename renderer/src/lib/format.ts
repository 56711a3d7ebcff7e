// Number, time and duration formatting for the window, in the user's locale and local time zone.

/** A probability as a whole percentage, e.g. `82%`. */
export function formatPercent(p: number): string {
  const clamped = Math.max(0, Math.min(1, p));
  if (clamped > 0 && clamped < 0.005) return '<1%';
  return `${Math.round(clamped * 100)}%`;
}

/** A latency in milliseconds, e.g. `340 ms` or `2.4 s`. */
export function formatMs(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

/** A duration in words, e.g. `3 h 12 min`, `45 s`. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
  return `${Math.floor(h / 24)} days`;
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
