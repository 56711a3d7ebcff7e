// One plain line describing a status reading, for the CLI table and notifications.

import { briefList } from '../../shared/text/sanitize';
import type { StatusLevel, StatusReading, StatusUnavailableReason } from '../../shared/types/status';

const LEVEL_TEXT: Record<StatusLevel, string> = {
  operational: 'all operational',
  maintenance: 'maintenance in progress',
  degraded: 'degraded performance',
  'partial-outage': 'partial outage',
  'major-outage': 'major outage',
};

const REASON_TEXT: Record<StatusUnavailableReason, string> = {
  'not-configured': 'no status page configured',
  inactive: 'the status page is inactive',
  'http-error': 'the status page answered with an error',
  'not-json': 'the status page sent a web page, not data',
  malformed: 'the status page sent unreadable data',
  'too-large': 'the status page reply was too large',
  timeout: 'the status page did not answer in time',
  network: 'the status page could not be reached',
  'unknown-provider': 'the status page is of a kind we cannot read',
};

/**
 * E.g. "partial outage — 1 incident: Incident with Packages and Pages", or, when the latest read gave
 * nothing, "no information (the status page is inactive); last known 12:01 UTC: all operational".
 * Never turns missing information into an outage.
 */
export function readingSummary(reading: StatusReading | null): string {
  if (!reading) return 'not read yet';
  const { snapshot, unavailable } = reading;
  const known = snapshot ? describeSnapshot(snapshot) : null;
  if (!unavailable) return known ?? 'no information';
  const why = `no information (${REASON_TEXT[unavailable.reason]})`;
  if (!snapshot || !known) return why;
  return `${why}; last known ${snapshot.fetchedAt.slice(11, 16)} UTC: ${known}`;
}

function describeSnapshot(snapshot: NonNullable<StatusReading['snapshot']>): string {
  const parts = [LEVEL_TEXT[snapshot.level]];
  const more = snapshot.omitted?.incidents ?? 0;
  const n = snapshot.incidents.length + more;
  if (n > 0)
    parts.push(
      `${n} incident${n === 1 ? '' : 's'}: ${briefList(
        snapshot.incidents.map((i) => i.name),
        more,
      )}`,
    );
  const m = snapshot.maintenanceUpcoming.length;
  if (m > 0) parts.push(`${m} maintenance window${m === 1 ? '' : 's'} coming`);
  return parts.join(' — ');
}
