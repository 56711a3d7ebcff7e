// Property tests of the config parser: any text or value gives a Config or one clear line naming a
// field, never an exception, a control character or a multi-line message.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UNSAFE_CHAR } from '../text/sanitize';
import { checkConfig, parseConfigText } from './parse';

const KEYS = [
  'targets',
  'name',
  'site',
  'endpoints',
  'url',
  'auth',
  'scheme',
  'tokenEnv',
  'statusPage',
  'intervalSeconds',
  'controls',
  'alternatePath',
  'proxy',
  'browserProfiles',
];
const key = fc.oneof(fc.constantFrom(...KEYS), fc.string({ unit: 'binary', maxLength: 12 }));
const value = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    fc.string({ unit: 'binary', maxLength: 80 }),
    fc.constantFrom('https://x.test/', 'http://127.0.0.1:1/', 'javascript:alert(1)', 'Token', 'WHY500_TOKEN'),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('node'), { maxLength: 4 }),
    fc.dictionary(key, tie('node'), { maxKeys: 6 }),
  ),
})).node;

function expectOneLine(message: string): void {
  expect(message).not.toMatch(UNSAFE_CHAR);
  expect(message).not.toMatch(/[\n\r]/);
  expect(message.length).toBeLessThan(2_000);
}

describe('config parser on arbitrary input', () => {
  it('any value: a config or one clean line', () => {
    fc.assert(
      fc.property(value, (v) => {
        const r = checkConfig(v);
        if (!r.ok) expectOneLine(r.message);
      }),
      { numRuns: 400 },
    );
  });

  it('any text: a config or one clean line', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          value.map((v) => JSON.stringify(v) ?? ''),
        ),
        (text) => {
          const r = parseConfigText(text);
          if (!r.ok) expectOneLine(r.message);
        },
      ),
      { numRuns: 400 },
    );
  });
});
