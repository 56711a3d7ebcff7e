// Telling a fetched status body apart: JSON, an HTML page, or something broken.

import { oneLine } from './fetch';

/** A fetched body, classified. */
export type ClassifiedBody =
  { kind: 'json'; value: unknown } | { kind: 'html'; text: string } | { kind: 'malformed'; detail: string };

/**
 * Classifies a body: an HTML content type or a body starting with `<` is a page, not data; anything
 * else must parse as JSON (an empty or truncated body is `malformed`).
 */
export function classifyBody(body: string, contentType: string | null): ClassifiedBody {
  const text = body.replace(/^\uFEFF/, '').trimStart();
  if (/\bhtml\b/i.test(contentType ?? '') || text.startsWith('<')) return { kind: 'html', text: body };
  if (text === '') return { kind: 'malformed', detail: 'empty body where JSON was expected' };
  try {
    return { kind: 'json', value: JSON.parse(text) };
  } catch (err) {
    return {
      kind: 'malformed',
      detail: oneLine(`invalid or truncated JSON (${body.length} bytes): ${(err as Error).message}`),
    };
  }
}
