// Azure Front Door's own page when it cannot get an answer from the origin in time: "Our services aren't
// available right now" (503 on Standard/Premium, 504 on the classic tier), followed by a reference.

import { lowerHead } from './filter-read';
import { header } from './read';
import { found, type Recogniser } from './types';

/** Azure Front Door. */
export const azureFrontDoor = {
  id: 'azure-front-door',
  name: 'Azure Front Door',
  recognise(r) {
    if (r.status !== 502 && r.status !== 503 && r.status !== 504) return null;
    const head = lowerHead(r);
    const own =
      (head.includes('our services aren') && head.includes('available right now')) ||
      (header(r, 'x-azure-ref') !== '' && head.includes('working to restore all services'));
    if (!own) return null;
    return found(this, 'cdn', r.status === 504 ? 'origin-timeout' : 'origin-unreachable');
  },
} satisfies Recogniser;
