// The system resolver as the local checks see it (every address of a name, both families), and the
// test-only stand-in the CLI builds from WHY500_TEST_HOSTS so loopback tests can make it fail or lie.

import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { LookupFn } from '../probe/types';

/** One address of a name. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a name to all its addresses, in the order the system prefers; rejects like `dns.lookup`. */
export type SystemResolver = (hostname: string) => Promise<ResolvedAddress[]>;

/** The operating system's resolver (getaddrinfo), every address in its own order. */
export const systemResolver: SystemResolver = async (hostname) => {
  const all = await lookup(hostname, { all: true, verbatim: true });
  return all.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

/** The first address, as the probes' `lookup` option takes it. */
export function firstAddressLookup(resolver: SystemResolver): LookupFn {
  return async (hostname) => {
    const [first] = await resolver(hostname);
    if (!first) throw Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' });
    return first;
  };
}

function notFound(hostname: string): Error {
  return Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname });
}

/**
 * A resolver from a hosts list, for tests only: `name=addr+addr,other=fail`. Names it does not list
 * fail too, so a test can never reach a real resolver by accident. Returns null for an empty spec.
 */
export function hostsResolver(spec: string): SystemResolver | null {
  const table = new Map<string, ResolvedAddress[] | null>();
  for (const entry of spec.split(',')) {
    const [name = '', value = ''] = entry.split('=', 2).map((s) => s.trim());
    if (!name) continue;
    if (value === 'fail' || value === '') {
      table.set(name.toLowerCase(), null);
      continue;
    }
    const addresses = value
      .split('+')
      .map((a) => a.trim())
      .filter((a) => isIP(a) !== 0)
      .map((a): ResolvedAddress => ({ address: a, family: isIP(a) === 6 ? 6 : 4 }));
    table.set(name.toLowerCase(), addresses);
  }
  if (table.size === 0) return null;
  return (hostname) => {
    const found = table.get(hostname.toLowerCase());
    return found && found.length > 0 ? Promise.resolve(found) : Promise.reject(notFound(hostname));
  };
}
