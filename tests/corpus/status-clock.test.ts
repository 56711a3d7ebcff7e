// Real Statuspage summaries captured years ago (Renku's page of 2021-10-28, Zoom's of 2024-01-31), read as
// today's data: through the Atlassian parser, the clock check and the evidence builder at a fixed "now" of
// 2026-12-01. Their maintenances ("in progress" long past the planned end, "scheduled" for a start that
// has passed) and the pages' own levels are out of date, so they are listed with their dates and weigh
// nothing. Read on the day they were captured, the same files are current.

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

const RENKU = 'status/statuspage-renku-summary-scheduled-maintenance-2021-10-28.json';
const ZOOM = 'status/statuspage-zoom-summary-maintenance-in-progress-2024-01-31.json';
const NOW = '2026-12-01T12:00:00.000Z';

/** A corpus sample as the reader would have parsed it at `at`. */
function readSample(file: string, at: string): StatusReading {
  const body: unknown = JSON.parse(readFileSync(join(CORPUS_DIR, file), 'utf8'));
  const snapshot = atlassianProvider.parse(body, {
    pageUrl: 'https://status.example.com',
    sourceUrl: 'https://status.example.com/api/v2/summary.json',
    fetchedAt: at,
  });
  return { snapshot, stale: false, unavailable: null };
}

/** Evidence from six rounds from `start` in which every probe succeeds and the page says `file`. */
function workingEvidence(file: string, start = NOW) {
  const site = (at: string) => probe(at, { name: 'site', body: '<!doctype html><title>ok</title>' });
  const health = (at: string) => probe(at, { name: 'health', body: '{"redis":"UP"}' });
  return buildEvidence({
    target: SAMPLE_TARGET,
    rounds: rounds(
      6,
      (_i, at) => ({ probes: [site(at), health(at), ...controls(at)], status: readSample(file, at) }),
      { start },
    ),
    tokenConfigured: false,
    alternateConfigured: false,
    symptom: false,
  });
}

/** The status-page features the classifier reads from `evidence`. */
const statusFeatures = (evidence: ReturnType<typeof workingEvidence>) =>
  detectFeatures(evidence, readFacts(evidence)).filter((f) => f.startsWith('status-'));

/**
 * Asserts that a page read from `file` against NOW leaves the evidence with nothing current (level
 * `level` marked stale, no maintenance, no incident, exactly `stale` set apart) and a healthy verdict in
 * which maintenance has no support; returns the verdict text.
 */
function expectNothingCurrent(file: string, level: string, stale: unknown[]): string {
  const evidence = workingEvidence(file);
  expect(evidence.statusPage).toMatchObject({
    available: true,
    level,
    levelStale: true,
    maintenanceInProgress: false,
    maintenanceUpcoming: false,
    maintenanceName: null,
    maintenanceUntil: null,
    upcomingAt: null,
    openIncidents: 0,
  });
  expect(evidence.statusPage.staleItems).toEqual(stale);
  expect(statusFeatures(evidence)).toEqual([]);
  const d = classify(evidence);
  expect(d.verdict).toBe('healthy');
  expect(d.ranking.find((r) => r.cause === 'maintenance')!.for).toEqual([]);
  return diagnosisText(d, 'UTC').join('\n');
}

describe('Renku summary.json of 2021-10-28 against the clock of 2026-12-01', () => {
  const reading = (at: string) => readSample(RENKU, at);
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
    expect(line).toMatch(/^The status page says "All Systems Operational" \(operational, out of date\);/);
    expect(line).not.toContain('upcoming maintenance');
    expect(line).toContain(
      'the status page still lists maintenance “Please shut down any sessions” as scheduled for 1 Nov 2021, 08:30 UTC',
    );
    // Read on its own day it is upcoming, and its time carries no date because it is not today either.
    const then = describeStatusReading(reading('2021-10-28T12:00:00.000Z'));
    expect(then).toContain('upcoming maintenance: Please shut down any sessions at 1 Nov 2021, 08:30 UTC');
    expect(then).toMatch(/^The status page says "All Systems Operational" \(operational\);/);
    expect(then).not.toContain('out of date');
  });

  it('the evidence does not count them, and the verdict text prints them with their year', () => {
    const text = expectNothingCurrent(RENKU, 'operational', [
      { kind: 'scheduled-passed', name: 'Please shut down any sessions', at: '2021-11-01T08:30:00.000Z' },
      { kind: 'page-old', name: null, at: '2021-10-28T11:39:27.351Z' },
    ]);
    expect(text).toContain(
      'maintenance “Please shut down any sessions” as scheduled for 1 Nov 2021, 08:30 UTC, which has passed',
    );
    expect(text).toContain('last updated 28 Oct 2021, 11:39 UTC');
  });
});

