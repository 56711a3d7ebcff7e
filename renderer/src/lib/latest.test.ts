import { describe, it, expect } from 'vitest';
import { latestOnly, type LoadOutcome } from './latest';

/** A promise with its resolve and reject, to settle calls in any order. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Two calls in flight, each waiting on its own deferred, and what reached `deliver`. */
function twoCalls() {
  const pending = [deferred<string>(), deferred<string>()] as const;
  const seen: LoadOutcome<string>[] = [];
  const load = latestOnly(
    (i: 0 | 1) => pending[i].promise,
    (o) => seen.push(o),
  );
  return { older: pending[0], newer: pending[1], seen, calls: [load(0), load(1)] };
}

describe('latestOnly', () => {
  it('delivers the newest call only, even when an older one settles last', async () => {
    const { older, newer, seen, calls } = twoCalls();
    newer.resolve('new');
    await calls[1];
    older.resolve('old');
    await calls[0];
    expect(seen).toEqual([{ ok: true, value: 'new' }]);
  });

  it('drops an older failure that arrives after a newer success', async () => {
    const { older, newer, seen, calls } = twoCalls();
    newer.resolve('fresh');
    older.reject(new Error('stale failure'));
    await Promise.all(calls);
    expect(seen).toEqual([{ ok: true, value: 'fresh' }]);
  });

  it('turns a rejection into a message and never rejects itself', async () => {
    const seen: LoadOutcome<string>[] = [];
    const load = latestOnly(
      (what: unknown) => Promise.reject(what),
      (o) => seen.push(o),
    );
    await expect(load(new Error('bridge gone'))).resolves.toBeUndefined();
    await load('plain text');
    expect(seen).toEqual([
      { ok: false, message: 'bridge gone' },
      { ok: false, message: 'plain text' },
    ]);
  });
});
