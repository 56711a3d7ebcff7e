// The remote-text boundary: what it removes, how it cuts, and (with fast-check) that no input escapes it.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ELLIPSIS,
  UNSAFE_CHAR,
  capList,
  cleanText,
  cleanUrl,
  inRange,
  moreWords,
  safeCount,
  timingMs,
} from './sanitize';

describe('cleanText', () => {
  it('removes terminal escapes, BEL, bidi overrides and zero-width characters', () => {
    const hostile =
      'A\u001b[2J\u001b]8;;http://evil/\u0007link\u001b]8;;\u0007\u001b]0;pwned\u0007 \u202Egnp.exe\u200B\u2066x\u2069\u009b31m';
    const clean = cleanText(hostile, 300);
    expect(clean).not.toMatch(UNSAFE_CHAR);
    expect(clean).toBe('A[2J]8;;http://evil/link]8;;]0;pwned gnp.exex31m');
  });

  it('turns a lone CR, CRLF and line separators into one space on a one-line field', () => {
    expect(cleanText('Title\rnew heading\r\n# two\u2028three', 300)).toBe('Title new heading # two three');
  });

  it('keeps normalised line breaks on a multi-line field, at most one blank line in a row', () => {
    expect(cleanText('one\r\ntwo\rthree\n\n\n\nfour  \t five', 300, { lines: true })).toBe(
      'one\ntwo\nthree\n\nfour\tfive',
    );
  });

  it('cuts long text with an ellipsis, a 1.9 MB title too', () => {
    const out = cleanText('x'.repeat(1_900_000), 300);
    expect(out).toHaveLength(300);
    expect(out.endsWith(ELLIPSIS)).toBe(true);
  });

  it('never leaves half a surrogate pair at the cut', () => {
    const out = cleanText('a' + '😀'.repeat(10), 4);
    expect(out).toBe(`a😀${ELLIPSIS}`);
  });

  it('holds for any string: no unsafe character, within the cap, idempotent', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 600 }),
        fc.integer({ min: 2, max: 400 }),
        fc.boolean(),
        (s, max, lines) => {
          const out = cleanText(s, max, { lines });
          expect(out).not.toMatch(UNSAFE_CHAR);
          if (!lines) expect(out).not.toMatch(/[\n\t]/);
          expect(out.length).toBeLessThanOrEqual(max);
          expect(out).not.toMatch(/[\uD800-\uDBFF]$/);
          if (out.length < max - 1) expect(cleanText(out, max, { lines })).toBe(out);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('cleanUrl', () => {
  it('keeps http(s) URLs in serialised form and drops other schemes', () => {
    expect(cleanUrl('https://status.example/incidents/1')).toBe('https://status.example/incidents/1');
    expect(cleanUrl('javascript:alert(1)')).toBeNull();
    expect(cleanUrl('data:text/html,<script>')).toBeNull();
    expect(cleanUrl('http://x/\u001b[2J a')).toBe('http://x/%1B[2J%20a');
    expect(cleanUrl(`http://x/${'a'.repeat(10_000)}`)!.length).toBeLessThanOrEqual(2048);
  });

  it('holds for any string: null or an http(s) URL without unsafe characters', () => {
    fc.assert(
      fc.property(fc.oneof(fc.webUrl(), fc.string({ unit: 'binary' })), (s) => {
        const out = cleanUrl(s);
        if (out !== null) {
          expect(out).toMatch(/^https?:\/\//);
          expect(out).not.toMatch(UNSAFE_CHAR);
          expect(out).not.toMatch(/\s/);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('counts and numbers', () => {
  it('caps a list and says how many were left out', () => {
    const { items, more } = capList(
      Array.from({ length: 20_000 }, (_, i) => i),
      50,
    );
    expect(items).toHaveLength(50);
    expect(more).toBe(19_950);
    expect(moreWords(more)).toBe('; and 19,950 more');
    expect(moreWords(0)).toBe('');
  });

  it('range-checks timings and counts', () => {
    expect(timingMs(12.5)).toBe(12.5);
    expect(timingMs(1e308)).toBeNull();
    expect(timingMs(-1)).toBeNull();
    expect(timingMs(Number.NaN)).toBeNull();
    expect(timingMs('5')).toBeNull();
    expect(safeCount(3)).toBe(3);
    expect(safeCount(2 ** 60)).toBeNull();
    expect(safeCount(1.5)).toBeNull();
    expect(inRange(Infinity, 0, Infinity)).toBeNull();
  });
});
