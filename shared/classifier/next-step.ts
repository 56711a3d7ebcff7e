// Picks the one next step: while two outcomes are still in play, the test that best tells them
// apart; once one is clearly ahead, what to do about it. As a sentence and as an action the app can run.

import type { DiagnosisOutcome, NextAction } from '../types/diagnosis';
import type { Evidence } from '../types/evidence';
import { formatAt } from '../vocabulary/time';
import { localConclusion } from './local';

/** A next step: what to tell the user and what the app can do about it. */
export interface NextStep {
  sentence: string;
  action: NextAction;
}

const LABELS: Record<DiagnosisOutcome, string> = {
  overload: 'an overloaded service',
  'bad-update': 'a faulty release',
  account: 'a problem with your account',
  regional: 'a regional fault',
  maintenance: 'planned maintenance',
  extensions: 'a browser extension',
  permissions: 'wrong access settings on the server',
  'local-network': 'your own connection',
  healthy: 'no fault at all',
};

/** Short words for an outcome, used in sentences ("an overloaded service"). */
export function outcomeLabel(outcome: DiagnosisOutcome): string {
  return LABELS[outcome];
}

/** Above this, the leader is settled and the step is about the leader, not about telling two apart. */
export const SETTLED = 0.8;
/** A runner-up below this is not worth a test. */
const NEGLIGIBLE = 0.05;

function maintenanceConfirmed(e: Evidence): boolean {
  const sp = e.statusPage;
  return sp.available && (sp.maintenanceInProgress || sp.level === 'maintenance');
}

/** The test that would best tell `first` from `second`, or null when no test helps. */
function separatingTest(e: Evidence, first: DiagnosisOutcome, second: DiagnosisOutcome): NextStep | null {
  const pair = new Set([first, second]);
  const local = localConclusion(e);
  if (pair.has('local-network') && local) return { sentence: local.step, action: 'check-connection' };
  if (pair.has('local-network')) {
    return {
      sentence:
        'Check your connection: open another site, restart the router or switch to mobile data, then try again',
      action: 'check-connection',
    };
  }
  if (pair.has('account') && !e.auth.tokenConfigured) {
    return {
      sentence:
        'Add your token to test your account: then this app can compare your requests with anonymous ones',
      action: 'add-token',
    };
  }
  if (pair.has('regional') && !e.alternateConfigured) {
    return {
      sentence: 'Set an alternate path (a proxy or VPN) to test whether this is regional',
      action: 'set-alternate-path',
    };
  }
  if (pair.has('extensions')) {
    return {
      sentence:
        'Open the site in a clean session (a private window with extensions off): if the error goes away, an extension is the cause',
      action: 'clean-session',
    };
  }
  if (first === 'healthy') return null;
  const serverSide: DiagnosisOutcome[] = ['overload', 'bad-update', 'maintenance', 'regional', 'permissions'];
  const pageUseful = e.statusPage.configured && e.statusPage.unavailableReason !== 'inactive';
  if (pageUseful && serverSide.some((o) => pair.has(o))) {
    return {
      sentence: `Open the status page to see whether the service reports ${outcomeLabel(first)} or ${outcomeLabel(second)}`,
      action: 'open-status-page',
    };
  }
  return null;
}

/** What to do about a settled outcome. */
function stepFor(e: Evidence, outcome: DiagnosisOutcome): NextStep {
  switch (outcome) {
    case 'maintenance': {
      const until = formatAt(e.statusPage.maintenanceUntil, e.observedTo);
      return {
        sentence: `Wait for the maintenance to end${until ? ` (planned for ${until})` : ''}; the tray app (or "why500 watch") keeps watching and tells you when it is back`,
        action: 'wait',
      };
    }
    case 'overload':
      return {
        sentence:
          'Wait 5 to 10 minutes before trying again — reloading over and over adds to the crowd; the tray app (or "why500 watch") tells you when it recovers',
        action: 'wait',
      };
    case 'bad-update':
      return {
        sentence:
          'Wait for the service to fix or roll back the release; the tray app (or "why500 watch") tells you when it works again, and the report shows when it broke',
        action: 'wait',
      };
    case 'account':
      return {
        sentence:
          'Log out and back in; if it still fails, check that your token is current, then contact support',
        action: 'none',
      };
    case 'regional':
      return {
        sentence: 'Use another network or a VPN in another region until the fault is fixed',
        action: 'none',
      };
    case 'extensions':
      return {
        sentence:
          'Open the site in a clean session (a private window with extensions off), then turn extensions back on one at a time',
        action: 'clean-session',
      };
    case 'permissions':
      return {
        sentence: 'Only the service can fix this: send the report from this app to its support',
        action: 'none',
      };
    case 'local-network': {
      const local = localConclusion(e);
      if (local) return { sentence: local.step, action: 'check-connection' };
      return {
        sentence:
          'Check your connection: open another site, restart the router or switch to mobile data, then try again',
        action: 'check-connection',
      };
    }
    case 'healthy':
      return {
        sentence: 'Nothing to do now: the service works from here; diagnose again if you see an error',
        action: 'none',
      };
  }
}

/**
 * The next step. `first`/`second` are the two leading outcomes with their probabilities; `thin`
 * says the evidence was too thin to judge.
 */
export function nextStep(
  e: Evidence,
  first: DiagnosisOutcome,
  second: DiagnosisOutcome,
  thin: boolean,
  probabilities: { first: number; second: number } = { first: 0.5, second: 0.5 },
): NextStep {
  if (thin) {
    return {
      sentence: 'Watch for a few more minutes: too little was seen to judge yet',
      action: 'diagnose-again',
    };
  }
  if (first === 'maintenance' && maintenanceConfirmed(e)) return stepFor(e, 'maintenance');
  const settled = probabilities.first >= SETTLED || probabilities.second < NEGLIGIBLE;
  if (!settled) {
    const test = separatingTest(e, first, second);
    if (test) return test;
    if (first !== 'healthy') {
      return {
        sentence: `Watch a few more minutes to tell ${outcomeLabel(first)} from ${outcomeLabel(second)}`,
        action: 'diagnose-again',
      };
    }
  }
  return stepFor(e, first);
}
