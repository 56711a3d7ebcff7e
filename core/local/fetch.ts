// One small HTTP(S) request for the local checks: never follows redirects, never sends a token, reads
// at most a few KB of the body, and gives up at the check's deadline.

import http from 'node:http';
import https from 'node:https';
import type { TLSSocket } from 'node:tls';
import { trustContext } from '../probe/trust';
import { answerLookup, type NodeLookup } from '../probe/node-lookup';
import type { LocalContext } from './check';

/** What came back. */
export interface SmallAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The TLS error Node would have raised (e.g. CERT_NOT_YET_VALID), when `verify` was false. */
  tlsError: string | null;
}

/** Body bytes kept. */
const KEEP_BYTES = 16 * 1024;

/**
 * GET (or HEAD) `url` directly, without redirects. With `verify: false` an untrusted certificate does
 * not stop the request (the clock check only reads the `Date` header; nothing secret is sent).
 */
export function smallRequest(
  url: string,
  context: LocalContext,
  options: { method?: 'GET' | 'HEAD'; verify?: boolean } = {},
): Promise<SmallAnswer> {
  const target = new URL(url);
  const secure = target.protocol === 'https:';
  const client = secure ? https : http;
  const secureContext = secure ? trustContext(context.ca, context.systemCa) : undefined;
  return new Promise((resolve, reject) => {
    const req = client.request(
      target,
      {
        method: options.method ?? 'GET',
        headers: { 'user-agent': 'why500 local check', accept: '*/*' },
        timeout: context.deadlineMs,
        signal: context.signal,
        agent: false,
        // The context's resolver, so the test resolver (WHY500_TEST_HOSTS) covers these requests too.
        lookup: resolverLookup(context),
        ...(secure ? { rejectUnauthorized: options.verify !== false } : {}),
        ...(secureContext ? { secureContext } : {}),
      },
      (res) => {
        const socket = res.socket as TLSSocket;
        const tlsError =
          secure && socket.authorized === false ? String(socket.authorizationError ?? '') : null;
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          if (size < KEEP_BYTES) chunks.push(chunk);
          size += chunk.length;
          if (size >= KEEP_BYTES) res.destroy();
        });
        const finish = (): void =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8').slice(0, KEEP_BYTES),
            tlsError: tlsError || null,
          });
        res.on('end', finish);
        res.on('close', finish);
        res.on('error', finish);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${context.deadlineMs} ms`)));
    req.on('error', reject);
    req.end();
  });
}

/** `dns.lookup`'s shape for http.request, answered by the context's resolver (one or all addresses). */
function resolverLookup(context: LocalContext): NodeLookup {
  return (hostname, opts, callback) => {
    context.resolver(hostname).then(
      (addresses) => answerLookup(hostname, opts, callback, addresses),
      (err: Error) => callback(err, ''),
    );
  };
}
