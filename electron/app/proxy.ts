// The system proxy: Electron's session answers which proxy applies to a URL as a PAC rule
// ("PROXY host:8080; DIRECT"); the probes get the same as a proxy URL.

import type { NetPort } from '../platform/ports';

/** The proxy the probes should use, as the core takes it. */
export interface ProxySetting {
  /** e.g. "http://proxy.corp:8080"; null for a direct connection. */
  url: string | null;
  /** A note when the system proxy could not be followed (e.g. SOCKS), for the log. */
  note: string | null;
}

/** Turns a PAC result into a proxy URL (the first usable entry wins). */
export function proxyFromPacResult(pac: string): ProxySetting {
  const entries = pac
    .split(';')
    .map((e) => e.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [kind = '', hostPort = ''] = entry.split(/\s+/, 2);
    const type = kind.toUpperCase();
    if (type === 'DIRECT') return { url: null, note: null };
    if (!/^[\w.-]+:\d{1,5}$|^\[[0-9a-f:]+\]:\d{1,5}$/i.test(hostPort)) continue;
    if (type === 'PROXY' || type === 'HTTP') return { url: `http://${hostPort}`, note: null };
    if (type === 'HTTPS') return { url: `https://${hostPort}`, note: null };
    if (type.startsWith('SOCKS')) {
      return { url: null, note: `the system proxy is SOCKS (${hostPort}); probes connect directly` };
    }
  }
  return {
    url: null,
    note: entries.length ? `unrecognised proxy rule "${pac}"; probes connect directly` : null,
  };
}

/** Asks the session which proxy applies to `url`; a failure means direct, with a note. */
export async function systemProxyFor(net: NetPort, url: string): Promise<ProxySetting> {
  try {
    return proxyFromPacResult(await net.resolveProxy(url));
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { url: null, note: `could not ask for the system proxy (${why}); probes connect directly` };
  }
}

/** The same proxy as environment-style variables (HTTPS_PROXY/HTTP_PROXY), which the core honours. */
export function proxyEnv(setting: ProxySetting): Record<string, string> {
  return setting.url ? { HTTPS_PROXY: setting.url, HTTP_PROXY: setting.url } : {};
}
