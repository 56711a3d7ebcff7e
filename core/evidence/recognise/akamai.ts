// Akamai: its edge pages carry `Reference #<n>.<hex>.<n>.<hex>` (and often `server: AkamaiGHost`).
// 403 "Access Denied" is its firewall (Kona / App & API Protector); 5xx pages are the origin behind it.

import { header, title } from './read';
import { found, type Recogniser } from './types';

const REFERENCE = /Reference&#32;&#35;|Reference #\s*\d+\.[0-9a-f]+\.\d+\.[0-9a-f]+/i;

/** Akamai. */
export const akamai = {
  id: 'akamai',
  name: 'Akamai',
  recognise(r) {
    const head = r.body.slice(0, 8192);
    if (
      !REFERENCE.test(head) &&
      !(header(r, 'server') === 'akamaighost' && r.status >= 400 && /<html/i.test(head))
    )
      return null;
    if (r.status === 403 || /access denied/i.test(title(head))) return found(this, 'cdn', 'firewall-block');
    if (r.status === 429) return found(this, 'cdn', 'rate-limited');
    if (r.status === 504) return found(this, 'cdn', 'origin-timeout');
    if (r.status === 502 || r.status === 503) return found(this, 'cdn', 'origin-unreachable');
    if (r.status >= 500) return found(this, 'cdn', 'origin-error');
    if (r.status === 404) return found(this, 'cdn', 'not-found');
    return null;
  },
} satisfies Recogniser;
