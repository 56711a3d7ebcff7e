// Status lines of the CLI and the report carry the date of anything that is not from today, and name
// out-of-date items as such.

import { describe, it, expect } from 'vitest';
import { statusReading } from '../testing/synthetic';
import { describeStatusReading } from './status-words';

describe('status lines against the clock', () => {
  it('names a maintenance long past its planned end as out of date, with its date', () => {
    const reading = statusReading('2026-12-01T16:00:00.000Z', {
      level: 'maintenance',
      maintenanceInProgress: [{ name: 'DB move', scheduledUntil: '2021-03-03T22:30:00.000Z' }],
    });
    expect(describeStatusReading(reading)).toContain(
      'the status page still lists maintenance “DB move” as in progress, but it was planned to end 3 Mar 2021, 22:30 UTC',
    );
  });

  it('gives the date of a last good reading from another day', () => {
    const old = statusReading('2026-11-28T09:15:00.000Z');
    const reading = {
      ...old,
      stale: true,
      unavailable: { reason: 'inactive' as const, detail: 'x', at: '2026-12-01T16:00:00.000Z' },
    };
    expect(describeStatusReading(reading)).toContain('earlier reading (stale, from 28 Nov 2026, 09:15 UTC)');
  });
});
