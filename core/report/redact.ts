// Removes secrets from anything we print: Authorization values, tokens in URLs and query strings,
// credentials in URLs, cookies, and any string equal to a token we know. Used by the report, the
// CLI's output and logging, so a secret never leaves the machine by accident.

import { redactSpellings } from './spellings';

/** What replaces a secret. */
export const REDACTED = '[redacted]';

/** Query parameters whose values are secrets (compared case-insensitively, `_`/`-` ignored). */
const SECRET_PARAMS = [
  'token',
  'accesstoken',
  'authtoken',
  'idtoken',
  'refreshtoken',
  'key',
  'apikey',
  'auth',
  'authorization',
  'password',
  'passwd',
  'secret',
  'clientsecret',
  'signature',
  'sig',
  'session',
  'sessionid',
];

/** Header-like names whose values are secrets. */
const SECRET_HEADERS = ['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key'];

const PARAM_RE = new RegExp(`([?&;#]|\\b)((?:${paramAlternatives()}))=([^&\\s"'<>#;]*)`, 'gi');
// `Authorization: Token abc`, `"authorization": "Token abc"`, `cookie=...` in JSON or header dumps.
const HEADER_LINE_RE = new RegExp(
  `(^|[\\s{,"'])(${SECRET_HEADERS.join('|')})(["']?\\s*[:=]\\s*)([^\\r\\n|]*)`,
  'gim',
);
// A credential after a scheme word: has a digit, or is long (so "Token configured" stays readable).
const SCHEME_RE =
  /\b(Token|Bearer|Basic|Digest)\s+((?=[A-Za-z0-9._~+/=-]*\d)[A-Za-z0-9._~+/=-]{8,}|[A-Za-z0-9._~+/=-]{20,})/g;
// The scheme is bounded (real ones are short): unbounded, a long run like `cache-cache-…` made every
// word start scan to the run's end and back, quadratic over a 64 KiB body.
const USERINFO_RE = /\b([a-z][a-z0-9+.-]{0,31}:\/\/)([^\s/@:]+(?::[^\s/@]*)?)@/gi;

function paramAlternatives(): string {
  // Allow `_` or `-` between word parts: api_key, api-key, apikey, access_token…
  return SECRET_PARAMS.map((p) => p.split('').join('[_-]?')).join('|');
}

/** A function that redacts text; built once per set of known secrets. */
export type Redactor = (text: string) => string;

/**
 * The exact spellings of one secret that are removed wherever they appear: raw, URL-encoded,
 * JSON-escaped, and Base64 (standard and URL-safe, without padding); other escapes of it are found
 * by core/report/spellings.ts. Longest first, so a spelling
 * containing another is removed whole. Secrets shorter than 4 characters give none (they would
 * redact ordinary words).
 */
export function secretForms(secrets: Iterable<string | null | undefined>): string[] {
  const known = new Set<string>();
  for (const s of secrets) {
    if (typeof s !== 'string' || s.trim().length < 4) continue;
    const value = s.trim();
    const base64 = withoutPadding(Buffer.from(value, 'utf8').toString('base64'));
    known.add(value);
    known.add(encodeURIComponent(value));
    known.add(encodeURIComponent(encodeURIComponent(value)));
    known.add(JSON.stringify(value).slice(1, -1));
    known.add(base64);
    known.add(base64.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return [...known].sort((a, b) => b.length - a.length);
}

/** The secrets themselves, trimmed, without the ones too short to redact. */
export function rawSecrets(secrets: Iterable<string | null | undefined>): string[] {
  const out: string[] = [];
  for (const s of secrets) if (typeof s === 'string' && s.trim().length >= 4) out.push(s.trim());
  return out;
}

/**
 * Builds a redactor that also removes every given secret wherever it appears, in each of its
 * {@link secretForms}, then the well-known secret shapes (Authorization values, cookies, secret
 * query parameters, credentials in URLs).
 */
export function createRedactor(secrets: Iterable<string | null | undefined> = []): Redactor {
  const ordered = secretForms(secrets);
  const raw = rawSecrets(secrets);
  return (text: string) => {
    let out = text;
    for (const s of ordered) if (out.includes(s)) out = out.split(s).join(REDACTED);
    // Other spellings (`%2f`, `\/`, `&#x2F;`…) are found on a decoded copy.
    out = redactSpellings(out, raw, REDACTED);
    return redactPatterns(out);
  };
}

/**
 * One line of at most `max` characters with every secret removed: the shape of every error and log
 * line the app shows. Redacted before it is cut, so a cut can never leave part of a secret behind.
 */
export function redactedLine(
  text: string,
  secrets: Iterable<string | null | undefined> = [],
  max = 300,
): string {
  const line = createRedactor(secrets)(text).replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}

/** Redacts the well-known secret shapes (no known secrets). */
export function redactText(text: string, secrets: Iterable<string | null | undefined> = []): string {
  return createRedactor(secrets)(text);
}

function redactPatterns(text: string): string {
  return text
    .replace(HEADER_LINE_RE, (_m, lead: string, name: string, sep: string, value: string) => {
      // Keep a closing quote and what follows it on the same line (JSON: `"authorization": "x", ...`).
      const quoted = /^(["'])/.exec(value);
      if (quoted) {
        const q = quoted[1] as string;
        const end = findClosingQuote(value, q);
        return `${lead}${name}${sep}${q}${REDACTED}${end >= 0 ? value.slice(end) : q}`;
      }
      return `${lead}${name}${sep}${REDACTED}`;
    })
    .replace(SCHEME_RE, (_m, scheme: string) => `${scheme} ${REDACTED}`)
    .replace(USERINFO_RE, (_m, scheme: string) => `${scheme}${REDACTED}@`)
    .replace(PARAM_RE, (_m, lead: string, name: string, value: string) =>
      value === '' || value === REDACTED ? `${lead}${name}=${value}` : `${lead}${name}=${REDACTED}`,
    );
}

function findClosingQuote(value: string, quote: string): number {
  for (let i = 1; i < value.length; i++) {
    if (value[i] === '\\') i++;
    else if (value[i] === quote) return i;
  }
  return -1;
}

/**
 * Redacts every string inside a JSON-like value (object keys kept), returning a copy. Values under
 * secret-named keys (authorization, cookie, token, password…) are replaced whole.
 */
export function redactValue<T>(value: T, redact: Redactor): T {
  return walk(value, redact, null) as T;
}

function walk(value: unknown, redact: Redactor, key: string | null): unknown {
  if (typeof value === 'string') {
    if (key !== null && isSecretKey(key) && value !== '') return REDACTED;
    return redact(value);
  }
  if (Array.isArray(value)) return value.map((v) => walk(v, redact, null));
  if (value !== null && typeof value === 'object') {
    // fromEntries defines own properties, so a remote key named "__proto__" stays data, never a prototype.
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, redact, k)]));
  }
  return value;
}

function isSecretKey(key: string): boolean {
  const k = key.toLowerCase().replace(/[_-]/g, '');
  return (
    SECRET_HEADERS.some((h) => h.replace(/-/g, '') === k) || SECRET_PARAMS.includes(k) || k === 'tokenvalue'
  );
}

/** Base64 without its `=` padding (a loop: no regex). */
function withoutPadding(base64: string): string {
  let end = base64.length;
  while (end > 0 && base64[end - 1] === '=') end--;
  return base64.slice(0, end);
}
