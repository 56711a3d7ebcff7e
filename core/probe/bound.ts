// Applies the remote-text boundary to a probe result: what the server chose (header values, body,
// error text quoting it, the URL it redirected to) is cleaned and capped before anything else sees it.

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
  return out;
}
