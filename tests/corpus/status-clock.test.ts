// A real Statuspage summary captured years ago (Renku's page, 2021-10-28), read as today's data: through
// the Atlassian parser, the clock check and the evidence builder at a fixed "now" of 2026-12-01. Its
// "scheduled" maintenance and the page's own level are out of date, so they are listed with their dates
// and weigh nothing.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { atlassianProvider } from '../../core/status/providers';
import { checkAgainstClock } from '../../shared/status/clock-check';
import { buildEvidence } from '../../core/evidence/build';
import { controls, probe, rounds, SAMPLE_TARGET } from '../../core/testing/synthetic';
import { classify } from '../../shared/classifier/classify';
import { detectFeatures, readFacts } from '../../shared/classifier/features';
import { diagnosisText } from '../../cli/table';
import { describeStatusReading } from '../../core/report/status-words';
import type { StatusReading } from '../../shared/types/status';
import { CORPUS_DIR } from './load';

const SAMPLE = 'status/statuspage-renku-summary-scheduled-maintenance-2021-10-28.json';
const NOW = '2026-12-01T12:00:00.000Z';

/** The sample as the reader would have parsed it at `at`. */
function reading(at: string): StatusReading {
  const body: unknown = JSON.parse(readFileSync(join(CORPUS_DIR, SAMPLE), 'utf8'));
  const snapshot = atlassianProvider.parse(body, {
    pageUrl: 'https://illposed.statuspage.io',
    sourceUrl: 'https://illposed.statuspage.io/api/v2/summary.json',
    fetchedAt: at,
  });
  return { snapshot, stale: false, unavailable: null };
}

describe('Renku summary.json of 2021-10-28 against the clock of 2026-12-01', () => {
  it('parses as an operational page with one maintenance still "scheduled" for 2021-11-01', () => {
    const s = reading(NOW).snapshot!;
    expect(s.provider).toBe('atlassian');
    expect(s.pageName).toBe('illposed');
    expect(s.level).toBe('operational');
    expect(s.updatedAt).toBe('2021-10-28T11:39:27.351Z');
    expect(s.components.map((c) => c.name)).toEqual(['API', 'KG', 'Core Service', 'Loud']);
    expect(s.incidents).toEqual([]);
    expect(s.maintenanceInProgress).toEqual([]);
    expect(s.maintenanceUpcoming).toEqual([
      {
        name: 'Please shut down any sessions',
        stage: 'scheduled',
        scheduledFor: '2021-11-01T08:30:00.000Z',
        scheduledUntil: '2021-11-01T10:30:00.000Z',
        components: ['API'],
      },
    ]);
  });

  it('the clock check sets the maintenance and the page apart as stale, with their dates', () => {
    const checked = checkAgainstClock(reading(NOW).snapshot!, Date.parse(NOW));
    expect(checked.maintenanceUpcoming).toEqual([]);
    expect(checked.maintenanceInProgress).toEqual([]);
    expect(checked.levelCurrent).toBe(false);
    expect(checked.stale).toEqual([
      { kind: 'scheduled-passed', name: 'Please shut down any sessions', at: '2021-11-01T08:30:00.000Z' },
      { kind: 'page-old', name: null, at: '2021-10-28T11:39:27.351Z' },
    ]);
  });

  it('read on the day it was captured, the same sample is current: the maintenance is upcoming', () => {
    const captured = '2021-10-28T12:00:00.000Z';
    const checked = checkAgainstClock(reading(captured).snapshot!, Date.parse(captured));
    expect(checked.stale).toEqual([]);
    expect(checked.levelCurrent).toBe(true);
    expect(checked.maintenanceUpcoming.map((m) => m.name)).toEqual(['Please shut down any sessions']);
  });

  it('the status line of the CLI table and the report lists the maintenance only as out of date', () => {
    const line = describeStatusReading(reading(NOW));
    expect(line).not.toContain('upcoming maintenance');
    expect(line).toContain(
      'the status page still lists maintenance “Please shut down any sessions” as scheduled for 1 Nov 2021, 08:30 UTC',
    );
    // Read on its own day it is upcoming, and its time carries no date because it is not today either.
    const then = describeStatusReading(reading('2021-10-28T12:00:00.000Z'));
    expect(then).toContain('upcoming maintenance: Please shut down any sessions at 1 Nov 2021, 08:30 UTC');
    expect(then).not.toContain('out of date');
  });

  it('the evidence does not count them, and the verdict text prints them with their year', () => {
    const site = (at: string) => probe(at, { name: 'site', body: '<!doctype html><title>ok</title>' });
    const health = (at: string) => probe(at, { name: 'health', body: '{"redis":"UP"}' });
    const window = rounds(
      6,
      (_i, at) => ({ probes: [site(at), health(at), ...controls(at)], status: reading(at) }),
      {
        start: NOW,
      },
    );
    const evidence = buildEvidence({
      target: SAMPLE_TARGET,
      rounds: window,
      tokenConfigured: false,
      alternateConfigured: false,
      symptom: false,
    });
    expect(evidence.statusPage).toMatchObject({
      available: true,
      level: 'operational',
      levelStale: true,
      maintenanceInProgress: false,
      maintenanceUpcoming: false,
      upcomingAt: null,
      maintenanceName: null,
      openIncidents: 0,
    });
    expect(evidence.statusPage.staleItems).toEqual([
      { kind: 'scheduled-passed', name: 'Please shut down any sessions', at: '2021-11-01T08:30:00.000Z' },
      { kind: 'page-old', name: null, at: '2021-10-28T11:39:27.351Z' },
    ]);
    const features = detectFeatures(evidence, readFacts(evidence));
    expect(features.filter((f) => f.startsWith('status-'))).toEqual([]);
    const d = classify(evidence);
    expect(d.verdict).toBe('healthy');
    expect(d.ranking.find((r) => r.cause === 'maintenance')!.for).toEqual([]);
    const text = diagnosisText(d, 'UTC').join('\n');
    expect(text).toContain(
      'maintenance “Please shut down any sessions” as scheduled for 1 Nov 2021, 08:30 UTC, which has passed',
    );
    expect(text).toContain('last updated 28 Oct 2021, 11:39 UTC');
  });
});
