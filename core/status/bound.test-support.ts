// Test helper: asserts a status snapshot went through the remote-text boundary.

import { expect } from 'vitest';
import { COUNT_LIMITS, TEXT_LIMITS, UNSAFE_CHAR } from '../../shared/text/sanitize';
import type { StatusSnapshot } from '../../shared/types/status';

/** Every string anywhere in a value. */
export function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** Asserts a snapshot holds no control character and keeps within every cap. */
export function expectBounded(s: StatusSnapshot): void {
  for (const text of strings(s)) {
    expect(text).not.toMatch(UNSAFE_CHAR);
    expect(text.length).toBeLessThanOrEqual(TEXT_LIMITS.url);
  }
  expect(s.components.length).toBeLessThanOrEqual(COUNT_LIMITS.components);
  expect(s.incidents.length).toBeLessThanOrEqual(COUNT_LIMITS.incidents);
  expect(s.maintenanceInProgress.length).toBeLessThanOrEqual(COUNT_LIMITS.maintenance);
  expect(s.maintenanceUpcoming.length).toBeLessThanOrEqual(COUNT_LIMITS.maintenance);
  for (const i of s.incidents) {
    expect(i.name.length).toBeLessThanOrEqual(TEXT_LIMITS.title);
    expect(i.message?.length ?? 0).toBeLessThanOrEqual(TEXT_LIMITS.description);
    expect(i.components.length).toBeLessThanOrEqual(COUNT_LIMITS.affected);
    if (i.url !== undefined) expect(i.url).toMatch(/^https?:\/\//);
  }
  for (const c of s.components) expect(c.name.length).toBeLessThanOrEqual(TEXT_LIMITS.title);
}