describe('Zoom summary.json of 2024-01-31 against the clock of 2026-12-01', () => {
  const reading = (at: string) => readSample(ZOOM, at);
  const MALAYSIA = 'Updated Malaysia Toll Numbers';
  const LIFECYCLE = 'Scheduled Zoom Software Quarterly Lifecycle Update (2/3/2024)';
  const DATA_CENTER = 'Announcing additional data center (No Operational Impact)';
  const DIGICERT =
    'DigiCert Global Root G2 Transition Maintenance Notice for Zoom Phone and Zoom Contact Center';
  const STALE = [
    { kind: 'maintenance-overrun', name: MALAYSIA, at: '2024-03-01T07:59:00.000Z' },
    { kind: 'scheduled-passed', name: LIFECYCLE, at: '2024-02-04T01:00:00.000Z' },
    { kind: 'scheduled-passed', name: DATA_CENTER, at: '2024-02-12T08:00:00.000Z' },
    { kind: 'scheduled-passed', name: DIGICERT, at: '2024-04-06T00:00:00.000Z' },
    { kind: 'page-old', name: null, at: '2024-01-31T18:34:15.868Z' },
  ];

  it('parses one maintenance "in progress" until 2024-02-29 (Pacific) and three "scheduled" in 2024', () => {
    const s = reading(NOW).snapshot!;
    expect(s.pageName).toBe('Zoom');
    expect(s.description).toBe('All Systems Operational');
    // The page says "none", but an in-progress window makes the parser's level maintenance.
    expect(s.level).toBe('maintenance');
    expect(s.updatedAt).toBe('2024-01-31T18:34:15.868Z');
    expect(s.incidents).toEqual([]);
    expect(s.components.every((c) => c.status === 'operational')).toBe(true);
    expect(s.maintenanceInProgress).toEqual([
      {
        name: MALAYSIA,
        stage: 'in-progress',
        scheduledFor: '2024-01-26T08:00:00.000Z',
        scheduledUntil: '2024-03-01T07:59:00.000Z',
        components: ['Meeting Dial-in/Telephony'],
      },
    ]);
    expect(s.maintenanceUpcoming.map((m) => [m.name, m.scheduledFor])).toEqual([
      [LIFECYCLE, '2024-02-04T01:00:00.000Z'],
      [DATA_CENTER, '2024-02-12T08:00:00.000Z'],
      [DIGICERT, '2024-04-06T00:00:00.000Z'],
    ]);
  });

  it('the clock check sets every maintenance and the page apart as stale, with their dates', () => {
    const checked = checkAgainstClock(reading(NOW).snapshot!, Date.parse(NOW));
    expect(checked.maintenanceInProgress).toEqual([]);
    expect(checked.maintenanceUpcoming).toEqual([]);
    expect(checked.levelCurrent).toBe(false);
    expect(checked.stale).toEqual(STALE);
  });

  it('read on the day it was captured, the maintenance is in progress and the others upcoming', () => {
    const captured = '2024-01-31T19:00:00.000Z';
    const checked = checkAgainstClock(reading(captured).snapshot!, Date.parse(captured));
    expect(checked.stale).toEqual([]);
    expect(checked.maintenanceInProgress.map((m) => m.name)).toEqual([MALAYSIA]);
    expect(checked.maintenanceUpcoming).toHaveLength(3);
    const then = workingEvidence(ZOOM, captured);
    expect(then.statusPage.maintenanceInProgress).toBe(true);
    expect(then.statusPage.maintenanceUntil).toBe('2024-03-01T07:59:00.000Z');
    expect(statusFeatures(then)).toContain('status-maintenance');
  });

  it('the evidence gives maintenance nothing, and the verdict text prints each item with its year', () => {
    const text = expectNothingCurrent(ZOOM, 'maintenance', STALE);
    expect(text).toContain(
      `maintenance “${MALAYSIA}” as in progress, but it was planned to end 1 Mar 2024, 07:59 UTC`,
    );
    expect(text).toContain(
      `maintenance “${DIGICERT}” as scheduled for 6 Apr 2024, 00:00 UTC, which has passed`,
    );
    expect(text).toContain('last updated 31 Jan 2024, 18:34 UTC');
    expect(text).not.toMatch(/planned to end at \d\d:\d\d UTC/);
  });

  it('the status line lists no maintenance as current', () => {
    const line = describeStatusReading(reading(NOW));
    expect(line).toMatch(/^The status page says "All Systems Operational" \(maintenance, out of date\);/);
    expect(line).not.toContain('maintenance in progress:');
    expect(line).not.toContain('upcoming maintenance');
    expect(line).toContain(`“${MALAYSIA}” as in progress, but it was planned to end 1 Mar 2024, 07:59 UTC`);
  });
});
