// The status boundary: a hostile page parsed by a provider comes out inert and bounded.

import { describe, expect, it } from 'vitest';
import { TEXT_LIMITS } from '../../shared/text/sanitize';
import { describeStatusReading } from '../report/status-words';
import { hostileSummary } from '../../tests/support/hostile-status';
import { atlassianProvider, instatusProvider } from './providers';
import { combineSnapshots } from './snapshot';
import { expectBounded } from './bound.test-support';

const ctx = {
  pageUrl: 'http://127.0.0.1:1/status',
  sourceUrl: 'http://127.0.0.1:1/status/api/v2/summary.json',
  fetchedAt: '2026-11-26T00:10:00.000Z',
};

describe('a hostile status page through a provider', () => {
  const started = performance.now();
  const snapshot = atlassianProvider.parse(hostileSummary(), ctx);
  const parseMs = performance.now() - started;

  it('keeps no control character, bidi override or oversized text, and caps every list', () => {
    console.log(`hostile summary (1.9 MB title, 20 000 incidents) parsed in ${parseMs.toFixed(0)} ms`);
    expectBounded(snapshot);
    expect(snapshot.level).toBe('major-outage');
    expect(snapshot.incidents).toHaveLength(50);
    expect(snapshot.omitted).toEqual({ components: 1_900, incidents: 19_950, maintenance: 100 });
    expect(snapshot.incidents[0]!.name).toHaveLength(TEXT_LIMITS.title);
    expect(snapshot.incidents[0]!.name.endsWith('…')).toBe(true);
    expect(snapshot.incidents.filter((i) => i.url !== undefined)).toHaveLength(25);
  });

  it('says how many incidents it left out', () => {
    const reading = { snapshot, stale: false, unavailable: null };
    expect(describeStatusReading(reading)).toMatch(
      /^The status page says .* 20000 open incidents: .*; and 19,995 more/,
    );
    expect(describeStatusReading(reading).length).toBeLessThanOrEqual(900);
  });

  it('stays bounded when parts of a page are combined', () => {
    const combined = combineSnapshots(snapshot, {
      ...snapshot,
      incidents: snapshot.incidents.map((i) => ({ ...i, name: `${i.name}!` })),
    });
    expectBounded(combined);
    expect(combined.incidents).toHaveLength(50);
    expect(combined.omitted?.incidents).toBe(19_950 + 50);
  });
});

describe('numbers from a status page', () => {
  it('a maintenance duration too large for a date is ignored, not a crash', () => {
    const s = instatusProvider.parse(
      {
        page: { name: 'X', status: 'UNDERMAINTENANCE' },
        activeMaintenances: [
          { name: 'w', status: 'INPROGRESS', start: '2026-11-26T00:00:00.000Z', duration: 1e20 },
          { name: 'v', status: 'INPROGRESS', start: '2026-11-26T00:00:00.000Z', duration: '90' },
        ],
      },
      ctx,
    );
    expect(s.maintenanceInProgress.map((m) => m.scheduledUntil)).toEqual([null, '2026-11-26T01:30:00.000Z']);
  });
});
