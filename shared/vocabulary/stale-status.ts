// Sentences for status-page items the clock shows to be out of date, each with its date, so an old
// maintenance or a forgotten incident is shown for what it is and never read as happening now.

import type { StaleStatusItem } from '../types/evidence';
import { formatAt } from './time';

/** One sentence per stale item; `now` decides whether a time needs its date (it almost always does). */
export function staleStatusSentences(items: readonly StaleStatusItem[] | undefined, now: string): string[] {
  return (items ?? []).map((item) => {
    const at = formatAt(item.at, now) ?? 'an unknown time';
    const name = item.name ? `“${item.name}”` : '';
    switch (item.kind) {
      case 'maintenance-overrun':
        return `The status page still lists maintenance ${name} as in progress, but it was planned to end ${at}; it is out of date and not counted`;
      case 'scheduled-passed':
        return `The status page still lists maintenance ${name} as scheduled for ${at}, which has passed; it is out of date and not counted`;
      case 'incident-quiet':
        return `The status page still lists incident ${name} as open, with no update since ${at}; it is out of date and not counted`;
      case 'page-old':
        return `The status page says it was last updated ${at}; its overall level is out of date and not counted`;
    }
  });
}
