// Tengine (Alibaba's nginx fork): its error pages end with "Powered by Tengine".

import { lowerHead } from './filter-read';
import { found, type Meaning, type Recogniser } from './types';

/** What Tengine's own status code means. */
function meaningOf(status: number): Meaning | null {
  if (status === 504) return 'origin-timeout';
  if (status === 502 || status === 503) return 'origin-unreachable';
  if (status === 500) return 'origin-error';
  if (status === 429) return 'rate-limited';
  return null;
}

/** Tengine. */
export const tengine = {
  id: 'tengine',
  name: 'Tengine',
  recognise(r) {
    if (!lowerHead(r).includes('powered by tengine')) return null;
    const meaning = meaningOf(r.status);
    return meaning ? found(this, 'proxy', meaning) : null;
  },
} satisfies Recogniser;
