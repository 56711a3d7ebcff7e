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
  name: 'NGINX',
  recognise(r) {
    const page = /<hr>\s*<center>\s*(?:nginx|openresty)\b[^<]*<\/center>/i.test(r.body.slice(0, 4096));
    if (!page) return null;
    const meaning = byStatus(r.status);
    return meaning ? found(this, 'proxy', meaning) : null;
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
      return found(this, 'proxy', 'origin-unreachable');
    const meaning = byStatus(r.status);
    return meaning ? found(this, 'proxy', meaning) : null;
  },
} satisfies Recogniser;

/** Envoy. */
export const envoy = {
  id: 'envoy',
  name: 'Envoy',
  recognise(r) {
    const body = r.body.slice(0, 1024);
    const own =
      /^(?:upstream connect error or disconnect\/reset before headers|upstream request timeout|no healthy upstream)/.test(
        body,
      );
    if ((!own && header(r, 'server') !== 'envoy') || r.status < 400) return null;
    // Google Cloud's load balancers run Envoy and say so in `via: 1.1 google`.
    const layer = /\bgoogle\b/.test(header(r, 'via')) ? 'load-balancer' : 'proxy';
    if (/^upstream connect error or disconnect\/reset before headers/.test(body)) {
      const tls = /reset reason: [^\n]*(?:tls|certificate|ssl)/i.test(body);
      return found(this, layer, tls ? 'origin-tls' : 'origin-unreachable');
    }
    if (/^upstream request timeout/.test(body)) return found(this, layer, 'origin-timeout');
    if (/^no healthy upstream/.test(body)) return found(this, layer, 'origin-unreachable');
    if (/^local_rate_limited/.test(body) || r.status === 429) return found(this, layer, 'rate-limited');
    if (/^RBAC: access denied/.test(body)) return found(this, layer, 'access-denied');
    return null;
  },
} satisfies Recogniser;
