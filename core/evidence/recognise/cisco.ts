// Cisco's web filters: Umbrella's "Site Blocked" page (block.opendns.com, "…because of a Cisco Umbrella
// policy setting") and the Web Security Appliance's (IronPort) "Notification: Policy: URL Filtering" page.

import { hasAll, lowerHead } from './filter-read';
import { title } from './read';
import { found, type Recogniser } from './types';

/** Cisco Umbrella. */
export const ciscoUmbrella = {
  id: 'cisco-umbrella',
  name: 'Cisco Umbrella',
  recognise(r) {
    const head = lowerHead(r);
    const own = head.includes('cisco umbrella') || head.includes('block.opendns.com');
    return own && title(r.body) === 'Site Blocked' ? found(this, 'filter', 'network-filter') : null;
  },
} satisfies Recogniser;

/** Cisco Web Security Appliance (IronPort AsyncOS). */
export const ciscoWsa = {
  id: 'cisco-wsa',
  name: 'Cisco Web Security Appliance',
  recognise(r) {
    if (!title(r.body).startsWith('Notification: Policy:')) return null;
    const head = lowerHead(r);
    return hasAll(head, "based on your organization's access policies", 'has been blocked')
      ? found(this, 'filter', 'network-filter')
      : null;
  },
} satisfies Recogniser;
