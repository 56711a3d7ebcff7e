// Finding which provider serves a status page: host hints first, then each provider's endpoints in a
// fixed order, then pages that embed their data. What was found is remembered per base URL.

import type { StatusProviderId, StatusSnapshot, StatusUnavailableReason } from '../../shared/types/status';
import { TERMINAL_REASONS, type EndpointFailure, type ReadPass } from './pass';
import type { StatusProvider } from './provider';
import { STATUS_PROVIDERS } from './providers';
import { hostOf } from './urls';

/** Remembers the detected provider per status-page base URL. */
export class ProviderMemory {
  private readonly byBase = new Map<string, StatusProviderId>();

  /** The provider detected earlier for this base URL, if any. */
  get(base: string): StatusProviderId | undefined {
    return this.byBase.get(memoryKey(base));
  }

  /** Records a detection. */
  set(base: string, provider: StatusProviderId): void {
    this.byBase.set(memoryKey(base), provider);
  }

  /** Forgets a detection (the page moved or changed shape). */
  forget(base: string): void {
    this.byBase.delete(memoryKey(base));
  }
}

/** One key per page however its URL is spelled (case of host, trailing slash). */
function memoryKey(base: string): string {
  try {
    let href = new URL(base).href;
    while (href.endsWith('/')) href = href.slice(0, -1);
    return href;
  } catch {
    return base;
  }
}

/** The process-wide memory of detections used when a reader is given none. */
export const rememberedProviders = new ProviderMemory();

/** Providers in the order to try for this base URL: those whose host hint matches first. */
export function providerCandidates(
  base: URL,
  providers: readonly StatusProvider[] = STATUS_PROVIDERS,
): StatusProvider[] {
  const host = hostOf(base);
  const claimed = providers.filter((p) => p.claimsHost(host));
  return [...claimed, ...providers.filter((p) => !claimed.includes(p))];
}

/** The result of detecting (and, in the same requests, reading) a page. */
export type DetectOutcome =
  | { ok: true; provider: StatusProvider; snapshot: StatusSnapshot }
  | { ok: false; reason: StatusUnavailableReason; detail: string };

/** More telling reasons first when several endpoints failed differently. */
const REASON_ORDER: StatusUnavailableReason[] = [
  'inactive',
  'bot-check',
  'too-large',
  'timeout',
  'network',
  'malformed',
  'http-error',
  'not-json',
  'unknown-provider',
];

/**
 * The one reason and detail for a read where nothing worked. While detecting, endpoints that are absent
 * or in another shape only say "not this provider", so when that is all there is the page is of an
 * unknown kind.
 */
export function summariseFailures(
  failures: EndpointFailure[],
  base: URL,
  detecting: boolean,
): {
  reason: StatusUnavailableReason;
  detail: string;
} {
  const telling = detecting ? failures.filter((f) => !f.absent) : failures;
  const ranked = [...telling].sort((a, b) => REASON_ORDER.indexOf(a.reason) - REASON_ORDER.indexOf(b.reason));
  const top = ranked[0];
  if (top) return { reason: top.reason, detail: top.detail };
  return {
    reason: 'unknown-provider',
    detail: `no Statuspage, incident.io, Instatus or Better Stack data found at ${base.href} (${failures.length} endpoints tried)`,
  };
}

/**
 * Detects the provider of the page at `base` by reading it: host-hinted providers first, then the fixed
 * order (Atlassian, incident.io, Instatus, Better Stack), then pages embedding their data. Stops at the
 * first failure that says the host is unreachable or refusing (inactive, timeout, network, too-large).
 */
export async function detectProvider(
  pass: ReadPass,
  base: URL,
  providers: readonly StatusProvider[] = STATUS_PROVIDERS,
): Promise<DetectOutcome> {
  const failures: EndpointFailure[] = [];
  const candidates = providerCandidates(base, providers);
  for (const provider of candidates) {
    const read = await pass.readProvider(provider, base, false);
    if (read.ok) return { ok: true, provider, snapshot: read.snapshot };
    failures.push(...read.failures);
    if (read.failures.some((f) => TERMINAL_REASONS.has(f.reason)))
      return { ok: false, ...summariseFailures(failures, base, true) };
  }
  for (const provider of candidates.filter((p) => p.parseHtml)) {
    const fromPage = await pass.readPage(provider, base);
    if (!('reason' in fromPage)) return { ok: true, provider, snapshot: fromPage };
    failures.push(fromPage);
    if (TERMINAL_REASONS.has(fromPage.reason)) break;
  }
  return { ok: false, ...summariseFailures(failures, base, true) };
}
