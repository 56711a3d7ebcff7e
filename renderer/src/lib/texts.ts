// Every sentence the window says about causes, states, actions and outcomes, in one module so the
// wording can be reviewed (and swapped for shared advice texts) in one place. Written in our own words.

import type { NextAction, Verdict } from '../../../shared/types/diagnosis';
import { standingSentence } from '../../../shared/vocabulary/standing';
import type { HealthState } from '../../../shared/types/monitor';
import type { ComponentStatus, StatusLevel, StatusUnavailableReason } from '../../../shared/types/status';

/** What an unclear verdict means (the per-outcome meaning and advice come from shared/classifier/advice). */
export const UNKNOWN_MEANING =
  'The evidence does not clearly point at one cause. The next step below would tell the leading explanations apart.';

/** Label of the button that runs each next step; null when there is nothing to run. */
export const ACTION_LABEL: Record<NextAction, string | null> = {
  'diagnose-again': 'Diagnose again',
  'set-alternate-path': 'Set up an alternate path',
  'test-alternate-path': 'Test via the alternate path',
  'add-token': 'Add a token',
  'clean-session': 'Test in a clean session',
  'open-status-page': 'Open the status page',
  'check-connection': 'Check my connection',
  'review-extensions': 'Review browser extensions',
  wait: null,
  none: null,
};

/** Why a status page gave no information, in words. */
export const STATUS_REASON: Record<StatusUnavailableReason, string> = {
  'not-configured': 'No status page is configured for this service.',
  inactive:
    'The status page is inactive: its owner switched off public access, so it tells us nothing. That does not mean the service is down.',
  'bot-check':
    'The status page is unreadable (bot check): it answered with a challenge instead of the page, so it tells us nothing. That is not the same as "no incident".',
  'http-error': 'The status page answered with an error, so it tells us nothing right now.',
  'not-json': 'The status page did not answer in a format we can read.',
  malformed: 'The status page answered with data we could not make sense of.',
  'too-large': 'The status page answered with far more data than a status page should.',
  timeout: 'The status page did not answer in time.',
  network: 'We could not reach the status page.',
  'unknown-provider': 'We do not recognise which status-page service this is.',
};

/** The status page's overall level in words. */
export const STATUS_LEVEL_LABEL: Record<StatusLevel, string> = {
  operational: 'All systems operational',
  maintenance: 'Under maintenance',
  degraded: 'Degraded performance',
  'partial-outage': 'Partial outage',
  'major-outage': 'Major outage',
};

/** A component's state in words. */
export const COMPONENT_STATUS_LABEL: Record<ComponentStatus, string> = {
  operational: 'Operational',
  degraded: 'Degraded',
  'partial-outage': 'Partial outage',
  'major-outage': 'Major outage',
  maintenance: 'Maintenance',
  unknown: 'Unknown',
};

/** How bad each component state is, worst first (the Status page lists components in this order). */
const COMPONENT_SEVERITY: Record<ComponentStatus, number> = {
  'major-outage': 0,
  'partial-outage': 1,
  degraded: 2,
  maintenance: 3,
  unknown: 4,
  operational: 5,
};

/** Components worst first; equally bad ones keep the page's order. */
export function worstFirst<T extends { status: ComponentStatus }>(components: readonly T[]): T[] {
  return [...components].sort((a, b) => COMPONENT_SEVERITY[a.status] - COMPONENT_SEVERITY[b.status]);
}

/** Provider ids in words. */
export const PROVIDER_LABEL: Record<string, string> = {
  atlassian: 'Atlassian Statuspage',
  incidentio: 'incident.io',
  instatus: 'Instatus',
  betterstack: 'Better Stack',
};

/**
 * The verdict as one sentence about the target, through the shared standing rule (an account refusal is
 * not "down"); `until` is a maintenance end already in the user's clock.
 */
export function verdictSentence(
  target: string,
  state: HealthState | null,
  verdict: Verdict | null,
  until: string | null = null,
): string {
  return standingSentence(target, state, verdict, until);
}

/** How a Character.AI user finds their token, step by step, in our own words (Settings and README). */
export const TOKEN_HELP: readonly string[] = [
  'Open character.ai in your browser, signed in, and open the developer tools (F12, or Ctrl+Shift+I; ⌥⌘I on a Mac).',
  'Choose the Network tab and reload the page.',
  'Pick a request to plus.character.ai or neo.character.ai and look at its request headers.',
  'The Authorization header reads "Token" and then a long run of letters and digits: that run is your token. Paste only it.',
];

/** Where the token is kept, and where it goes. */
export const TOKEN_KEPT =
  "It stays in your system's secure store (Keychain, Credential Manager or the Secret Service), is sent only to this service's token addresses, and is never shown again. After you sign out of the site it may stop working: set a new one then.";
