// Text for a Markdown report that renders as exactly its own characters and still reads well when pasted
// as plain text: words Markdown could act on (HTML, links, bare URLs and host names, emphasis, code,
// table pipes, block syntax at the start) go into code spans; every other word is left as it is.

import { cleanText } from '../../shared/text/sanitize';

/** Longest text kept in one report field (remote fields are already capped far below this). */
const FIELD_MAX = 4_000;

/**
 * Characters that make a word markup wherever they are: HTML and entities (`<`, `>`, `&`), link syntax
 * (`[`, `]`), code, emphasis and strikethrough (`` ` ``, `*`, `_`, `~`), table pipes, backslashes and
 * `@` (linkified e-mail addresses).
 */
const ACTIVE = /[\\`*_~[\]<>&|@]/;
/** A URL scheme (`http://`) or a host name (`x.com`, `www.x`), which a linkifying renderer turns into a link. */
const LINKISH = /:\/|\.\p{L}/u;
/** Block syntax at the start of a line: headings, lists, quotes, setext underlines, ordered lists. */
const BLOCK_START = /^(?:[#\-+>=]|\d+[.)](?:$|\s))/;

/** One word as a code span: a backtick fence longer than any run inside, padded when it starts or ends with one. */
function codeSpan(word: string, cell: boolean): string {
  let longest = 0;
  let run = 0;
  for (const c of word) {
    run = c === '`' ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  const fence = '`'.repeat(longest + 1);
  const pad = word.startsWith('`') || word.endsWith('`') ? ' ' : '';
  // In a table cell a pipe ends the cell even inside a code span unless escaped (GFM); the escape goes.
  const inner = cell ? word.replace(/\|/g, '\\|') : word;
  return `${fence}${pad}${inner}${pad}${fence}`;
}

/**
 * Remote (or any) text for one line of a Markdown report. Line breaks become spaces and control
 * characters go (see `cleanText`); each word Markdown would act on — `[x](javascript:…)`, `<script>`,
 * `&#60;`, `https://x`, `Character.AI`, `ERR_TLS_CERT_ALTNAME_INVALID`, a leading `#` or `1.` — is put in
 * a code span, so a CommonMark renderer shows the same characters and a plain-text reader sees no
 * backslashes. `cell` is for a table cell, where a pipe must be escaped even inside a code span.
 */
export function markdownText(text: string, cell = false): string {
  let first = true;
  return cleanText(text, FIELD_MAX)
    .split(/(\s+)/)
    .map((part) => {
      if (part === '' || /^\s+$/.test(part)) return part;
      const active = ACTIVE.test(part) || LINKISH.test(part) || (first && BLOCK_START.test(part));
      first = false;
      return active ? codeSpan(part, cell) : part;
    })
    .join('');
}

/** The same for a table cell. */
export function markdownCell(text: string): string {
  return markdownText(text, true);
}

/**
 * A configured URL (site, status page, endpoint) for the Markdown report: its serialised form
 * (`new URL(x).href`, which percent-encodes spaces, quotes and angle brackets) in a code span, where
 * no renderer makes HTML, a link or an image of it. Text that is no URL is escaped as remote text is.
 */
export function markdownUrl(url: string): string {
  let href: string;
  try {
    href = new URL(url).href;
  } catch {
    return markdownText(url);
  }
  return codeSpan(cleanText(href, FIELD_MAX), false);
}
