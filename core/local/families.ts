// IPv4 vs IPv6 check: connects to the site's first address of each family separately (no
// happy-eyeballs fallback to hide a broken family). A network that offers IPv6 but cannot carry it
// breaks browsers that try IPv6 first.

import { connect } from 'node:net';
import { errorWord, fault, hostOf, verdict, type LocalCheck, type LocalContext } from './check';
import type { ResolvedAddress } from './resolver';

/** Opens a TCP connection and closes it at once; resolves null when it worked, else the error word. */
export function tryConnect(address: string, port: number, context: LocalContext): Promise<string | null> {
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
      return verdict('inconclusive', `${host} could not be looked up (${errorWord(err)}), so no address to try`);
    }
    const v4 = addresses.find((a) => a.family === 4);
    const v6 = addresses.find((a) => a.family === 6);
    if (!v4 || !v6) {
      const only = v4 ? 'IPv4' : 'IPv6';
      return verdict('skipped', `${host} has only ${only} addresses here, so there is no second family to compare`);
    }
    const [e4, e6] = await Promise.all([tryConnect(v4.address, port, context), tryConnect(v6.address, port, context)]);
    const facts = { host, ipv4: v4.address, ipv6: v6.address, ipv4Error: e4, ipv6Error: e6 };
    if (e4 === null && e6 !== null) {
      return fault(
        'ipv6-broken',
        `${host} answers over IPv4 (${v4.address}) but not over IPv6 (${v6.address}: ${e6})`,
        2,
        facts,
      );
    }
    if (e4 === null && e6 === null) return verdict('ok', `${host} answers over both IPv4 and IPv6`, 2, facts);
    if (e4 !== null && e6 === null) {
      return verdict('inconclusive', `${host} answers over IPv6 but not over IPv4 (${e4})`, 2, facts);
    }
    return verdict('inconclusive', `${host} answers over neither IPv4 (${e4}) nor IPv6 (${e6})`, 2, facts);
  },
};
