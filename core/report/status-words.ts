// The status page's word in one plain sentence (for the report and the CLI), honest about missing
// information: an unreadable page is "no status information", never "down".

import type { StatusReading, StatusUnavailableReason } from '../../shared/types/status';
import { checkAgainstClock } from '../../shared/status/clock-check';
import { staleStatusSentences } from '../../shared/vocabulary/stale-status';

const REASONS: Record<StatusUnavailableReason, string> = {
  'not-configured': 'no status page is configured',
  inactive: 'the status page is inactive (its API needs a key)',
  'http-error': 'the status page answered with an error',
  'not-json': 'the status page did not answer with status data',
  malformed: 'the status page sent data we could not read',
  'too-large': 'the status page sent far too much data',
  timeout: 'the status page did not answer in time',
  network: 'the status page could not be reached',
  'unknown-provider': 'the status page is of a kind we cannot read',
};

/** Why a status read gave nothing, in words. */
export function unavailableWords(reason: StatusUnavailableReason): string {
  return REASONS[reason] ?? reason;
}

/** One sentence: what the status page says, or why we have no word from it. */
export function describeStatusReading(reading: StatusReading | null): string {
  if (!reading) return 'No status page is configured.';
  const snap = reading.snapshot;
  const parts: string[] = [];
  if (snap) {
    const said = snap.description ? `"${snap.description}"` : `level ${snap.level}`;
    parts.push(`The status page says ${said} (${snap.level})`);
    if (snap.incidents.length > 0) {
      parts.push(
        `${snap.incidents.length} open incident${snap.incidents.length > 1 ? 's' : ''}: ${snap.incidents
          .map((i) => `${i.name} (${i.stage}, ${i.impact})`)
          .join('; ')}`,
      );
    }
    if (snap.maintenanceInProgress.length > 0) {
      parts.push(`maintenance in progress: ${snap.maintenanceInProgress.map((m) => m.name).join('; ')}`);
    }
    if (snap.maintenanceUpcoming.length > 0) {
      parts.push(
        `upcoming maintenance: ${snap.maintenanceUpcoming
          .map((m) => (m.scheduledFor ? `${m.name} at ${m.scheduledFor}` : m.name))
          .join('; ')}`,
      );
    }
    const down = snap.components.filter((c) => c.status !== 'operational' && c.status !== 'unknown');
    if (down.length > 0)
      parts.push(`components affected: ${down.map((c) => `${c.name} (${c.status})`).join(', ')}`);
    // Items the clock shows to be out of date are named as such, with their dates.
    const now = reading.unavailable?.at ?? snap.fetchedAt;
    const stale = checkAgainstClock(snap, Date.parse(now) || Date.now()).stale;
    parts.push(...staleStatusSentences(stale, now).map((s) => s.charAt(0).toLowerCase() + s.slice(1)));
  }
  if (reading.unavailable) {
    const why = unavailableWords(reading.unavailable.reason);
    parts.push(
      snap
        ? `this is an earlier reading (stale, from ${snap.fetchedAt}): now ${why}`
        : `No status information: ${why}`,
    );
  }
  if (parts.length === 0) return 'No status information yet.';
  return `${parts.join('; ')}.`;
}
