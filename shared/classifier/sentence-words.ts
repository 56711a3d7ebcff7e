// The small words the feature sentences are built from: HTTP codes by name, counts ("twice"),
// endpoint names, percentages, durations; and the shape of one family's table of sentences.

import type { Evidence } from '../types/evidence';
import type { Facts } from './facts';
import type { FeatureId } from './feature-ids';
import { joinWords } from './join-words';

/** Makes the plain sentence for one present feature from the facts and the evidence. */
export type Sentence = (f: Facts, e: Evidence) => string;

/** One family's sentences, by feature. */
export type SentenceTable = Partial<Record<FeatureId, Sentence>>;

/** The names of the HTTP codes the sentences quote. */
const CODE_NAMES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
  520: 'Cloudflare: unknown error',
  521: 'Cloudflare: web server is down',
  522: 'Cloudflare: connection timed out',
  523: 'Cloudflare: origin is unreachable',
  524: 'Cloudflare: a timeout occurred',
  525: 'Cloudflare: TLS handshake failed',
  526: 'Cloudflare: invalid TLS certificate',
  527: 'Cloudflare: railgun error',
};

/** "503 “Service Unavailable”". */
export function codeLabel(code: number): string {
  const name = CODE_NAMES[code];
  return name ? `${code} “${name}”` : String(code);
}

/** "once", "twice", "3 times". */
export function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}

/** Up to three codes with their counts: "503 “Service Unavailable” twice and 502 “Bad Gateway” once". */
export function codes(list: [number, number][]): string {
  return joinWords(list.slice(0, 3).map(([c, n]) => `${codeLabel(c)} ${times(n)}`));
}

/** The way an endpoint is named to a user: the site page, or “name”. */
export function endpointLabel(name: string): string {
  return name === 'site' ? 'the site page' : `“${name}”`;
}

/** Picks the verb form for one name or several. */
export function verb(list: string[], one: string, many: string): string {
  return list.length === 1 ? one : many;
}

/** Endpoints named to a user, joined: "the site page and “chat”". */
export function names(list: string[]): string {
  return joinWords(list.map(endpointLabel));
}

/** "42%". */
export function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

/** "120 ms". */
export function ms(x: number): string {
  return `${Math.round(x)} ms`;
}

/** How many times more: "about twice", "about three times", "4.2 times". */
export function ratioWords(ratio: number): string {
  if (ratio >= 2.8 && ratio < 3.3) return 'about three times';
  if (ratio >= 1.8 && ratio < 2.3) return 'about twice';
  return `${ratio.toFixed(1)} times`;
}
