// DNS check: the system resolver's answer for one of the target's hosts against a DNS-over-HTTPS
// answer from the configured resolvers (reached by IP address). It tells a resolver that fails from one
// that lies (a filtering or hijacking resolver answering 0.0.0.0 or a private address) from no DNS at all.

import { isIP } from 'node:net';
import { trustContext } from '../probe/trust';
import {
  errorWord,
  fault,
  hostOf,
  newestProbes,
  targetHosts,
  verdict,
  type LocalCheck,
  type LocalContext,
} from './check';
import { dohQuery, type DnsAnswer } from './doh';
import type { ResolvedAddress } from './resolver';

/** Addresses no public service answers from: unspecified, loopback, private, link-local, CGNAT, ULA. */
export function isBogus(address: string): boolean {
  if (isIP(address) === 4) {
    const [a = 0, b = 0] = address.split('.').map(Number);
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  const v6 = address.toLowerCase();
  return v6 === '::' || v6 === '::1' || /^f[cd]/.test(v6) || /^fe[89ab]/.test(v6);
}

/** The host to test: one whose probe failed with a DNS error, else the first named host of the target. */
function pickHost(context: LocalContext): string | null {
  const failed = newestProbes(context)
    .filter((p) => p.path === 'direct' && p.outcome === 'dns')
    .map((p) => hostOf(p.url));
  // `localhost` names never go to DNS (RFC 6761), so there is nothing to compare.
  const named = targetHosts(context.target).filter((h) => isIP(h) === 0 && !/(^|\.)localhost$/i.test(h));
  return failed.find((h): h is string => h !== null && named.includes(h)) ?? named[0] ?? null;
}

/** Asks the DoH resolvers in order until one answers (each attempt is one request). */
async function askDoh(
  context: LocalContext,
  host: string,
  type: 'A' | 'AAAA',
): Promise<{ answer: DnsAnswer | null; resolver: string | null; requests: number; error: string | null }> {
  const secureContext = trustContext(context.ca, context.systemCa);
  let requests = 0;
  let error: string | null = null;
  for (const resolver of context.dohResolvers) {
    if (context.signal.aborted) break;
    requests++;
    try {
      const answer = await dohQuery(resolver, host, type, {
        deadlineMs: context.deadlineMs,
        signal: context.signal,
        ...(secureContext ? { secureContext } : {}),
      });
      // 0 = found, 3 = no such name: both are answers; anything else (REFUSED, SERVFAIL) is not.
      if (answer.rcode === 0 || answer.rcode === 3) {
        return { answer, resolver: new URL(resolver).host, requests, error: null };
      }
      error = `DNS error code ${answer.rcode}`;
    } catch (err) {
      error = errorWord(err);
    }
  }
  return { answer: null, resolver: null, requests, error };
}

/** See the file header. */
export const dnsCheck: LocalCheck = {
  id: 'dns',
  async run(context) {
    const host = pickHost(context);
    if (!host)
      return verdict('skipped', 'The service is reached by IP address or as localhost, so DNS plays no part');
    if (context.dohResolvers.length === 0) return verdict('skipped', 'No DNS-over-HTTPS resolver is set');
    let system: ResolvedAddress[] | null = null;
    let systemError: string | null = null;
    try {
      system = await context.resolver(host);
    } catch (err) {
      systemError = errorWord(err);
    }
    const type = system && system.length > 0 && system.every((a) => a.family === 6) ? 'AAAA' : 'A';
    const doh = await askDoh(context, host, type);
    const dohAddresses = doh.answer?.rcode === 0 ? doh.answer.addresses : [];
    const facts = {
      host,
      system: system ? system.map((a) => a.address).join(' ') : null,
      systemError,
      doh: doh.answer ? dohAddresses.join(' ') : null,
      resolver: doh.resolver,
    };
    const by = doh.resolver ? ` ${doh.resolver} (DNS over HTTPS)` : '';
    if (systemError !== null) {
      if (dohAddresses.length > 0) {
        return fault(
          'dns-system-fails',
          `Your DNS server could not find ${host} (${systemError}), but${by} answered ${dohAddresses.slice(0, 3).join(', ')}`,
          doh.requests,
          facts,
        );
      }
      if (!doh.answer) {
        return fault(
          'dns-both-fail',
          `Neither your DNS server (${systemError}) nor any DNS-over-HTTPS resolver (${doh.error ?? 'no answer'}) could look up ${host}`,
          doh.requests,
          facts,
        );
      }
      return verdict(
        'inconclusive',
        `The name ${host} could not be looked up, and${by} does not know it either: the name itself may be gone`,
        doh.requests,
        facts,
      );
    }
    const family = type === 'A' ? 4 : 6;
    const bogus = (system ?? []).filter(
      (a) => a.family === family && isBogus(a.address) && !dohAddresses.includes(a.address),
    );
    if (bogus.length > 0 && dohAddresses.length > 0) {
      return fault(
        'dns-bogus-answer',
        `Your DNS server answered ${bogus[0]?.address} for ${host}, an address no public site uses, while${by} answered ${dohAddresses.slice(0, 3).join(', ')}`,
        doh.requests,
        facts,
      );
    }
    if (!doh.answer) {
      return verdict(
        'inconclusive',
        `Your DNS server found ${host}; no DNS-over-HTTPS resolver answered to compare (${doh.error ?? 'no answer'})`,
        doh.requests,
        facts,
      );
    }
    return verdict('ok', `Your DNS server and${by} both found ${host}`, doh.requests, facts);
  },
};
