// The notification policy: which monitor events become a native notification and with what words.
// Pure: it keeps only the little state it needs (open outages, snooze) and takes `now` as input.

import type { MonitorEvent } from '../../shared/types/monitor';
import type { NotificationSettings } from '../../shared/types/settings';
import { localCauseWords } from '../../shared/local/words';
import { formatDuration } from '../../shared/vocabulary/time';
import { causePhrase, VERDICT_WORDS } from '../../shared/vocabulary/words';
import { modelShare } from '../../shared/vocabulary/share';
import { eventStanding, standingClause } from '../../shared/vocabulary/standing';
import type { ClockFormat } from '../tray/clock';

/** A notification to show, or why none is shown. */
export type NotifyDecision =
  | { show: true; title: string; body: string; target: string; event: MonitorEvent }
  | { show: false; reason: string };

/** Minutes since local midnight for an instant (injected so tests do not depend on the machine's zone). */
export type LocalMinutes = (at: Date) => number;

/** The machine's local time of day in minutes. */
export const localMinutes: LocalMinutes = (at) => at.getHours() * 60 + at.getMinutes();

function parseHHMM(s: string): number {
  const [h, m] = s.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** True when `minutes` lies in quiet hours [start, end), which may cross midnight (22:00–07:00). */
export function inQuietHours(quiet: { start: string; end: string } | null, minutes: number): boolean {
  if (!quiet) return false;
  const start = parseHHMM(quiet.start);
  const end = parseHHMM(quiet.end);
  if (start === end) return false;
  return start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}

/** Decides notifications for a stream of monitor events. */
export class NotificationPolicy {
  /** Targets with an outage we have seen begin (a recovery is only announced after one). */
  private readonly openOutages = new Set<string>();
  private snoozedUntilMs: number | null = null;

  constructor(
    private readonly settings: () => NotificationSettings,
    private readonly clock: ClockFormat,
    private readonly minutesOf: LocalMinutes = localMinutes,
  ) {}

  /** Snoozes every notification until the given time. */
  snooze(until: Date): void {
    this.snoozedUntilMs = until.getTime();
  }

  /** Ends a snooze early. */
  unsnooze(): void {
    this.snoozedUntilMs = null;
  }

  /** The end of the current snooze (ISO), or null. */
  snoozedUntil(now: Date): string | null {
    if (this.snoozedUntilMs === null || this.snoozedUntilMs <= now.getTime()) return null;
    return new Date(this.snoozedUntilMs).toISOString();
  }

  /** Decides whether `event` is shown at `now`. Always updates the outage bookkeeping. */
  decide(event: MonitorEvent, now: Date): NotifyDecision {
    const settings = this.settings();
    const text = this.compose(event);
    if (event.event === 'outage') this.openOutages.add(event.target);
    if (event.event === 'recovery' && !this.openOutages.delete(event.target)) {
      return { show: false, reason: 'recovery without an outage before it' };
    }
    if (event.event === 'cause-changed' && !this.openOutages.has(event.target)) {
      return { show: false, reason: 'cause changed outside an outage' };
    }
    if (!text) return { show: false, reason: `no notification for ${event.event}` };
    const enabled = {
      outage: settings.outage,
      recovery: settings.recovery,
      'cause-changed': settings.causeChanged,
      degraded: settings.degraded,
      // Only worth a notification when the checks name the part to fix (a Wi-Fi sign-in page, the DNS…).
      'local-network': settings.outage && event.localCause !== undefined,
    }[event.event];
    if (!enabled) return { show: false, reason: `${event.event} notifications are off` };
    if (settings.muted.includes(event.target)) return { show: false, reason: `${event.target} is muted` };
    if (this.snoozedUntil(now)) return { show: false, reason: 'notifications are snoozed' };
    if (inQuietHours(settings.quietHours, this.minutesOf(now))) return { show: false, reason: 'quiet hours' };
    return { show: true, ...text, target: event.target, event };
  }

  /** The words of a notification; each says what happened and why. */
  private compose(event: MonitorEvent): { title: string; body: string } | null {
    const since = this.clock(event.at);
    switch (event.event) {
      case 'outage': {
        const standing = eventStanding(event);
        const until = event.maintenanceUntil ? this.clock(event.maintenanceUntil) : null;
        return {
          title: standingClause(event.target, standing, until),
          body: event.localCause
            ? `Since ${since} — likely ${localCauseWords(event.localCause)}. ${event.localStep ?? ''}`.trim()
            : `Since ${since} — ${causePhrase(event.cause ?? 'unknown', event.confidence ?? null) ?? 'cause unclear'}.`,
        };
      }
      case 'recovery':
        return {
          title: `${event.target} is back`,
          body:
            event.durationMs !== undefined
              ? `Working again after ${formatDuration(event.durationMs)} of failures.`
              : 'Working again after a failure.',
        };
      case 'cause-changed': {
        const before = event.previousCause ? VERDICT_WORDS[event.previousCause].short : 'unclear';
        const now = VERDICT_WORDS[event.cause ?? 'unknown'].short;
        const pct = event.confidence !== undefined ? ` (${modelShare(event.confidence)})` : '';
        return {
          title: `${standingClause(event.target, eventStanding(event))}: the likely cause changed`,
          body: `Now ${now}${pct}; before it looked like ${before}.`,
        };
      }
      case 'degraded':
        return {
          title: standingClause(event.target, eventStanding(event)),
          body: `Degraded since ${since} — ${causePhrase(event.cause ?? 'unknown', event.confidence ?? null) ?? 'cause unclear'}.`,
        };
      case 'local-network':
        if (!event.localCause) return null;
        return {
          title: `${standingClause(event.target, 'your-network')} (${localCauseWords(event.localCause)})`,
          body: `Since ${since}. ${event.localStep ?? ''}`.trim(),
        };
    }
  }
}
