import { describe, it, expect } from 'vitest';
import { mergeSignals, noSignals } from './signals';

describe('noSignals', () => {
  it('has every signal false, no recognition, and is a fresh object each time', () => {
    const a = noSignals();
    const { recognitions, ...flags } = a;
    expect(Object.values(flags).every((v) => v === false)).toBe(true);
    expect(recognitions).toEqual([]);
    a.csrf = true;
    a.recognitions.push({
      vendor: 'cloudflare',
      name: 'Cloudflare',
      layer: 'cdn',
      meaning: 'firewall-block',
      count: 1,
    });
    expect(noSignals().csrf).toBe(false);
    expect(noSignals().recognitions).toEqual([]);
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
