import { describe, it, expect } from 'vitest';
import { mergeSignals, noSignals } from './signals';

describe('noSignals', () => {
  it('has every signal false and is a fresh object each time', () => {
    const a = noSignals();
    expect(Object.values(a).every((v) => v === false)).toBe(true);
    a.csrf = true;
    expect(noSignals().csrf).toBe(false);
  });
});

describe('mergeSignals', () => {
  it('sees a signal seen in any set and nothing else', () => {
    const merged = mergeSignals({ ...noSignals(), waitingRoom: true }, noSignals(), {
      ...noSignals(),
      csrf: true,
    });
    expect(merged).toEqual({ ...noSignals(), waitingRoom: true, csrf: true });
  });

  it('gives nothing seen for no sets', () => {
    expect(mergeSignals()).toEqual(noSignals());
  });
});
