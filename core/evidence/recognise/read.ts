// Small readers recognisers share: header values, XML error codes, JSON objects, the page title.

import type { ResponseView } from './types';

/** A header's value, lower-cased, or '' when absent. */
export function header(r: ResponseView, name: string): string {
  return (r.headers[name] ?? '').toLowerCase();
}

/** True when any header name starts with `prefix`. */
export function hasHeaderPrefix(r: ResponseView, prefix: string): boolean {
  return Object.keys(r.headers).some((n) => n.startsWith(prefix));
}

/** The `<Code>` of an XML error document (S3, Google Cloud Storage, Azure Storage), or null. */
export function xmlErrorCode(body: string): string | null {
  const m = /<Error>\s*<Code>\s*([A-Za-z0-9.]+)\s*<\/Code>/.exec(body.slice(0, 4096));
  return m?.[1] ?? null;
}

/** The parsed body of each view: many recognisers ask, the body is parsed once. */
const parsed = new WeakMap<ResponseView, Record<string, unknown> | null>();

/** The body parsed as a JSON object when it is one (at most 64 KiB read), else null. */
export function jsonObject(r: ResponseView): Record<string, unknown> | null {
  if (parsed.has(r)) return parsed.get(r) ?? null;
  const value = parseObject(r.body);
  parsed.set(r, value);
  return value;
}

function parseObject(body: string): Record<string, unknown> | null {
  const text = body.trim();
  if (!text.startsWith('{') || text.length > 65_536) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** The string at `path` inside a parsed JSON value (object keys, array indexes), or null. */
export function stringAt(value: unknown, ...path: (string | number)[]): string | null {
  let at: unknown = value;
  for (const step of path) {
    if (at === null || typeof at !== 'object') return null;
    at = (at as Record<string | number, unknown>)[step];
  }
  return typeof at === 'string' ? at : null;
}

/** The text of the page's `<title>`, trimmed, or ''. */
export function title(body: string): string {
  const m = /<title[^<>]{0,200}>([^<]*)<\/title>/i.exec(body.slice(0, 16_384));
  return (m?.[1] ?? '').trim();
}
