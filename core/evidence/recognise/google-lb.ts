// Google Cloud's HTTP(S) load balancer (Google Front End): "Error: Server Error … The server encountered a
// temporary error and could not complete your request. Please try again in 30 seconds."

import { hasAll, lowerHead } from './filter-read';
import { found, type Recogniser } from './types';

/** Google Cloud load balancer. */
export const googleLb = {
  id: 'google-lb',
  name: 'Google Cloud Load Balancing',
  recognise(r) {
    if (r.status !== 502 && r.status !== 503 && r.status !== 504) return null;
    const head = lowerHead(r);
    if (!hasAll(head, '<h1>error: server error</h1>', 'temporary error and could not complete your request'))
      return null;
    return found(this, 'load-balancer', r.status === 504 ? 'origin-timeout' : 'origin-unreachable');
  },
} satisfies Recogniser;
