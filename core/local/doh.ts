// DNS over HTTPS in the RFC 8484 wire format: one GET `?dns=<base64url query>` for an A or AAAA record,
// and a small reader of the answer section (names may be compressed; other record types are skipped).

import http from 'node:http';
import https from 'node:https';
import type { SecureContext } from 'node:tls';

/** The record types the DNS check asks for. */
export type RecordType = 'A' | 'AAAA';

const TYPE_CODES: Record<RecordType, number> = { A: 1, AAAA: 28 };

/** Encodes one recursive query for `name` (id 0, as RFC 8484 recommends for caching). */
export function encodeQuery(name: string, type: RecordType): Buffer {
  const labels = name.replace(/\.$/, '').split('.');
  const parts: Buffer[] = [Buffer.from([0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0])];
  for (const label of labels) {
    const bytes = Buffer.from(label, 'ascii');
    if (bytes.length === 0 || bytes.length > 63) throw new Error(`not a DNS name: ${name}`);
    parts.push(Buffer.from([bytes.length]), bytes);
  }
  parts.push(Buffer.from([0, 0, TYPE_CODES[type], 0, 1]));
  return Buffer.concat(parts);
}

/** A decoded answer: the response code (0 = found, 3 = no such name) and the addresses. */
export interface DnsAnswer {
  rcode: number;
  addresses: string[];
}

/** Skips a (possibly compressed) name at `offset`; returns the offset after it. */
function skipName(buf: Buffer, offset: number): number {
  let at = offset;
  for (let guard = 0; guard < 128; guard++) {
    const len = buf.readUInt8(at);
    if (len === 0) return at + 1;
    if ((len & 0xc0) === 0xc0) return at + 2;
    at += len + 1;
  }
  throw new Error('DNS name too long');
}

function ipv6(bytes: Buffer): string {
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(bytes.readUInt16BE(i).toString(16));
  // The URL parser writes the canonical (compressed) form.
  return new URL(`http://[${groups.join(':')}]/`).hostname.slice(1, -1);
}

/** Reads the A/AAAA addresses of a DNS message; throws on a truncated or malformed one. */
export function decodeAnswer(buf: Buffer): DnsAnswer {
  if (buf.length < 12) throw new Error('DNS answer too short');
  const rcode = buf.readUInt8(3) & 0x0f;
  const questions = buf.readUInt16BE(4);
  const answers = buf.readUInt16BE(6);
  let at = 12;
  for (let i = 0; i < questions; i++) at = skipName(buf, at) + 4;
  const addresses: string[] = [];
  for (let i = 0; i < answers; i++) {
    at = skipName(buf, at);
    const type = buf.readUInt16BE(at);
    const length = buf.readUInt16BE(at + 8);
    const data = buf.subarray(at + 10, at + 10 + length);
    if (data.length !== length) throw new Error('DNS answer truncated');
    if (type === 1 && length === 4) addresses.push([...data].join('.'));
    if (type === 28 && length === 16) addresses.push(ipv6(data));
    at += 10 + length;
  }
  return { rcode, addresses };
}

/** Options of one DoH query. */
export interface DohOptions {
  deadlineMs: number;
  secureContext?: SecureContext;
  signal?: AbortSignal;
}

/** Largest DNS message read. */
const MAX_ANSWER_BYTES = 64 * 1024;

/** Asks one DoH resolver; rejects on a network error, a non-200 answer or a malformed message. */
export function dohQuery(
  resolver: string,
  name: string,
  type: RecordType,
  options: DohOptions,
): Promise<DnsAnswer> {
  const url = new URL(resolver);
  url.searchParams.set('dns', encodeQuery(name, type).toString('base64url'));
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.get(
      url,
      {
        headers: { accept: 'application/dns-message' },
        timeout: options.deadlineMs,
        ...(options.secureContext ? { secureContext: options.secureContext } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_ANSWER_BYTES) req.destroy(new Error('DNS answer too large'));
          else chunks.push(chunk);
        });
        res.on('error', reject);
        res.on('end', () => {
          if (res.statusCode !== 200) return reject(new Error(`answered HTTP ${res.statusCode}`));
          try {
            resolve(decodeAnswer(Buffer.concat(chunks)));
          } catch (err) {
            reject(err instanceof Error ? err : new Error(String(err)));
          }
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${options.deadlineMs} ms`)));
    req.on('error', reject);
  });
}
