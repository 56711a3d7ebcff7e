// The terminal writer: no escape sequence, bell or lone CR reaches the terminal; JSON stays the same value.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INJECTIONS } from '../tests/support/hostile-status';
import { createRedactor, redactValue } from '../core/report/redact';
import { Output, terminalSafe } from './output';

/** Controls a terminal acts on (tab and line feed excepted) and bidi/invisible characters. */
const ACTS =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]/;

function capture(): { out: Output; stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const out = new Output({ stdout: (t) => stdout.push(t), stderr: (t) => stderr.push(t), env: {} }, [
    's3cret-token',
  ]);
  return { out, stdout, stderr };
}

describe('Output', () => {
  it('shows escapes, bells, lone CRs and bidi overrides as visible text on stdout and stderr', () => {
    const { out, stdout, stderr } = capture();
    const hostile = 'a\u001b[2Jb\u001b]0;t\u0007c\rd\r\ne\u202Ef\u009bg\ttab s3cret-token';
    out.line(hostile);
    out.raw(hostile);
    out.error(hostile);
    out.rawError(hostile);
    for (const text of [...stdout, ...stderr]) {
      expect(text).not.toMatch(ACTS);
      expect(text).not.toContain('s3cret-token');
    }
    expect(stdout[0]).toBe('a\\u001B[2Jb\\u001B]0;t\\u0007c\\u000Dd\ne\\u202Ef\\u009Bg\ttab [redacted]\n');
  });

  it('writes JSON that parses to the same value and holds no raw C1 or bidi character', () => {
    const { out, stdout } = capture();
    const value = { title: INJECTIONS.join('\n'), n: [1, null, 'x\u0085\u2028'] };
    out.json(value);
    expect(stdout[0]).not.toMatch(ACTS);
    expect(stdout[0]!.endsWith('\n')).toBe(true);
    expect(JSON.parse(stdout[0]!)).toEqual(value);
  });

  it('shows tag characters, fillers and soft hyphens as visible escapes, and JSON with them still parses', () => {
    const { out, stdout } = capture();
    const hidden = 'ok\u{E0041}\u{E0042}\u00AD\u3164!';
    out.line(hidden);
    expect(stdout[0]).toBe('ok\\u{E0041}\\u{E0042}\\u00AD\\u3164!\n');
    out.json({ hidden });
    expect(stdout[1]).toBe('{"hidden":"ok\\udb40\\udc41\\udb40\\udc42\\u00ad\\u3164!"}\n');
    expect(JSON.parse(stdout[1]!)).toEqual({ hidden });
  });

  it('holds for any text and any JSON value', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.jsonValue(), (text, value) => {
        expect(terminalSafe(text)).not.toMatch(ACTS);
        const { out, stdout } = capture();
        out.json(value);
        expect(stdout[0]).not.toMatch(ACTS);
        // The same value after redaction (a key such as "token" or "key" is blanked on purpose).
        const redacted = redactValue(value, createRedactor(['s3cret-token']));
        expect(JSON.parse(stdout[0]!)).toEqual(JSON.parse(JSON.stringify(redacted)));
      }),
      { numRuns: 300 },
    );
  });
});
