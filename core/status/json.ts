// Defensive readers for untrusted JSON from status pages: never throw, return null for anything off-shape.

/** A plain JSON object, or null. */
export type JsonRecord = Record<string, unknown>;

/** The value as a JSON object, or null. */
export function asRecord(value: unknown): JsonRecord | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonRecord) : null;
}

/** The value as an array (empty when it is not one). */
export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The value's JSON objects, skipping anything else. */
export function records(value: unknown): JsonRecord[] {
  return asArray(value)
    .map(asRecord)
    .filter((r): r is JsonRecord => r !== null);
}

/**
 * The value as a non-empty string, or null. incident.io's Next.js payload writes absent values as the
 * literal string "$undefined", which counts as absent too.
 */
export function asString(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' || trimmed === '$undefined' ? null : trimmed;
}

/** The value as a lower-cased string, or null. */
export function asLower(value: unknown): string | null {
  return asString(value)?.toLowerCase() ?? null;
}

/**
 * A date as ISO-8601 (UTC), or null. Accepts ISO strings, JavaScript `Date.toString()` strings
 * ("Thu Mar 28 2024 11:22:33 GMT+0000 (Coordinated Universal Time)", as Instatus sends) and epoch
 * milliseconds.
 */
export function asIsoDate(value: unknown): string | null {
  let ms: number;
  if (typeof value === 'number' && Number.isFinite(value)) ms = value;
  else {
    const text = asString(value);
    if (text === null) return null;
    // Date.parse does not understand the trailing "(Zone Name)" on every engine; drop it.
    ms = Date.parse(withoutZoneName(text));
  }
  if (!Number.isFinite(ms)) return null;
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The text without a trailing "(Zone Name)" (one pass, no regex to backtrack over a long date field). */
function withoutZoneName(text: string): string {
  const trimmed = text.trimEnd();
  if (!trimmed.endsWith(')')) return text;
  const open = trimmed.lastIndexOf('(');
  if (open < 0 || trimmed.indexOf(')', open) !== trimmed.length - 1) return text;
  return trimmed.slice(0, open).trimEnd();
}
