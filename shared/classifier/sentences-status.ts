// The sentences for the status page and maintenance: an incident, all working, maintenance running
// or planned, trouble in one region, the page's own maintenance words, no sign of maintenance.

import { formatAt } from '../vocabulary/time';
import { joinWords } from './join-words';
import { namedOr } from './recognition-words';
import type { SentenceTable } from './sentence-words';

/** The status page's overall level, as words. */
const LEVEL_WORDS: Record<string, string> = {
  degraded: 'degraded performance',
  'partial-outage': 'a partial outage',
  'major-outage': 'a major outage',
  maintenance: 'maintenance',
  operational: 'all systems working',
};

/** The sentences of the status-page and maintenance features (features-status.ts). */
export const STATUS_SENTENCES = {
  'status-incident': (_f, e) => {
    const sp = e.statusPage;
    const what =
      sp.openIncidents > 0 && sp.incidentName
        ? `an open incident: “${sp.incidentName}”`
        : sp.openIncidents > 0
          ? `${sp.openIncidents} open incident${sp.openIncidents > 1 ? 's' : ''}`
          : (LEVEL_WORDS[sp.level ?? ''] ?? 'a problem');
    return `The status page reports ${what}${sp.stale ? ' (last reading, may be out of date)' : ''}`;
  },
  'status-operational': (_f, e) => {
    const sp = e.statusPage;
    return `The status page says all systems are working${sp.stale ? ' (last reading, may be out of date)' : ''}`;
  },
  'status-maintenance': (_f, e) => {
    const sp = e.statusPage;
    const until = formatAt(sp.maintenanceUntil, e.observedTo);
    const name = sp.maintenanceName ? `: “${sp.maintenanceName}”` : '';
    return `The status page reports maintenance in progress${name}${until ? `, planned to end at ${until}` : ''}`;
  },
  'status-maintenance-upcoming': (_f, e) => {
    const sp = e.statusPage;
    const at = formatAt(sp.upcomingAt, e.observedTo);
    return `The status page only lists maintenance planned for later${at ? ` (from ${at})` : ''}; none is running now`;
  },
  'region-components-down': (_f, e) => {
    const sp = e.statusPage;
    return `The status page shows trouble in one region only: ${joinWords(sp.regionalComponentsDown.slice(0, 4))}`;
  },
  'maintenance-wording': (f) =>
    namedOr(f, ['maintenance'], 'The error page itself says the service is down for maintenance'),
  'no-maintenance-signal': () =>
    'No sign of maintenance: no maintenance page, no status-page item and no Retry-After',
} satisfies SentenceTable;
