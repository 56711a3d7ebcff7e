// Text for a Markdown report that renders as exactly its own characters: no HTML, no link, image,
// autolink or linkified URL, no emphasis, code, heading, list, quote or table cell of the text's choosing.

import { cleanText } from '../../shared/text/sanitize';

/** Longest text kept in one report field (remote fields are already capped far below this). */
const FIELD_MAX = 4_000;

/**
 * Characters escaped wherever they are: HTML and entities (`<`, `>`, `&`), link and image syntax (`[`,
 * `]`), code, emphasis and strikethrough (`` ` ``, `*`, `_`, `~`), table pipes and the backslash itself.
 */
const ALWAYS = /[\\`*_~[\]<>&|@]/g;

/**
 * Escapes remote (or any) text for one line of a Markdown report, table cells included. Line breaks
 * become spaces and control characters go (see `cleanText`); the characters Markdown would act on are
 * backslash-escaped, so a CommonMark renderer shows the same characters: `[x](javascript:…)`,
 * `![x](http://…)`, `<script>`, `<http://x>`, `&#60;`, a bare `http://x` or `www.x.com` (which a
 * linkifying renderer would turn into links), and a leading `#`, `-`, `+`, `>`, `=` or `1.` all stay text.
 */
export function markdownText(text: string): string {
  return (
    cleanText(text, FIELD_MAX)
      .replace(ALWAYS, '\\$&')
      // URL schemes and host names (bare URLs, `www.x`, `x.com`), which linkify would turn into links.
      .replace(/:(?=\/)/g, '\\:')
      .replace(/\.(?=\p{L})/gu, '\\.')
      // Block syntax at the start of a line: headings, lists, quotes, setext underlines, ordered lists.
      .replace(/^[#\-+>=]/, '\\$&')
      .replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2')
  );
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
  return codeSpan(cleanText(href, FIELD_MAX));
}

/** Text as a CommonMark code span: fenced by one backtick more than its longest run of them. */
function codeSpan(text: string): string {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === '`' ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}
