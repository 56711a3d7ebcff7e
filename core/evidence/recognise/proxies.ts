// Reverse proxies' own error pages: nginx (`<hr><center>nginx</center>`), Apache httpd (`<address>Apache…
// Server at …</address>`) and Envoy ("upstream connect error or disconnect/reset before headers").

import { header } from './read';
import { found, type Meaning, type Recogniser } from './types';

/** What a proxy's own status code means. */
function byStatus(status: number): Meaning | null {
  if (status === 502) return 'origin-unreachable';
  if (status === 503) return 'origin-unreachable';
  if (status === 504) return 'origin-timeout';
  if (status === 500) return 'origin-error';
  if (status === 429) return 'rate-limited';
  if (status === 403) return 'access-denied';
  if (status === 404) return 'not-found';
  return null;
}

/** nginx. */
export const nginx = {
  id: 'nginx',
  name: 'nginx',
  recognise(r) {
    const page = /<hr>\s*<center>\s*(?:nginx|openresty)\b[^<]*<\/center>/i.test(r.body.slice(0, 4096));
    if (!page) return null;
    const meaning = byStatus(r.status);
    return meaning ? found(this, 'proxy', meaning, String(r.status)) : null;
  },
} satisfies Recogniser;

/** Apache httpd. */
export const apache = {
  id: 'apache',
  name: 'Apache',
  recognise(r) {
    const head = r.body.slice(0, 4096);
    if (
      !/<address>\s*Apache\b[^<]*Server at /i.test(head) &&
      !(/^apache\b/.test(header(r, 'server')) && /<h1>[^<]+<\/h1>/.test(head))
    )
      return null;
    if (r.status === 503 && /maintenance downtime/i.test(head) && !/proxy/i.test(head))
      return found(this, 'proxy', 'origin-unreachable', '503');
    const meaning = byStatus(r.status);
    return meaning ? found(this, 'proxy', meaning, String(r.status)) : null;
  },
} satisfies Recogniser;

/** Envoy. */
export const envoy = {
  id: 'envoy',
  name: 'Envoy',
  recognise(r) {
    const body = r.body.slice(0, 1024);
    const marked =
      header(r, 'server') === 'envoy' ||
      /^upstream connect error or disconnect\/reset before headers/.test(body);
    if (!marked || r.status < 400) return null;
    if (/^upstream connect error or disconnect\/reset before headers/.test(body)) {
      const why = /reset reason: ([a-z ]+)/i.exec(body)?.[1]?.trim();
      const tls = why ? /tls|certificate|ssl/i.test(body) : false;
      return found(this, 'proxy', tls ? 'origin-tls' : 'origin-unreachable', why);
    }
    if (/^upstream request timeout/.test(body)) return found(this, 'proxy', 'origin-timeout', '504');
    if (/^no healthy upstream/.test(body)) return found(this, 'proxy', 'origin-unreachable', '503');
    if (/^local_rate_limited/.test(body) || r.status === 429)
      return found(this, 'proxy', 'rate-limited', '429');
    if (/^RBAC: access denied/.test(body)) return found(this, 'proxy', 'access-denied', '403');
    return null;
  },
} satisfies Recogniser;
