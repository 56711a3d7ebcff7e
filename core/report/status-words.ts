// The status page's word in one plain sentence (for the report and the CLI), honest about missing
// information: an unreadable page is "no status information", never "down".

import { briefList, cleanText } from '../../shared/text/sanitize';
import type { StatusReading, StatusUnavailableReason } from '../../shared/types/status';
import { checkAgainstClock, levelIsStale } from '../../shared/status/clock-check';
import { staleStatusSentences } from '../../shared/vocabulary/stale-status';
import { formatAt } from '../../shared/vocabulary/time';

const REASONS: Record<StatusUnavailableReason, string> = {
  'not-configured': 'no status page is configured',
  inactive: 'the status page is inactive (its API needs a key)',
  'bot-check':
    'the status page is unreadable (bot check): it answered with a challenge, so it tells us nothing',
  'http-error': 'the status page answered with an error',
  'not-json': 'the status page did not answer with status data',
  malformed: 'the status page sent data we could not read',
  'too-large': 'the status page sent far too much data',
  timeout: 'the status page did not answer in time',
  network: 'the status page could not be reached',
  'unknown-provider': 'the status page is of a kind we cannot read',
};

/** Longest status sentence: it stays one readable line, even escaped for Markdown (at most doubled). */
const SENTENCE_MAX = 900;

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
    // Only the items that still hold at the time of the reading are listed as current; the clock check
    // sets the others apart, and they are named below as out of date, with their dates.
    const now = reading.unavailable?.at ?? snap.fetchedAt;
    const checked = checkAgainstClock(snap, Date.parse(now) || Date.now());
    const levelOld = levelIsStale(snap, checked);
    const said = snap.description ? `"${cleanText(snap.description, 200)}"` : `level ${snap.level}`;
    parts.push(`The status page says ${said} (${snap.level}${levelOld ? ', out of date' : ''})`);
    const more = snap.omitted ?? { components: 0, incidents: 0, maintenance: 0 };
    const incidents = checked.incidents.length + more.incidents;
    if (incidents > 0) {
      parts.push(
        `${incidents} open incident${incidents > 1 ? 's' : ''}: ${briefList(
          checked.incidents.map((i) => `${cleanText(i.name, 80)} (${i.stage}, ${i.impact})`),
          more.incidents,
          { maxEach: 120 },
        )}`,
      );
    }
    if (checked.maintenanceInProgress.length > 0) {
      parts.push(`maintenance in progress: ${briefList(checked.maintenanceInProgress.map((m) => m.name))}`);
    }
    if (checked.maintenanceUpcoming.length > 0) {
      parts.push(
        `upcoming maintenance: ${briefList(
          checked.maintenanceUpcoming.map((m) => {
            const at = formatAt(m.scheduledFor, now);
            return at ? `${cleanText(m.name, 80)} at ${at}` : m.name;
          }),
          0,
          { maxEach: 120 },
        )}`,
      );
    }
    if (more.maintenance > 0) parts.push(`${more.maintenance} more maintenance windows not listed`);
    const down = snap.components.filter((c) => c.status !== 'operational' && c.status !== 'unknown');
    if (down.length > 0)
      parts.push(
        `components affected: ${briefList(
          down.map((c) => `${cleanText(c.name, 80)} (${c.status})`),
          0,
          { maxItems: 10, maxEach: 120, separator: ', ' },
        )}`,
      );
    if (more.components > 0) parts.push(`${more.components} more components not listed`);
    // Items the clock shows to be out of date are named as such, with their dates.
    parts.push(
      ...staleStatusSentences(checked.stale, now).map((s) => s.charAt(0).toLowerCase() + s.slice(1)),
    );
  }
  if (snap && reading.viaFallback) {
    parts.push(
      `read from its other address ${hostOf(reading.viaFallback)}, because the public page answers with a bot check`,
    );
  }
  if (reading.unavailable) {
    const why = unavailableWords(reading.unavailable.reason);
    parts.push(
      snap
        ? `this is an earlier reading (stale, from ${formatAt(snap.fetchedAt, reading.unavailable.at) ?? 'an unknown time'}): now ${why}`
        : `No status information: ${why}`,
    );
  }
  if (parts.length === 0) return 'No status information yet.';
  return cleanText(`${parts.join('; ')}.`, SENTENCE_MAX);
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return cleanText(url, 80);
  }
}
