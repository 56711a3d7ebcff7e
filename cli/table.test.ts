// Terminal columns line up by display width: a CJK endpoint name takes two columns a character.
import { describe, expect, it } from 'vitest';
import { columns } from './table';
import { displayWidth } from '../shared/text/width';

describe('columns', () => {
  it('aligns the next column after CJK and ASCII names alike', () => {
    const lines = columns(
      [
        ['endpoint', 'code'],
        ['聊天', '503'],
        ['health', '200'],
      ],
      [false, true],
    );
    expect(lines).toEqual(['endpoint  code', '聊天       503', 'health     200']);
    const codeEnds = lines.map((l) => displayWidth(l));
    expect(new Set(codeEnds).size).toBe(1);
  });
});
