// The one rule for how a target's state reads given its cause, used by every surface that names a state
// (tray icon and tooltip, notifications, `watch` lines and JSON events, the window's badge and headline,
// the report). A service that works for others but refuses this account is not "down"; planned
// maintenance says maintenance; the user's own network is "your network"; only a service failing for
// everyone is "down".

import type { Verdict } from '../types/diagnosis';
import type { HealthState, MonitorEvent, Standing } from '../types/monitor';
import { VERDICT_WORDS } from './words';

export type { Standing } from '../types/monitor';

/** Every standing, in the order tests walk them. */
export const STANDINGS = [
  'working',
  'degraded',
  'down',
  'down-regional',
  'maintenance',
  'refuses-account',
  'browser',
  'your-network',
  'failing',
  'unknown',
] as const satisfies readonly Standing[];

/** The ways one standing is named. */
export interface StandingWords {
  /** The window's badge and a table cell: "Refuses your account". */
  badge: string;
  /** The tag a `watch` line starts with: "REFUSED". */
  tag: string;
  /** Inside a line after the target and a dash: "Character.AI — up, but refuses your account since 14:02". */
  short: string;
  /** The tray icon (and window badge colour) it shows. */
  icon: HealthState;
}

/** Every standing's words. */
export const STANDING_WORDS: Record<Standing, StandingWords> = {
  working: { badge: 'Working', tag: 'WORKING', short: 'working', icon: 'healthy' },
  degraded: { badge: 'Degraded', tag: 'DEGRADED', short: 'slow or partly failing', icon: 'degraded' },
  down: { badge: 'Down', tag: 'DOWN', short: 'down', icon: 'outage' },
  'down-regional': {
    badge: 'Down in your region',
    tag: 'REGIONAL',
    short: 'down for your region',
    icon: 'outage',
  },
  maintenance: { badge: 'Maintenance', tag: 'MAINTENANCE', short: 'in planned maintenance', icon: 'outage' },
  'refuses-account': {
    badge: 'Refuses your account',
    tag: 'REFUSED',
    short: 'up, but refuses your account',
    icon: 'degraded',
  },
  browser: {
    badge: 'Your browser',
    tag: 'BROWSER',
    short: 'up, but your browser gets in the way',
    icon: 'degraded',
  },
  'your-network': {
    badge: 'Your network',
    tag: 'YOUR NETWORK',
    short: 'not reachable: your network has a problem',
    icon: 'local-network',
  },
  failing: { badge: 'Failing', tag: 'FAILING', short: 'failing', icon: 'outage' },
  unknown: { badge: 'Unknown', tag: 'UNKNOWN', short: 'status unknown', icon: 'unknown' },
};

/** Causes on the service's side that fail for everyone. */
const SERVICE_CAUSES: ReadonlySet<Verdict> = new Set(['overload', 'bad-update', 'permissions']);

/**
 * How a target stands, given the monitor's state (null for a one-off diagnosis) and the likely cause.
 * The monitor's "healthy" wins over a cause; otherwise the cause decides the words.
 */
export function standingOf(state: HealthState | null, cause: Verdict | null): Standing {
  if (state === 'local-network' || cause === 'local-network') return 'your-network';
  if (state === 'healthy') return 'working';
  // Slow or partly failing stays that, whatever the cause: the cause is said beside it.
  if (state === 'degraded') return 'degraded';
  if (cause === 'account') return 'refuses-account';
  if (cause === 'extensions') return 'browser';
  if (cause === 'maintenance') return 'maintenance';
  if (cause === 'regional') return 'down-regional';
  if (cause !== null && SERVICE_CAUSES.has(cause)) return 'down';
  if (state === null) return cause === 'healthy' ? 'working' : 'unknown';
  if (state === 'outage') return 'failing';
  return 'unknown';
}

/**
 * The standing as a clause about the target, no full stop: "Character.AI is up, but refuses your
 * account", "Character.AI is in planned maintenance until 15:00 UTC". `until` is the maintenance end,
 * already written in the surface's own clock, or null when not known.
 */
export function standingClause(target: string, standing: Standing, until: string | null = null): string {
  switch (standing) {
    case 'working':
      return `${target} is working normally`;
    case 'degraded':
      return `${target} is slow or partly failing`;
    case 'down':
      return `${target} is down`;
    case 'down-regional':
      return `${target} is down for your region or network path`;
    case 'maintenance':
      return `${target} is in planned maintenance${until ? ` until ${until}` : ''}`;
    case 'refuses-account':
      return `${target} is up, but refuses your account`;
    case 'browser':
      return `${target} is up, but a browser extension gets in the way`;
    case 'your-network':
      return `Your network has a problem, not ${target}`;
    case 'failing':
      return `${target} is failing for you, and the cause is not clear yet`;
    case 'unknown':
      return `We cannot tell yet how ${target} is doing`;
  }
}

/**
 * The window's headline and the report's first line: the clause, and for a service-side fault the
 * likely cause. "Character.AI is down, most likely because of too much traffic on their servers."
 */
export function standingSentence(
  target: string,
  state: HealthState | null,
  cause: Verdict | null,
  until: string | null = null,
): string {
  const standing = standingOf(state, cause);
  const clause = standingClause(target, standing, until);
  const named =
    standing === 'degraded'
      ? cause !== null && cause !== 'unknown' && cause !== 'healthy'
      : standing === 'down';
  const why = named && cause !== null ? `, most likely because of ${VERDICT_WORDS[cause].phrase}` : '';
  return `${clause}${why}.`;
}

/** The planned end of the maintenance in progress, as the diagnosis read it from the status page (ISO). */
export function maintenanceEnd(
  d: { evidence?: { statusPage?: { maintenanceUntil?: string | null } } } | null | undefined,
): string | null {
  return d?.evidence?.statusPage?.maintenanceUntil ?? null;
}

/** The state each kind of event leaves a target in, for events that do not carry it. */
const EVENT_STATE: Record<MonitorEvent['event'], HealthState> = {
  outage: 'outage',
  recovery: 'healthy',
  degraded: 'degraded',
  'cause-changed': 'outage',
  'local-network': 'local-network',
};

/** How a target stands after a monitor event (the same rule as for its status). */
export function eventStanding(e: Pick<MonitorEvent, 'event' | 'cause' | 'state'>): Standing {
  return standingOf(e.state ?? EVENT_STATE[e.event], e.cause);
}

/** The tag a `watch` line shows for an event: "DOWN", "REFUSED", "RECOVERED", "CAUSE CHANGED". */
export function eventTag(e: Pick<MonitorEvent, 'event' | 'cause' | 'state'>): string {
  if (e.event === 'recovery') return 'RECOVERED';
  if (e.event === 'cause-changed') return 'CAUSE CHANGED';
  return STANDING_WORDS[eventStanding(e)].tag;
}
