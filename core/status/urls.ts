// Resolving provider endpoints under a status page's base URL.

/** The endpoint `path` resolved under `base` (keeping any path prefix the base has, dropping query/hash). */
export function endpointUrl(base: URL, path: string): string {
  const root = new URL(base.href);
  root.search = '';
  root.hash = '';
  if (!root.pathname.endsWith('/')) root.pathname += '/';
  return new URL(path.replace(/^\/+/, ''), root).href;
}

/** The host of a URL, lower-cased, without a trailing dot. */
export function hostOf(url: URL): string {
  return url.hostname.toLowerCase().replace(/\.$/, '');
}
