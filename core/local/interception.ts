// Certificate-interception check: one TLS handshake with the target (verification off, only to read
// the certificate chain), and through the alternate path when one is set. Software that inspects
// encrypted traffic (antivirus, a company proxy) re-signs every site with its own root. The check
// trusts what the probes trust (Node's bundled roots and, where this Node can read it, the OS trust
// store), so an issuer it refuses is one that neither holds: the same one on every HTTPS site, controls included.

import http from 'node:http';
import { isIP, type Socket } from 'node:net';
import tls, { type DetailedPeerCertificate } from 'node:tls';
import { systemRoots, trustContext } from '../probe/trust';
import { cleanText } from '../../shared/text/sanitize';
import {
  errorWord,
  fault,
  hostOf,
  newestProbes,
  siteOf,
  verdict,
  type LocalCheck,
  type LocalContext,
} from './check';

/** Verification errors that mean "signed by a root this computer does not trust". */
const UNTRUSTED_CODES = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'CERT_UNTRUSTED',
]);

/** What a handshake showed. */
interface ChainView {
  issuer: string;
  /** Node's verification error code, or null when the chain is trusted. */
  error: string | null;
}

function nameOf(subject: Record<string, string | string[]> | undefined): string {
  const pick = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);
  return cleanText(pick(subject?.O) ?? pick(subject?.CN) ?? 'an unnamed issuer', 60);
}

function handshake(
  socketOrHost: Socket | { host: string; port: number },
  servername: string,
  context: LocalContext,
): Promise<ChainView> {
  const secureContext = trustContext(context.ca, context.systemCa);
  return new Promise((resolve, reject) => {
    const options: tls.ConnectionOptions = {
      rejectUnauthorized: false,
      ...(isIP(servername) === 0 ? { servername } : {}),
      ...(secureContext ? { secureContext } : {}),
      ...('host' in socketOrHost
        ? { host: socketOrHost.host, port: socketOrHost.port }
        : { socket: socketOrHost }),
    };
    const socket = tls.connect(options);
    const timer = setTimeout(
      () => socket.destroy(new Error(`no handshake within ${context.deadlineMs} ms`)),
      context.deadlineMs,
    );
    const onAbort = (): void => {
      socket.destroy(new Error('aborted'));
    };
    context.signal.addEventListener('abort', onAbort, { once: true });
    const done = (): void => {
      clearTimeout(timer);
      context.signal.removeEventListener('abort', onAbort);
    };
    socket.once('secureConnect', () => {
      const cert = socket.getPeerCertificate(true) as DetailedPeerCertificate;
      const error = socket.authorized ? null : String(socket.authorizationError ?? 'UNKNOWN');
      done();
      socket.end();
      socket.destroy();
      resolve({ issuer: nameOf(cert.issuer as unknown as Record<string, string>), error });
    });
    socket.once('error', (err) => {
      done();
      reject(err);
    });
  });
}

/** A CONNECT tunnel through an HTTP proxy to host:port. */
function tunnel(proxy: string, host: string, port: number, context: LocalContext): Promise<Socket> {
  const p = new URL(proxy);
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: p.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: Number(p.port) || 80,
      method: 'CONNECT',
      path: `${isIP(host) === 6 ? `[${host}]` : host}:${port}`,
      timeout: context.deadlineMs,
      signal: context.signal,
      agent: false,
    });
    req.once('connect', (res, socket) => {
      if (res.statusCode === 200) resolve(socket);
      else {
        socket.destroy();
        reject(new Error(`proxy answered ${res.statusCode}`));
      }
    });
    req.once('timeout', () => req.destroy(new Error(`no tunnel within ${context.deadlineMs} ms`)));
    req.once('error', reject);
    req.end();
  });
}

/** Which roots refused the issuer, in words: the system ones only where they were read. */
function rootsWords(systemCount: number): string {
  return systemCount > 0
    ? 'which neither the bundled nor the system roots hold'
    : 'which the bundled roots do not hold (the system roots could not be read here)';
}

/** HTTPS hosts of the newest round (controls and the target's other hosts) whose certificate was refused as untrusted. */
function untrustedElsewhere(
  context: LocalContext,
  siteHost: string,
): { https: string[]; untrusted: string[] } {
  const https: string[] = [];
  const untrusted: string[] = [];
  for (const p of newestProbes(context)) {
    if (p.path === 'alternate' || !p.url.startsWith('https:')) continue;
    const host = siteOf(p.url);
    if (!host || host === siteHost || https.includes(host)) continue;
    https.push(host);
    const code = /\(([A-Z_]+)\)$/.exec(p.error ?? '')?.[1];
    if (p.outcome === 'tls-cert' && code && UNTRUSTED_CODES.has(code)) untrusted.push(host);
  }
  return { https, untrusted };
}

/** See the file header. */
export const interceptionCheck: LocalCheck = {
  id: 'interception',
  async run(context) {
    const url = new URL(context.target.site);
    const host = hostOf(context.target.site) ?? '';
    if (url.protocol !== 'https:')
      return verdict('skipped', `The service (${host}) is not reached over HTTPS`);
    const port = Number(url.port) || 443;
    let direct: ChainView;
    let requests = 1;
    try {
      const address = isIP(host) ? host : ((await context.resolver(host))[0]?.address ?? host);
      direct = await handshake({ host: address, port }, host, context);
    } catch (err) {
      return verdict('inconclusive', `No TLS handshake with ${host} (${errorWord(err)})`, requests, { host });
    }
    const systemCount = (context.systemCa ?? systemRoots()).length;
    const facts: Record<string, string | number | null> = {
      host,
      issuer: direct.issuer,
      error: direct.error,
      systemRoots: systemCount,
    };
    if (!direct.error || !UNTRUSTED_CODES.has(direct.error)) {
      return verdict(
        'ok',
        direct.error
          ? `The certificate of ${host} from ${direct.issuer} is refused for another reason (${direct.error})`
          : `The certificate of ${host} is issued by ${direct.issuer}, which the app's roots hold`,
        requests,
        facts,
      );
    }
    const elsewhere = untrustedElsewhere(context, siteOf(context.target.site) ?? host);
    facts.otherHttpsSites = elsewhere.https.length;
    facts.otherUntrusted = elsewhere.untrusted.length;
    if (elsewhere.https.length > 0 && elsewhere.untrusted.length === elsewhere.https.length) {
      return fault(
        'untrusted-issuer',
        `Every HTTPS site fails the app's certificate check: on ${host} the app's own check saw issuer “${direct.issuer}” (${direct.error}), ${rootsWords(systemCount)}, and ${elsewhere.untrusted.join(', ')} fail the same way`,
        requests,
        facts,
      );
    }
    if (context.alternateProxy) {
      requests++;
      try {
        const socket = await tunnel(context.alternateProxy, host, port, context);
        const alternate = await handshake(socket, host, context);
        facts.alternateIssuer = alternate.issuer;
        if (alternate.error === null && alternate.issuer !== direct.issuer) {
          return fault(
            'issuer-differs',
            `The certificate of ${host} is issued by “${direct.issuer}” on your connection but by ${alternate.issuer} through the alternate path: something on your side re-signs it`,
            requests,
            facts,
          );
        }
      } catch (err) {
        facts.alternateError = errorWord(err);
      }
    }
    return verdict(
      'inconclusive',
      `On ${host} the app's own check saw issuer “${direct.issuer}” (${direct.error}), ${rootsWords(systemCount)}, but other sites are not affected`,
      requests,
      facts,
    );
  },
};
