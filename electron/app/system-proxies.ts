// The system proxy per address. The session answers which proxy applies to a URL (a PAC script may
// send each host elsewhere), so it is asked for every origin the app probes, and asked again after
// a wake, on every network change (office → home) and every few minutes (a VPN switched on while
// online, which no event reports). Each origin's probe
// environment is one live object updated in place, so the core, which holds on to it, always reads
// the current answer.

import type { ResolvedConfig } from '../../shared/types/config';
import type { NetPort } from '../platform/ports';
import type { Timers } from './run-control';
import { proxyEnv, systemProxyFor, type ProxySetting } from './proxy';

/** A probe environment (HTTPS_PROXY/HTTP_PROXY/NO_PROXY and the rest of the process's). */
export type ProbeEnv = Record<string, string | undefined>;

const PROXY_KEYS = ['HTTPS_PROXY', 'HTTP_PROXY'] as const;

/** How often the proxies are asked again with no event (asking is local and cheap). */
export const PROXY_RECHECK_MS = 5 * 60_000;

function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

/** The system proxy of every origin the app probes, kept current. */
export class SystemProxies {
  private readonly settings = new Map<string, ProxySetting>();
  private readonly envs = new Map<string, ProbeEnv>();
  /** The environment of URLs that are not http(s) or not asked about yet: the first target's. */
  private fallback: ProxySetting = { url: null, note: null };
  private timer: unknown = null;
  private timers: Timers | null = null;

  constructor(
    private readonly net: NetPort,
    /** The process environment the proxy variables go on top of. */
    private readonly base: ProbeEnv,
    private readonly log: (line: string) => void,
  ) {}

  /**
   * Asks the session for the proxy of each URL's origin and updates every environment handed out.
   * The first URL's answer also serves URLs not asked about, unless `fallback` is false (a one-off
   * address, e.g. the settings form's test). Never rejects.
   */
  async refresh(urls: readonly string[], fallback = true): Promise<void> {
    const origins = [...new Set(urls.map(originOf).filter((o): o is string => o !== null))];
    const answers = await Promise.all(origins.map((o) => systemProxyFor(this.net, `${o}/`)));
    origins.forEach((origin, i) => {
      const setting = answers[i]!;
      const before = this.settings.get(origin);
      if (setting.note && setting.note !== before?.note) this.log(`${origin}: ${setting.note}`);
      if (before && before.url !== setting.url)
        this.log(`the system proxy for ${origin} is now ${setting.url ?? 'none (direct)'}`);
      this.settings.set(origin, setting);
      const env = this.envs.get(origin);
      if (env) this.fill(env, setting);
    });
    const first = origins[0] ? this.settings.get(origins[0]) : undefined;
    if (first && fallback) this.fallback = first;
    for (const [origin, env] of this.envs) if (!this.settings.has(origin)) this.fill(env, this.fallback);
  }

  /** Asks again every PROXY_RECHECK_MS for the addresses `urls()` gives, until {@link stop}. */
  watch(timers: Timers, urls: () => readonly string[]): void {
    this.stop();
    this.timers = timers;
    const tick = (): void => {
      this.timer = timers.setTimeout(() => {
        void this.refresh(urls()).finally(() => {
          if (this.timers === timers) tick();
        });
      }, PROXY_RECHECK_MS);
    };
    tick();
  }

  /** Stops asking periodically. */
  stop(): void {
    if (this.timers && this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timers = null;
    this.timer = null;
  }

  /** The proxy the session named for the URL's origin (the fallback when not asked yet). */
  settingFor(url: string): ProxySetting {
    const origin = originOf(url);
    return (origin ? this.settings.get(origin) : undefined) ?? this.fallback;
  }

  /** The live probe environment of the URL's origin: the same object each time, updated in place. */
  envFor(url: string): ProbeEnv {
    const origin = originOf(url) ?? '';
    let env = this.envs.get(origin);
    if (!env) {
      env = {};
      this.envs.set(origin, env);
      this.fill(env, this.settingFor(url));
    }
    return env;
  }

  private fill(env: ProbeEnv, setting: ProxySetting): void {
    for (const key of Object.keys(env)) delete env[key];
    Object.assign(env, this.base);
    // The system proxy goes on top of the process's own variables; none leaves those as they are.
    const system = proxyEnv(setting);
    for (const key of PROXY_KEYS) if (system[key]) env[key] = system[key];
  }
}

/** Every address the monitor probes (sites, endpoints, status pages, controls), the first target's site first. */
export function probedUrls(config: ResolvedConfig): string[] {
  const urls = config.targets.flatMap((t) => [
    t.site,
    ...t.endpoints.map((e) => e.url),
    ...(t.statusPage ? [t.statusPage] : []),
  ]);
  return [...urls, ...config.controls];
}
