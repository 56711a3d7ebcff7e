// IPv4 vs IPv6 check: connects to the site's first address of each family separately (no
// happy-eyeballs fallback to hide a broken family). A network that offers IPv6 but cannot carry it
// breaks browsers that try IPv6 first.

import { connect } from 'node:net';
import { errorWord, fault, hostOf, newestProbes, verdict, type LocalCheck, type LocalContext } from './check';
import type { ResolvedAddress } from './resolver';

/** Opens a TCP connection and closes it at once; resolves null when it worked, else the error word. */
function tryConnect(address: string, port: number, context: LocalContext): Promise<string | null> {
  return new Promise((resolve) => {
    const socket = connect({ host: address, port, noDelay: true });
    const done = (error: string | null): void => {
      clearTimeout(timer);
      context.signal.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve(error);
    };
    const onAbort = (): void => done('aborted');
    const timer = setTimeout(() => done(`no connection within ${context.deadlineMs} ms`), context.deadlineMs);
    context.signal.addEventListener('abort', onAbort, { once: true });
    socket.once('connect', () => done(null));
    socket.once('error', (err) => done(errorWord(err)));
  });
}

/** Transport outcomes that mean "this address did not take the connection". */
const UNREACHED = new Set(['refused', 'unreachable', 'timeout-connect', 'reset']);

/**
 * What the round already showed: its site probe connected to the system's first address, so that
 * family is known to work (an answer) or not (no connection). Null when the round says nothing.
 */
function knownFromRound(context: LocalContext): { works: boolean; error: string | null } | null {
  const site = newestProbes(context).find((p) => p.path === 'direct' && p.name === 'site');
  if (!site) return null;
  if (site.status !== null) return { works: true, error: null };
  if (UNREACHED.has(site.outcome)) return { works: false, error: site.outcome };
  return null;
}

/** See the file header. */
export const familiesCheck: LocalCheck = {
  id: 'families',
  async run(context) {
    const url = new URL(context.target.site);
    const host = hostOf(context.target.site) ?? '';
    const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
    let addresses: ResolvedAddress[];
    try {
      addresses = await context.resolver(host);
    } catch (err) {
      return verdict(
        'inconclusive',
        `The address of ${host} could not be looked up (${errorWord(err)}), so there is nothing to connect to`,
      );
    }
    const v4 = addresses.find((a) => a.family === 4);
    const v6 = addresses.find((a) => a.family === 6);
    const first = addresses[0];
    if (!v4 || !v6 || !first) {
      const only = v4 ? 'IPv4' : 'IPv6';
      return verdict(
        'skipped',
        `Only ${only} addresses are offered for ${host}, so there is no second family to compare`,
      );
    }
    // One family was just tried by the round (the system's first choice): only the other needs a connection.
    const known = knownFromRound(context);
    const other = first.family === 4 ? v6 : v4;
    const [firstError, otherError] = known
      ? [known.works ? null : (known.error ?? 'failed'), await tryConnect(other.address, port, context)]
      : await Promise.all([
          tryConnect(first.address, port, context),
          tryConnect(other.address, port, context),
        ]);
    const requests = known ? 1 : 2;
    const e4 = first.family === 4 ? firstError : otherError;
    const e6 = first.family === 6 ? firstError : otherError;
    const facts = { host, ipv4: v4.address, ipv6: v6.address, ipv4Error: e4, ipv6Error: e6 };
    if (e4 === null && e6 !== null) {
      return fault(
        'ipv6-broken',
        `IPv6 is offered for ${host} but does not work: IPv4 (${v4.address}) connects, IPv6 (${v6.address}) does not (${e6})`,
        requests,
        facts,
      );
    }
    if (e4 === null && e6 === null)
      return verdict('ok', `Both IPv4 and IPv6 connect to ${host}`, requests, facts);
    if (e4 !== null && e6 === null) {
      return verdict('inconclusive', `Only IPv6 connects to ${host}; IPv4 does not (${e4})`, requests, facts);
    }
    return verdict(
      'inconclusive',
      `Neither IPv4 (${e4}) nor IPv6 (${e6}) connects to ${host}`,
      requests,
      facts,
    );
  },
};
