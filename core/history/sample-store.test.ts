// Tests of the in-memory sample store's growth: reserving room keeps every sample and their order.

import { describe, it, expect } from 'vitest';
import { SampleStore } from './sample-store';

function times(store: SampleStore): number[] {
  const out: number[] = [];
  store.scanBackwards((_slot, at) => {
    out.push(at);
    return true;
  });
  return out.reverse();
}

describe('SampleStore.reserve', () => {
  it('grows once to the room asked for, keeping the samples held and their order', () => {
    const store = new SampleStore(100_000);
    const id = store.seriesFor('T', 'n', 'direct');
    for (let i = 0; i < 20_000; i++) store.pushValues(i, id, 'ok', 200, 1, 2, null, 3, 4);
    store.reserve(50_000);
    const bytes = store.bytes;
    expect(bytes).toBeGreaterThanOrEqual(70_000 * 33);
    for (let i = 20_000; i < 70_000; i++) store.pushValues(i, id, 'ok', 200, 1, 2, null, 3, 4);
    expect(store.bytes).toBe(bytes); // no further growth
    expect(times(store)).toEqual(Array.from({ length: 70_000 }, (_, i) => i));
  });

  it('never grows past the bound', () => {
    const store = new SampleStore(30_000);
    store.reserve(1_000_000);
    expect(store.bytes).toBe(30_000 * 33);
  });
});
