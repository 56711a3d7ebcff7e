// Readers the AI services' recognisers share: the `{"error":{…}}` object of an OpenAI-style body and a
// case-insensitive literal search in a capped message (indexOf, never a regex over the body).

import { jsonObject } from './read';
import type { ResponseView } from './types';

/** Longest message text a recogniser reads. */
const MESSAGE_CAP = 2048;

/** The object under `error` when the body is `{"error":{…}}`, else null. */
export function errorObject(r: ResponseView): Record<string, unknown> | null {
  const error = jsonObject(r)?.error;
  return error !== null && typeof error === 'object' && !Array.isArray(error)
    ? (error as Record<string, unknown>)
    : null;
}

/** A string field of an object, '' when absent or not a string. */
export function text(obj: Record<string, unknown> | null, key: string): string {
  const value = obj?.[key];
  return typeof value === 'string' ? value : '';
}

/** True when `message` (capped, lower-cased) contains any of the lower-case `needles`. */
export function mentions(message: string, ...needles: string[]): boolean {
  const low = message.slice(0, MESSAGE_CAP).toLowerCase();
  return needles.some((n) => low.includes(n));
}
