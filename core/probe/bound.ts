// Applies the remote-text boundary to a probe result: what the server chose (header values, body,
// error text quoting it, the URL it redirected to) is cleaned and capped before anything else sees it.

import { STATUS_CODES } from 'node:http';
import type { ProbeResult } from '../../shared/types/probe';
import { TEXT_LIMITS, cleanText } from '../../shared/text/sanitize';

/**
 * The result with header values, body, error and URLs cleaned (no control or bidi characters) and capped
 * (see `TEXT_LIMITS`). The body keeps its line breaks; everything else becomes one line.
 */
export function boundProbeResult(result: ProbeResult): ProbeResult {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(result.headers))
    headers[cleanText(name, 100)] = cleanText(value, TEXT_LIMITS.header);
  const out: ProbeResult = {
    ...result,
    url: cleanText(result.url, TEXT_LIMITS.url),
    headers,
    body: cleanText(result.body, TEXT_LIMITS.body, { lines: true }),
    finalUrl: cleanText(result.finalUrl, TEXT_LIMITS.url),
  };
  if (result.error !== undefined) out.error = cleanText(result.error, TEXT_LIMITS.error);
  delete out.reason;
  const reason = keptReason(result.status, result.reason);
  if (reason !== null) out.reason = reason;
  return out;
}

/**
 * The reason phrase worth keeping: cleaned to one line and capped; null when it is empty or only the
 * standard phrase for the status (any case), which says nothing the status does not (most answers: the
 * field then costs nothing).
 */
export function keptReason(status: number | null, reason: string | undefined): string | null {
  if (reason === undefined || status === null) return null;
  const text = cleanText(reason, TEXT_LIMITS.reason);
  if (text === '') return null;
  const standard = STATUS_CODES[status];
  return standard !== undefined && text.toLowerCase() === standard.toLowerCase() ? null : text;
}
