// Display width: CJK and fullwidth take two columns, combining marks none, ASCII one each.
import { describe, expect, it } from 'vitest';
import { codePointWidth, displayWidth, padEndDisplay, padStartDisplay } from './width';

describe('displayWidth', () => {
  it('counts ASCII one column each', () => {
    expect(displayWidth('health')).toBe(6);
    expect(displayWidth('')).toBe(0);
  });

  it('counts CJK, Hangul, kana and fullwidth forms two columns each', () => {
    expect(displayWidth('聊天')).toBe(4);
    expect(displayWidth('채팅 API')).toBe(8);
    expect(displayWidth('チャット')).toBe(8);
    expect(displayWidth('ＡＢ')).toBe(4);
    expect(displayWidth('𠀋')).toBe(2);
    expect(displayWidth('🚀')).toBe(2);
  });

  it('counts combining marks and invisible characters as nothing', () => {
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('a\u200bb')).toBe(2);
    expect(displayWidth('\u0007x')).toBe(1);
    expect(codePointWidth(0xfe0f)).toBe(0);
  });

  it('pads by display width', () => {
    expect(padEndDisplay('聊天', 6)).toBe('聊天  ');
    expect(padStartDisplay('聊天', 6)).toBe('  聊天');
    expect(padEndDisplay('toolong', 3)).toBe('toolong');
  });

  it('is linear on long hostile input', () => {
    const text = '聊'.repeat(200_000) + 'a\u0301'.repeat(200_000);
    expect(displayWidth(text)).toBe(600_000);
  });
});
