// The Squid proxy's own access-denied page (`ERR_ACCESS_DENIED`): the user's network proxy refused the
// request by its access rules.

import { lowerHead } from './filter-read';
import { found, type Recogniser } from './types';

/** Squid. */
export const squid = {
  id: 'squid',
  name: 'Squid proxy',
  recognise(r) {
    const head = lowerHead(r);
    if (!head.includes('err_access_denied') || !head.includes('squid')) return null;
    return found(this, 'filter', 'network-filter', 'ERR_ACCESS_DENIED');
  },
} satisfies Recogniser;
