// The redirect policy of probes and the status reader: a redirect is never followed into the user's
// own network (loopback, link-local with the cloud metadata address, private, shared/CGNAT, the
// 198.18.0.0/15 benchmarking range, or unspecified addresses; IPv4-mapped and NAT64 IPv6 addresses
// are judged by the IPv4 address inside), judged on the address a connection actually goes to, so a
// DNS name that points inside counts too. The one exception: the configured URL is itself in that range (the
// simulator and tests run on loopback), then redirects may stay within that same range.

import net from 'node:net';

/** A range of addresses inside the user's own network or machine. */
export type LocalRange = 'loopback' | 'link-local' | 'private' | 'shared' | 'benchmark' | 'unspecified';

/** Where the configured URL's address is: one of the local ranges, or `public`. */
export type ConfiguredRange = LocalRange | 'public';

/** The words a refusal uses for each range. */
const RANGE_WORDS: Record<LocalRange, string> = {
  loopback: 'this machine (loopback)',
  'link-local': 'a link-local address',
  private: 'a private network address',
  shared: 'a carrier-grade NAT address',
  benchmark: 'a network-benchmarking address (198.18.0.0/15, used inside networks)',
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
rangeList('benchmark', [['198.18.0.0', 15, 'ipv4']]);

/** The eight 16-bit groups of an IPv6 address (a dotted IPv4 tail counts as two), or null. */
function ipv6Groups(address: string): number[] | null {
  if (!net.isIPv6(address)) return null;
  let text = address.toLowerCase();
  const lastColon = text.lastIndexOf(':');
  const tail4 = text.slice(lastColon + 1);
  if (net.isIPv4(tail4)) {
    const [a, b, c, d] = tail4.split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, lastColon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (part: string): number[] => (part ? part.split(':').map((g) => parseInt(g, 16)) : []);
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  const groups = [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
  return groups.length === 8 ? groups : null;
}

/**
 * The IPv4 address an IPv6 one stands for: IPv4-mapped (`::ffff:127.0.0.1`) or NAT64 (`64:ff9b::/96`,
 * which a NAT64 gateway turns back into that IPv4 address); else the address itself.
 */
function unmapped(address: string): string {
  const unbracketed = address.replace(/^\[|\]$/g, '');
  const zone = unbracketed.indexOf('%');
  const bare = zone < 0 ? unbracketed : unbracketed.slice(0, zone);
  const g = ipv6Groups(bare);
  if (!g) return bare;
  const mapped = g[0] === 0 && g[1] === 0 && g[2] === 0 && g[3] === 0 && g[4] === 0 && g[5] === 0xffff;
  const nat64 = g[0] === 0x64 && g[1] === 0xff9b && g[2] === 0 && g[3] === 0 && g[4] === 0 && g[5] === 0;
  if (!mapped && !nat64) return bare;
  const hi = g[6] as number;
  const lo = g[7] as number;
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
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
