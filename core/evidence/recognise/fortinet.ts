// Fortinet's FortiGate web filter (FortiGuard): its "Web Page Blocked" replacement page, old and new
// layouts ("…in violation of your Internet usage policy"). Served by the user's own network.

import { hasAll, lowerHead } from './filter-read';
import { found, type Recogniser } from './types';

/** FortiGuard web filter. */
export const fortiguard = {
  id: 'fortiguard',
  name: 'FortiGuard web filter',
  recognise(r) {
    const head = lowerHead(r);
    if (!head.includes('fortiguard') && !head.includes('fortinet')) return null;
    return hasAll(head, 'web page blocked', 'internet usage policy')
      ? found(this, 'filter', 'network-filter')
      : null;
  },
} satisfies Recogniser;
