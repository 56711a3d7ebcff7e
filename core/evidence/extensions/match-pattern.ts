// Browser match patterns ("<all_urls>", "*://*.example.com/*", "https://*/*") and whether one reaches
// a site, following Chrome's rules. The path part is ignored: reaching any page of the host is
// enough to interfere with the site.

const SCHEMES_ALL_URLS = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:', 'file:']);
const PATTERN = /^(\*|https?|wss?|ftp|file|urn):\/\/([^/]*)(\/.*)?$/i;

/** True when the match pattern (or `<all_urls>`) covers the given URL's scheme and host. */
export function patternReaches(pattern: string, url: URL): boolean {
  const p = pattern.trim();
  if (p === '<all_urls>') return SCHEMES_ALL_URLS.has(url.protocol);
  const m = PATTERN.exec(p);
  if (!m) return false;
  const scheme = (m[1] ?? '').toLowerCase();
  const protocol = url.protocol.slice(0, -1);
  if (scheme === '*') {
    if (!['http', 'https', 'ws', 'wss'].includes(protocol)) return false;
  } else if (scheme !== protocol) {
    return false;
  }
  if (scheme === 'file') return protocol === 'file';
  const hostPart = (m[2] ?? '').toLowerCase().replace(/:(\d+|\*)$/, '');
  const host = url.hostname.toLowerCase();
  if (hostPart === '*') return true;
  if (hostPart.startsWith('*.')) {
    const base = hostPart.slice(2);
    return host === base || host.endsWith(`.${base}`);
  }
  return hostPart === host;
}

/** The first pattern of the list that reaches the URL, or null. */
export function firstReaching(patterns: unknown[], url: URL): string | null {
  for (const p of patterns) {
    if (typeof p === 'string' && patternReaches(p, url)) return p;
  }
  return null;
}
