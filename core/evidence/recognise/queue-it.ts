// Queue-it: the virtual waiting room, seen as a redirect to or a page from `*.queue-it.net`
// (or its `x-queueit-*` headers).

import { hasHeaderPrefix, header } from './read';
import { found, type Recogniser } from './types';

/** Queue-it. */
export const queueIt = {
  id: 'queue-it',
  name: 'Queue-it',
  recognise(r) {
    const marked =
      /\.queue-it\.net\b/i.test(header(r, 'location')) ||
      hasHeaderPrefix(r, 'x-queueit') ||
      /\/\/[a-z0-9-]+\.queue-it\.net\/|static\.queue-it\.net|queueit_/i.test(r.body.slice(0, 32_768));
    return marked ? found(this, 'queue', 'queue') : null;
  },
} satisfies Recogniser;
