// The built-in defaults: a new user watches Character.AI with no configuration at all.

import type { Config, ResolvedConfig, ResolvedTarget, TargetConfig } from '../types/config';
import { findService, sameSite, serviceAtSite, serviceTarget } from '../catalogue/catalogue';

/** Default polling interval, seconds (polite for a public service). */
export const DEFAULT_INTERVAL_SECONDS = 30;

/** Two unrelated, well-known providers used to tell "their server" from "my connection". */
export const DEFAULT_CONTROLS = [
  'https://www.google.com/generate_204',
  'https://www.cloudflare.com/cdn-cgi/trace',
];

/**
 * DNS-over-HTTPS resolvers for the local DNS check, reached by IP address so that a broken system
 * resolver cannot hide them (Cloudflare's and Google's public resolvers, RFC 8484).
 */
export const DEFAULT_DOH_RESOLVERS = ['https://1.1.1.1/dns-query', 'https://8.8.8.8/dns-query'];

/** The built-in Character.AI profile. */
export const CHARACTER_AI: TargetConfig = {
  name: 'Character.AI',
  site: 'https://character.ai/',
  endpoints: [
    { name: 'health', url: 'https://neo.character.ai/health' },
    { name: 'user', url: 'https://plus.character.ai/chat/user/', auth: true },
  ],
  statusPage: 'https://status.character.ai',
  auth: { scheme: 'Token', tokenEnv: 'WHY500_TOKEN' },
};

/**
 * Fills every default into a validated config. `services` become targets after `targets` (ids the
 * catalogue does not know were refused when the config was checked); with neither, Character.AI alone.
 */
export function resolveConfig(config: Config): ResolvedConfig {
  const chosen = [
    ...(config.targets ?? []),
    ...(config.services ?? []).flatMap((id) => {
      const entry = findService(id);
      return entry ? [serviceTarget(entry)] : [];
    }),
  ];
  const targets = chosen.length > 0 ? chosen : [CHARACTER_AI];
  return {
    intervalSeconds: config.intervalSeconds ?? DEFAULT_INTERVAL_SECONDS,
    controls: config.controls ?? DEFAULT_CONTROLS,
    alternatePath: config.alternatePath ?? null,
    browserProfiles: config.browserProfiles ?? ['auto'],
    dohResolvers: config.dohResolvers ?? DEFAULT_DOH_RESOLVERS,
    targets: targets.map(resolveTarget),
  };
}

/**
 * One target with its defaults filled in. A target at a catalogue service's site (added from Settings'
 * list, or written by hand) gets that entry's facts: its id, the CDN in front, and the fallback origin
 * of its status page when it uses the catalogue's page.
 */
export function resolveTarget(t: TargetConfig): ResolvedTarget {
  const entry = t.service ? findService(t.service) : serviceAtSite(t.site);
  const status = entry && entry.status.provider !== 'none' ? entry.status : null;
  const fallback =
    t.statusFallback ??
    (status?.fallback && sameSite(status.url, t.statusPage) ? status.fallback : undefined);
  const vendor = t.frontVendor ?? (entry && entry.cdn !== 'unknown' ? entry.cdn : undefined);
  return {
    name: t.name,
    site: t.site,
    endpoints: t.endpoints ?? [],
    statusPage: t.statusPage ?? null,
    auth: t.auth ?? null,
    ...(fallback ? { statusFallback: fallback } : {}),
    ...(entry ? { service: entry.id } : {}),
    ...(vendor ? { frontVendor: vendor } : {}),
  };
}
