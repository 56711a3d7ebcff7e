// Sentences for what the recognisers named in the answers: "Cloudflare's firewall refused the
// request (error 1020), 6 times", and the vendor who made the error pages.

import { recognitionsOf } from '../evidence/signals';
import type { Meaning, SeenRecognition } from '../types/recognition';
import type { Facts } from './facts';
import { joinWords } from './join-words';
import { times } from './sentence-words';

/** " (error 1020)" for a numeric vendor code, " (PublicAccessNotPermitted)" for a named one, or "". */
function codeNote(code: string | undefined): string {
  if (!code) return '';
  return /^\d+$/.test(code) ? ` (error ${code})` : ` (${code})`;
}

/** What a recognised answer means, as a plain clause after the vendor's name. */
const MEANING_WORDS: Record<Meaning, (r: SeenRecognition) => string> = {
  'firewall-block': () => "'s firewall refused the request",
  'ip-ban': () => ' has banned the address the requests come from',
  'geo-block': () => ' blocks requests from this country or region',
  'rate-limited': () => ' limited the rate of requests',
  'bot-check': () => ' showed a bot check',
  queue: () => ' put the visit in a waiting-room queue',
  maintenance: (r) => ` reports the ${r.layer === 'platform' ? 'app' : 'site'} is offline for maintenance`,
  'access-denied': (r) =>
    r.code === 'PublicAccessNotPermitted' ? ' refused public access' : ' refused access to the resource',
  'origin-unreachable': () => ' could not reach the servers behind it',
  'origin-timeout': () => ' gave up waiting for the servers behind it',
  'origin-error': () => ' got a broken answer from the servers behind it',
  'origin-tls': () => ' could not make a secure connection to the servers behind it',
  'app-crash': (r) =>
    r.layer === 'platform' ? ' reports the app crashed' : "'s error page says the application failed",
  'token-rejected': () => ' rejected the token',
  csrf: () => " rejected the request's CSRF check, a sign of a broken login session",
  'error-in-200': () => ' answered “200 OK” with an error inside',
  'not-found': () => ' answered that the address does not exist',
  overloaded: () => ' says it is over capacity',
  quota: () => " refused the request because this account's quota, credit or own rate limit is used up",
  'network-filter': () => "'s block page answered instead of the service",
};

/** "Cloudflare's firewall refused the request (error 1020), 6 times" for one recognition. */
export function recognitionSentence(r: SeenRecognition): string {
  return `${r.name}${MEANING_WORDS[r.meaning](r)}${codeNote(r.code)}, ${times(r.count)}`;
}

/** The sentences of the recognitions with these meanings (at most two), joined; '' when there are none. */
export function recognised(f: Facts, ...meanings: Meaning[]): string {
  return joinWords(
    recognitionsOf(f.signals, ...meanings)
      .slice(0, 2)
      .map(recognitionSentence),
  );
}

/** The recognised sentence when a vendor was named, else the fallback. */
export function namedOr(f: Facts, meanings: Meaning[], fallback: string): string {
  const named = recognitionsOf(f.signals, ...meanings).filter((r) => r.vendor !== 'generic');
  return named.length > 0 ? joinWords(named.slice(0, 2).map(recognitionSentence)) : fallback;
}

/** " (error pages made by Cloudflare)" when a named vendor made the failing answers, else "". */
export function pagesBy(f: Facts): string {
  const vendors = [
    ...new Set(
      f.signals.recognitions
        .filter((r) => r.vendor !== 'generic' && r.meaning !== 'bot-check')
        .map((r) => r.name),
    ),
  ];
  return vendors.length > 0 ? ` (error pages made by ${joinWords(vendors.slice(0, 2))})` : '';
}
