// The redirect policy of probes and the status reader: a redirect is never followed into the user's
// own network (loopback, link-local with the cloud metadata address, private, shared/CGNAT, or
// unspecified addresses), judged on the address a connection actually goes to, so a DNS name that
// points inside counts too. The one exception: the configured URL is itself in that range (the
// simulator and tests run on loopback), then redirects may stay within that same range.

import net from 'node:net';

/** A range of addresses inside the user's own network or machine. */
export type LocalRange = 'loopback' | 'link-local' | 'private' | 'shared' | 'unspecified';

/** Where the configured URL's address is: one of the local ranges, or `public`. */
export type ConfiguredRange = LocalRange | 'public';

/** The words a refusal uses for each range. */
const RANGE_WORDS: Record<LocalRange, string> = {
  loopback: 'this machine (loopback)',
  'link-local': 'a link-local address',
  private: 'a private network address',
  shared: 'a carrier-grade NAT address',
  unspecified: 'the unspecified address',
};

/** The start of every refusal message (the outcome's words for people). */
export const LOCAL_REDIRECT_REFUSED = 'redirect into the local network refused';

const ranges = new Map<LocalRange, net.BlockList>();
function rangeList(range: LocalRange, subnets: [string, number, 'ipv4' | 'ipv6'][]): void {
  const list = new net.BlockList();
  for (const [address, prefix, type] of subnets) list.addSubnet(address, prefix, type);
  ranges.set(range, list);
}
rangeList('unspecified', [
  ['0.0.0.0', 8, 'ipv4'],
  ['::', 128, 'ipv6'],
]);
rangeList('loopback', [
  ['127.0.0.0', 8, 'ipv4'],
  ['::1', 128, 'ipv6'],
]);
rangeList('link-local', [
  ['169.254.0.0', 16, 'ipv4'],
  ['fe80::', 10, 'ipv6'],
]);
rangeList('private', [
  ['10.0.0.0', 8, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['fc00::', 7, 'ipv6'],
]);
rangeList('shared', [['100.64.0.0', 10, 'ipv4']]);

/** The IPv4 address inside an IPv4-mapped IPv6 one (`::ffff:127.0.0.1`), else the address itself. */
function unmapped(address: string): string {
  const unbracketed = address.replace(/^\[|\]$/g, '');
  const zone = unbracketed.indexOf('%');
  const bare = zone < 0 ? unbracketed : unbracketed.slice(0, zone);
  const mapped = /^::ffff:(?:0:)?(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped) return mapped[1] as string;
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(bare);
  if (hex) {
    const hi = parseInt(hex[1] as string, 16);
    const lo = parseInt(hex[2] as string, 16);
    return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  return bare;
}

/** The local range an IP address is in, or null for a public address (or not an IP address). */
export function localRangeOf(address: string): LocalRange | null {
  const ip = unmapped(address);
  const family = net.isIP(ip);
  if (family === 0) return null;
  const type = family === 4 ? 'ipv4' : 'ipv6';
  for (const [range, list] of ranges) if (list.check(ip, type)) return range;
  return null;
}

/** The range of a host name: its own when it is an IP literal, loopback for `localhost`, else null (unknown). */
export function hostRange(hostname: string): ConfiguredRange | null {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (net.isIP(unmapped(host))) return localRangeOf(host) ?? 'public';
  if (host === 'localhost' || host.endsWith('.localhost')) return 'loopback';
  return null;
}

/**
 * Decides, hop by hop, whether a request may go to an address. The first hop is the configured
 * URL: it is always allowed and, unless the range was given, sets the range redirects may stay in.
 * Later hops into any other local range are refused.
 */
export class RedirectGuard {
  private allowed: ConfiguredRange | null;

  /** `configured` fixes the configured URL's range (tests treat a loopback target as public). */
  constructor(configured?: ConfiguredRange) {
    this.allowed = configured ?? null;
  }

  /**
   * Checks the address hop `hop` (0 = the configured URL) connects to; returns the refusal message,
   * or null when allowed. `host` is the URL's host name, for the message.
   */
  check(hop: number, host: string, address: string): string | null {
    const range = localRangeOf(address);
    if (hop === 0) {
      this.allowed ??= range ?? 'public';
      return null;
    }
    if (range === null || range === this.allowed) return null;
    const via = unmapped(address) === host.replace(/^\[|\]$/g, '') ? '' : `${host} is `;
    return `${LOCAL_REDIRECT_REFUSED}: ${via}${unmapped(address)}, ${RANGE_WORDS[range]}`;
  }

  /**
   * The same check on a URL's host before any connection (a proxy resolves names itself, so only
   * IP literals and `localhost` can be judged there). Null when allowed or not known yet.
   */
  checkHost(hop: number, hostname: string): string | null {
    const range = hostRange(hostname);
    if (range === null) return null;
    if (hop === 0) {
      this.allowed ??= range;
      return null;
    }
    if (range === 'public' || range === this.allowed) return null;
    return `${LOCAL_REDIRECT_REFUSED}: ${hostname.replace(/^\[|\]$/g, '')}, ${RANGE_WORDS[range]}`;
  }
}

/** The error a connection attempt fails with when the guard refuses its address. */
export class LocalRedirectError extends Error {
  readonly code = 'WHY500_LOCAL_REDIRECT';
  constructor(message: string) {
    super(message);
    this.name = 'LocalRedirectError';
  }
}
