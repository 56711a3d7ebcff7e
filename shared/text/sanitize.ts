// The one boundary for text that strangers control (status pages, response headers and bodies, error
// messages, redirect targets): control characters, bidi overrides and invisible characters removed, line
// breaks normalised, lengths and item counts capped. Pure; used where remote text is parsed.

/** Longest text kept per kind of field, in UTF-16 code units; longer text is cut with an ellipsis. */
export const TEXT_LIMITS = {
  /** Names and titles: a page name, an incident, component or maintenance name. */
  title: 300,
  /** A short word the provider uses (an incident's stage). */
  word: 40,
  /** A description or an incident update. */
  description: 2_000,
  /** A response body as kept for display and the recognisers. */
  body: 64 * 1024,
  /** The body excerpt a view shows. */
  bodyExcerpt: 4 * 1024,
  /** One response header value. */
  header: 1_024,
  /** The reason phrase of a status line. */
  reason: 200,
  /** A URL (incident link, final URL after redirects). */
  url: 2_048,
  /** A one-line error message. */
  error: 300,
} as const;

/** Most items kept per list of a status page; the rest are counted ("and N more"). */
export const COUNT_LIMITS = {
  incidents: 50,
  components: 100,
  maintenance: 50,
  /** Component names listed on one incident or maintenance window. */
  affected: 20,
} as const;

/** The ellipsis that ends a cut text. */
export const ELLIPSIS = '…';

/**
 * Characters never kept: C0 controls other than tab and line feed, DEL, C1 controls, the soft hyphen,
 * the combining grapheme joiner, bidi embeddings, overrides, isolates and marks, Hangul fillers
 * (U+115F, U+1160, U+3164, U+FFA0), Khmer invisible vowels, Mongolian free variation selectors,
 * zero-width spaces and joiners, the word joiner, invisible operators, variation selectors (U+FE00–FE0F
 * and U+E0100–E01EF), the byte-order mark, interlinear annotation marks, the object replacement
 * character, and tag characters (U+E0000–E007F: invisible to people, read by LLM-based tools). Astral
 * ones are written as surrogate pairs, so the pattern works without the `u` flag. Line feed, CR, tab
 * and U+2028/U+2029 are handled separately (they become a line break or a space).
 */
const INVISIBLE =
  // Controls and lone combining characters are the point of this class.
  // eslint-disable-next-line no-control-regex, no-misleading-character-class
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF9-\uFFFC]|\uDB40[\uDC00-\uDC7F\uDD00-\uDDEF]/g;

/** Any control or invisible character {@link cleanText} removes, plus CR (for checks in tests and writers). */
export const UNSAFE_CHAR =
  // eslint-disable-next-line no-control-regex, no-misleading-character-class
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u2028\u2029\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF9-\uFFFC]|\uDB40[\uDC00-\uDC7F\uDD00-\uDDEF]/;

/** Combining marks kept on one character at most: enough for any script, not for a "Zalgo" tower. */
export const MAX_COMBINING_MARKS = 4; // the count in MARK_STACK
const MARK_STACK = /(\p{M}{4})\p{M}+/gu;

/** Options of {@link cleanText}. */
export interface CleanOptions {
  /** Keep line breaks (as `\n`, at most one blank line in a row); otherwise the text becomes one line. */
  lines?: boolean;
}

/**
 * Remote text made inert: invisible and control characters removed, CR/CRLF/U+2028/U+2029 turned into
 * `\n` (or, for a one-line field, every run of white space into one space), trimmed, and cut to `max`
 * characters with an ellipsis. A cut never leaves half a surrogate pair.
 */
export function cleanText(value: string, max: number, options: CleanOptions = {}): string {
  // Far past the cap nothing can be shown anyway; cutting first keeps a megabyte title cheap.
  const slack = max * 4 + 64;
  const long = value.length > slack;
  let text = (long ? value.slice(0, slack) : value).replace(INVISIBLE, '').replace(MARK_STACK, '$1');
  if (options.lines) {
    text = text
      .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
      .replace(/[^\S\n]+/g, (run) => (run.includes('\t') ? '\t' : ' '))
      .split('\n')
      .map(trimSpaces)
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  } else {
    text = text.replace(/\s+/g, ' ').trim();
  }
  return long || text.length > max ? cut(text, max) : text;
}

/** The line without spaces (U+0020 only) at either end. */
function trimSpaces(line: string): string {
  let start = 0;
  let end = line.length;
  while (start < end && line.charCodeAt(start) === 32) start++;
  while (end > start && line.charCodeAt(end - 1) === 32) end--;
  return line.slice(start, end);
}

/** Cuts text to at most `max` characters, the last being the ellipsis. */
function cut(text: string, max: number): string {
  if (text.length <= max - 1 && max > 0) return `${text}${ELLIPSIS}`;
  let head = text.slice(0, Math.max(0, max - 1));
  if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
  return `${head.trimEnd()}${ELLIPSIS}`;
}

/**
 * A remote URL for display: an absolute `http:`/`https:` URL in its serialised form (which
 * percent-encodes spaces and controls), cut to `max`; null for anything else (`javascript:`, `data:`…).
 */
export function cleanUrl(value: string, max: number = TEXT_LIMITS.url): string | null {
  let url: URL;
  try {
    url = new URL(value.length > max * 2 ? value.slice(0, max * 2) : value);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return cleanText(url.href, max);
}

/** The first `max` items and how many were left out. */
export function capList<T>(items: readonly T[], max: number): { items: T[]; more: number } {
  return items.length > max
    ? { items: items.slice(0, max), more: items.length - max }
    : { items: [...items], more: 0 };
}

/** "; and 12 more" style tail for a list that was capped (empty when nothing was left out). */
export function moreWords(more: number, separator = '; '): string {
  return more > 0 ? `${separator}and ${more.toLocaleString('en-US')} more` : '';
}

/** The number when it is finite and within [min, max], else null. */
export function inRange(value: unknown, min: number, max: number): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max ? value : null;
}

/** Longest plausible duration of one probe or phase, ms (10 minutes). */
export const MAX_TIMING_MS = 10 * 60_000;

/** A timing in ms when it is a number within 0–10 minutes, else null. */
export function timingMs(value: unknown): number | null {
  return inRange(value, 0, MAX_TIMING_MS);
}

/** A count when it is a non-negative safe integer, else null. */
export function safeCount(value: unknown): number | null {
  return Number.isSafeInteger(value) && (value as number) >= 0 ? (value as number) : null;
}

/** Options of {@link briefList}. */
export interface BriefListOptions {
  /** Items named at most (default 5). */
  maxItems?: number;
  /** Characters per item at most (default 80). */
  maxEach?: number;
  separator?: string;
}

/**
 * Items for one sentence of a terminal line or a report: at most `maxItems`, each cut to `maxEach`, then
 * "and N more" for the rest (`extra` counts items already left out before), e.g. `a; b; and 19,998 more`.
 */
export function briefList(items: readonly string[], extra = 0, options: BriefListOptions = {}): string {
  const { maxItems = 5, maxEach = 80, separator = '; ' } = options;
  const { items: shown, more } = capList(items, maxItems);
  return `${shown.map((s) => cleanText(s, maxEach)).join(separator)}${moreWords(more + extra, separator)}`;
}
