// The bridge lookup: the API when present, one clear message when missing or incomplete.
import { describe, it, expect } from 'vitest';
import { findBridge } from './bridge';
import { createFakeApi } from './testing/fake-api';

describe('findBridge', () => {
  it('returns the exposed API', () => {
    const { api } = createFakeApi();
    const found = findBridge({ why500: api });
    expect(found.ok && found.api).toBe(api);
  });

  it('explains a missing bridge', () => {
    const found = findBridge({});
    expect(found.ok).toBe(false);
    expect(!found.ok && found.message).toMatch(/window\.why500 is missing/);
  });

  it('names the missing methods of an incomplete bridge', () => {
    const found = findBridge({ why500: { getSnapshot: () => null } });
    expect(!found.ok && found.message).toMatch(/missing getTimeline, startDiagnosis, onSnapshot/);
  });
});
