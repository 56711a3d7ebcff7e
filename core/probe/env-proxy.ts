// Which proxy the environment asks for, the way curl reads it: https_proxy/HTTPS_PROXY for https
// URLs, http_proxy/HTTP_PROXY for http URLs, all_proxy/ALL_PROXY as fallback, NO_PROXY exceptions.
// (curl itself ignores upper-case HTTP_PROXY for CGI reasons; we accept it, as undici does, because
// users behind a corporate proxy set it and must not be told their network is down.)

/** Environment variables as `process.env` holds them. */
export type ProxyEnv = Record<string, string | undefined>;

/** The first non-empty value among the names, lower case before upper case. */
function read(env: ProxyEnv, name: string): string | undefined {
  for (const key of [name.toLowerCase(), name.toUpperCase()]) {
    const value = env[key]?.trim();
    if (value) return value;
  }
  return undefined;
}

/** `proxy:3128` means `http://proxy:3128`, as in curl. */
function withScheme(proxy: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(proxy) ? proxy : `http://${proxy}`;
}

function defaultPort(protocol: string): number {
  return protocol === 'https:' ? 443 : 80;
}

/** Host name without IPv6 brackets or a trailing dot, lower case. */
function bareHost(host: string): string {
  return host
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '')
    .toLowerCase();
}

/** Splits a NO_PROXY entry into host and optional port (`host:port`, `[v6]:port`, bare v6). */
function parseEntry(entry: string): { host: string; port: number | null } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed) return { host: bracketed[1] ?? '', port: bracketed[2] ? Number(bracketed[2]) : null };
  const colons = entry.split(':').length - 1;
  if (colons === 1) {
    const [host = '', port = ''] = entry.split(':');
    if (/^\d+$/.test(port)) return { host, port: Number(port) };
  }
  return { host: entry, port: null };
}

/**
 * True when `NO_PROXY` exempts this host and port: a comma (or space) separated list where `*`
 * matches everything, `example.com` and `.example.com` match that domain and its subdomains,
 * `host:port` matches only that port; case-insensitive.
 */
export function isNoProxy(hostname: string, port: number, noProxy: string | undefined): boolean {
  if (!noProxy) return false;
  const host = bareHost(hostname);
  for (const raw of noProxy.split(/[\s,]+/)) {
    const entry = raw.trim();
    if (!entry) continue;
    if (entry === '*') return true;
    const parsed = parseEntry(entry);
    if (parsed.port !== null && parsed.port !== port) continue;
    const want = bareHost(parsed.host).replace(/^\*?\.+/, '');
    if (!want) continue;
    if (host === want || host.endsWith(`.${want}`)) return true;
  }
  return false;
}

/**
 * The proxy URL the environment selects for `url`, or null for a direct connection.
 * Pure: reads only `env`. An unparsable `url` gets no proxy.
 */
export function proxyFor(url: string | URL, env: ProxyEnv): string | null {
  let target: URL;
  try {
    target = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return null;
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:') return null;
  const proxy = target.protocol === 'https:' ? read(env, 'https_proxy') : read(env, 'http_proxy');
  const chosen = proxy ?? read(env, 'all_proxy');
  if (!chosen) return null;
  const port = target.port ? Number(target.port) : defaultPort(target.protocol);
  if (isNoProxy(target.hostname, port, read(env, 'no_proxy'))) return null;
  return withScheme(chosen);
}

/** The environment's proxy settings per scheme, for agents that pick the proxy per request themselves. */
export interface EnvProxySettings {
  /** Proxy URL for http: URLs, or '' for none. */
  httpProxy: string;
  /** Proxy URL for https: URLs, or '' for none. */
  httpsProxy: string;
  /** The NO_PROXY list, or ''. */
  noProxy: string;
}

/**
 * The proxies the environment selects, read by the same rules as {@link proxyFor}: lower case before
 * upper case, ALL_PROXY as the fallback, and `host:port` meaning `http://host:port`.
 */
export function envProxySettings(env: ProxyEnv): EnvProxySettings {
  const all = read(env, 'all_proxy');
  const http = read(env, 'http_proxy') ?? all;
  const https = read(env, 'https_proxy') ?? all;
  return {
    httpProxy: http ? withScheme(http) : '',
    httpsProxy: https ? withScheme(https) : '',
    noProxy: read(env, 'no_proxy') ?? '',
  };
}
