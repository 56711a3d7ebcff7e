// Finding a secret however a server spelled it back: the text is decoded one level into a normalised
// copy (percent escapes in either case, JSON escapes such as `\/` and `\u002F`, HTML entities named
// and numeric) that remembers where each character came from, the secret is searched in that copy,
// and the original characters it came from are replaced. One pass, no regex.

/** Named HTML entities a server may use for characters of a token (the rest are never needed). */
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  sol: '/',
  bsol: '\\',
  equals: '=',
  plus: '+',
  minus: '-',
  hyphen: '-',
  dash: '-',
  lowbar: '_',
  period: '.',
  colon: ':',
  semi: ';',
  tilde: '~',
  percnt: '%',
  num: '#',
  excl: '!',
  quest: '?',
  commat: '@',
  dollar: '$',
  ast: '*',
  comma: ',',
  vert: '|',
};

const JSON_ESCAPES: Record<string, string> = { '/': '/', '"': '"', '\\': '\\', "'": "'" };

function hexValue(text: string, from: number, length: number): number | null {
  if (from + length > text.length) return null;
  let value = 0;
  for (let i = from; i < from + length; i++) {
    const d = parseInt(text[i] as string, 16);
    if (Number.isNaN(d)) return null;
    value = value * 16 + d;
  }
  return value;
}

/** One escape at `i`: the character it stands for and how long it is, or null for a plain character. */
function escapeAt(text: string, i: number): { char: string; length: number } | null {
  const c = text[i];
  if (c === '%') {
    const v = hexValue(text, i + 1, 2);
    return v === null ? null : { char: String.fromCharCode(v), length: 3 };
  }
  if (c === '\\') {
    const next = text[i + 1] ?? '';
    if (next in JSON_ESCAPES) return { char: JSON_ESCAPES[next] as string, length: 2 };
    if (next === 'u') {
      const v = hexValue(text, i + 2, 4);
      return v === null ? null : { char: String.fromCharCode(v), length: 6 };
    }
    return null;
  }
  if (c === '&') return entityAt(text, i);
  return null;
}

/** An HTML entity at `i` (`&#47;`, `&#x2f;`, `&sol;`; the `;` optional after a number). */
function entityAt(text: string, i: number): { char: string; length: number } | null {
  if (text[i + 1] === '#') {
    const hex = text[i + 2] === 'x' || text[i + 2] === 'X';
    let j = i + (hex ? 3 : 2);
    const start = j;
    while (j < text.length && j - start < 8 && /[0-9a-fA-F]/.test(text[j] as string)) {
      if (!hex && !/[0-9]/.test(text[j] as string)) break;
      j++;
    }
    if (j === start) return null;
    const code = parseInt(text.slice(start, j), hex ? 16 : 10);
    if (!(code > 0 && code <= 0x10ffff)) return null;
    const length = j - i + (text[j] === ';' ? 1 : 0);
    return { char: String.fromCodePoint(code), length };
  }
  const semi = text.indexOf(';', i + 1);
  if (semi < 0 || semi - i > 8) return null;
  const char = ENTITIES[text.slice(i + 1, semi).toLowerCase()];
  return char === undefined ? null : { char, length: semi - i + 1 };
}

/** The text decoded one level, and where each of its UTF-16 units started in the original. */
export function decodeOnce(text: string): { plain: string; from: number[] } {
  let plain = '';
  const from: number[] = [];
  for (let i = 0; i < text.length;) {
    const escape = escapeAt(text, i);
    const char = escape?.char ?? (text[i] as string);
    for (let k = 0; k < char.length; k++) from.push(i);
    plain += char;
    i += escape?.length ?? 1;
  }
  from.push(text.length);
  return { plain, from };
}

/** True when the text holds anything {@link decodeOnce} would decode. */
function mayBeEscaped(text: string): boolean {
  return text.includes('%') || text.includes('\\') || text.includes('&');
}

/** Shortest part of a secret taken for the secret at the end of a cut text (shorter would hit words). */
const MIN_TAIL = 6;

/**
 * The text with every secret replaced by `replacement` however it was spelled (see the header), and,
 * when `cutTail` says the text was cut, a secret's first part at the very end removed too (an echo
 * straddling the cut). Secrets shorter than 4 characters are ignored.
 */
export function redactSpellings(
  text: string,
  secrets: readonly string[],
  replacement: string,
  cutTail = false,
): string {
  const wanted = secrets.filter((s) => s.length >= 4);
  if (wanted.length === 0) return text;
  if (!mayBeEscaped(text) && !cutTail && !wanted.some((s) => text.includes(s))) return text;
  const { plain, from } = decodeOnce(text);
  const spans: [number, number][] = [];
  for (const secret of wanted) {
    for (let at = plain.indexOf(secret); at >= 0; at = plain.indexOf(secret, at + secret.length))
      spans.push([from[at] as number, from[at + secret.length] as number]);
    if (cutTail) {
      for (let k = secret.length - 1; k >= MIN_TAIL; k--) {
        if (plain.endsWith(secret.slice(0, k))) {
          spans.push([from[plain.length - k] as number, text.length]);
          break;
        }
      }
    }
  }
  if (spans.length === 0) return text;
  spans.sort((a, b) => a[0] - b[0]);
  let out = '';
  let done = 0;
  for (const [start, end] of spans) {
    if (end <= done) continue;
    out += text.slice(done, Math.max(done, start)) + (start >= done ? replacement : '');
    done = end;
  }
  return out + text.slice(done);
}
