// The last resort when no vendor's marks are found: what the status code and the page's own words
// say (a queue page, a maintenance page, an access-denied or CSRF page, a bare 429). Names no vendor.

import { title } from './read';
import { found, type Recogniser } from './types';

const WAITING_ROOM = /waiting room|you are (?:now )?in (?:the )?(?:line|queue)/i;
const MAINTENANCE =
  /\b(?:down for (?:scheduled )?maintenance|scheduled maintenance|under maintenance|maintenance (?:mode|window|in progress)|undergoing maintenance|planned maintenance|scheduled downtime|offline for maintenance)\b/i;
const ACCESS_DENIED =
  /<Code>\s*AccessDenied\s*<\/Code>|\bAccessDenied\b|permission denied|access denied|PERMISSION_DENIED|\bforbidden\b/i;
const CSRF = /CSRF verification failed|CSRF token (?:missing|incorrect|invalid)/i;

/** Any server: read from status and wording alone (recognitions carry the vendor id `generic`). */
export const generic = {
  id: 'generic',
  name: 'The server',
  recognise(r) {
    const head = r.body.slice(0, 16_384);
    if (WAITING_ROOM.test(title(head)) || (r.status !== 404 && WAITING_ROOM.test(head)))
      return found(this, 'queue', 'queue');
    if (r.status >= 500 && MAINTENANCE.test(head)) return found(this, 'app', 'maintenance');
    if (r.status === 403 && CSRF.test(head)) return found(this, 'app', 'csrf');
    if ((r.status === 401 || r.status === 403) && ACCESS_DENIED.test(head))
      return found(this, 'app', 'access-denied');
    if (r.status === 429) return found(this, 'app', 'rate-limited');
    if (r.status === 451) return found(this, 'app', 'geo-block');
    return null;
  },
} satisfies Recogniser;
