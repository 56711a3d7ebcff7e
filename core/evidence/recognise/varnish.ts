// Varnish's synthetic error page ("Guru Meditation" with an XID) and Fastly, which runs Varnish and
// adds `x-served-by: cache-…` (plus its own "Fastly error: unknown domain" page).

import { header } from './read';
import { found, type Meaning, type Recogniser, type ResponseView } from './types';

const GURU = /Guru Meditation/i;

/** What a Varnish/Fastly 5xx page's reason means. */
function meaningOf(r: ResponseView): Meaning {
  const body = r.body.slice(0, 8192);
  if (/first byte timeout|between bytes timeout|timed? ?out/i.test(body) || r.status === 504)
    return 'origin-timeout';
  if (/ssl|tls|certificate/i.test(body)) return 'origin-tls';
  if (
    /backend fetch failed|backend is unhealthy|no healthy|connection refused|no backend/i.test(body) ||
    r.status === 503
  )
    return 'origin-unreachable';
  return 'origin-error';
}

function isFastly(r: ResponseView): boolean {
  return (
    /Details: cache-[a-z0-9-]+ \d+ \d+/i.test(r.body.slice(0, 8192)) ||
    /\bcache-[a-z0-9-]+/.test(header(r, 'x-served-by')) ||
    'fastly-debug-digest' in r.headers ||
    header(r, 'server') === 'fastly'
  );
}

/** Fastly. */
export const fastly = {
  id: 'fastly',
  name: 'Fastly',
  recognise(r) {
    const body = r.body.slice(0, 8192);
    if (/Fastly error: unknown domain/i.test(body)) return found(this, 'cdn', 'not-found');
    if (!isFastly(r) || r.status < 400) return null;
    if (!GURU.test(body) && !/Guru Mediation|Varnish cache server|fastly/i.test(body)) return null;
    const code = /<h3>Error (\d+)<\/h3>/.exec(body)?.[1];
    if (r.status < 500)
      return r.status === 403 || r.status === 405 ? found(this, 'cdn', 'access-denied', code) : null;
    return found(this, 'cdn', meaningOf(r), code);
  },
} satisfies Recogniser;

/** Varnish. */
export const varnish = {
  id: 'varnish',
  name: 'Varnish',
  recognise(r) {
    const body = r.body.slice(0, 8192);
    if (r.status < 500 || !GURU.test(body) || !/XID:?\s*\d+/i.test(body)) return null;
    return found(this, 'proxy', meaningOf(r));
  },
} satisfies Recogniser;
