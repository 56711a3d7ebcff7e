// The clock check's verdict on a page's overall level: out of date when the page is old, or when the
// level only echoes stale items.

import { describe, expect, it } from 'vitest';
import type { StatusSnapshot } from '../types/status';
import { checkAgainstClock, levelIsStale } from './clock-check';

const NOW = Date.parse('2026-12-01T12:00:00.000Z');

function page(over: Partial<StatusSnapshot>): StatusSnapshot {
  return {
    provider: 'atlassian',
    pageUrl: 'https://status.example.com',
    pageName: 'Example',
    level: 'operational',
    description: null,
    components: [{ name: 'API', status: 'operational' }],
    incidents: [],
    maintenanceInProgress: [],
    maintenanceUpcoming: [],
    fetchedAt: '2026-12-01T12:00:00.000Z',
    updatedAt: '2026-12-01T11:00:00.000Z',
    ...over,
  };
}

const stale = (snap: StatusSnapshot) => levelIsStale(snap, checkAgainstClock(snap, NOW));

const overrun = {
  name: 'Old move',
  stage: 'in_progress',
  scheduledFor: '2021-03-03T20:30:00.000Z',
  scheduledUntil: '2021-03-03T22:30:00.000Z',
  components: [],
};
const quiet = {
  name: 'Forgotten incident',
  stage: 'monitoring',
  impact: 'minor' as const,
  startedAt: '2026-10-01T08:00:00.000Z',
  updatedAt: '2026-10-02T08:00:00.000Z',
  message: null,
  components: [],
};

describe('levelIsStale', () => {
  it('keeps a current page’s level', () => {
    expect(stale(page({}))).toBe(false);
    expect(
      stale(page({ level: 'maintenance', maintenanceInProgress: [{ ...overrun, scheduledUntil: null }] })),
    ).toBe(false);
  });

  it('sets aside the level of a page not updated for months', () => {
    expect(stale(page({ updatedAt: '2026-06-01T00:00:00.000Z' }))).toBe(true);
  });

  it('sets aside a maintenance level that only an overrun window implies', () => {
    expect(stale(page({ level: 'maintenance', maintenanceInProgress: [overrun] }))).toBe(true);
  });

  it('sets aside a trouble level from quiet incidents only while every component works', () => {
    expect(stale(page({ level: 'degraded', incidents: [quiet] }))).toBe(true);
    const down = page({
      level: 'degraded',
      incidents: [quiet],
      components: [{ name: 'API', status: 'partial-outage' }],
    });
    expect(stale(down)).toBe(false);
  });
});
