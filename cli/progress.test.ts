// The progress line of `diagnose` and `watch`: drawn in place with the time left, erased before results,
// and never written at all in a pipe or with --json.

import { describe, expect, it } from 'vitest';
import { ProgressLine } from './progress';

describe('ProgressLine', () => {
  it('draws what is being checked with the time left, and erases it', () => {
    const written: string[] = [];
    let now = 1_000_000;
    const line = new ProgressLine(
      (t) => written.push(t),
      true,
      () => now,
    );
    line.show('Checking Svc', now + 23_000);
    expect(written).toEqual(['\r\x1b[2KChecking Svc — at most 23 s left']);
    now += 5_000;
    expect(line.current()).toBe('Checking Svc — at most 18 s left');
    line.clear();
    expect(written.at(-1)).toBe('\r\x1b[2K');
    expect(line.current()).toBeNull();
  });

  it('writes nothing when not on a terminal (or with --json)', () => {
    const written: string[] = [];
    const line = new ProgressLine((t) => written.push(t), false);
    line.show('Checking Svc', Date.now() + 1000);
    line.clear();
    expect(written).toEqual([]);
  });
});
