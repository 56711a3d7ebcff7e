// Formats instants as local wall-clock times for the tray and notifications.

/** Turns an ISO-8601 instant into a short local time such as "14:02". */
export type ClockFormat = (iso: string) => string;

/** The user's local 24-hour "HH:MM". */
export const localClock: ClockFormat = (iso) =>
  new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false });

/** UTC "HH:MM" (deterministic; used by tests). */
export const utcClock: ClockFormat = (iso) => new Date(iso).toISOString().slice(11, 16);
