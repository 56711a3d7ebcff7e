// Picks the response headers worth keeping: the CDN and caching ones, and any that name a version.

/** Headers always kept when present. */
const KEPT = new Set([
  'server',
  'cf-ray',
  'cf-mitigated',
  'retry-after',
  'etag',
  'last-modified',
  'content-type',
  'location',
  // Who answered, for the recognisers (core/evidence/recognise).
  'via',
  'x-cache',
  'x-served-by',
  'x-powered-by',
  'x-generator',
  'x-amzn-errortype',
  'x-amzn-requestid',
  'apigw-requestid',
  'x-ms-error-code',
  'x-ms-request-id',
  'x-guploader-uploadid',
  'x-vercel-error',
  'x-vercel-id',
  'x-vercel-mitigated',
  'x-nf-request-id',
  'fastly-debug-digest',
  'www-authenticate',
  // The server's clock: the local clock check compares it with this computer's.
  'date',
]);

/** Header name prefixes kept for the recognisers: AWS, Google Cloud, Queue-it, waiting rooms. */
const KEPT_PREFIX = /^(?:x-amz-|x-goog-|x-queueit|cf-waiting-room)/;

/** Header names that reveal a deploy: `x-app-version`, `x-build-id`, `x-release`, `x-commit-sha`… */
const VERSIONISH = /version|build|release|commit|revision/;

/** Longest value kept per header, so a hostile server cannot bloat a result. */
const MAX_VALUE = 1024;

/**
 * The headers that matter, with lower-cased names; repeated headers joined with `, `.
 * `redact` is applied to every kept value.
 */
export function pickHeaders(
  headers: Record<string, string | string[] | undefined>,
  redact: (text: string) => string = (t) => t,
): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [rawName, rawValue] of Object.entries(headers)) {
    if (rawValue === undefined) continue;
    const name = rawName.toLowerCase();
    if (!KEPT.has(name) && !KEPT_PREFIX.test(name) && !VERSIONISH.test(name)) continue;
    const value = Array.isArray(rawValue) ? rawValue.join(', ') : rawValue;
    kept[name] = redact(value).slice(0, MAX_VALUE);
  }
  return kept;
}
