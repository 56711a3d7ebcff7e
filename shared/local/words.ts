// Words for the local checks shared by the checks (core/local), the classifier and the views.

import type { LocalCause, LocalCheckId, LocalCheckOutcome } from '../types/local';

/** "2 h 14 min", "5 min", "40 s" for a number of seconds (sign ignored). */
function spanWords(seconds: number): string {
  const s = Math.round(Math.abs(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.round(s / 60);
  if (minutes < 60) return `${minutes} min`;
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts = [days ? `${days} d` : '', hours ? `${hours} h` : '', rest ? `${rest} min` : ''];
  return parts.filter(Boolean).join(' ');
}

/** "behind" when this computer's clock is earlier than the servers' (`skewSeconds` = servers − local). */
export function skewWords(skewSeconds: number): string {
  return `${spanWords(skewSeconds)} ${skewSeconds > 0 ? 'behind' : 'ahead'}`;
}

/** Short words for a sub-cause of `local-network`, as in "likely a Wi-Fi sign-in page". */
export function localCauseWords(cause: LocalCause): string {
  switch (cause) {
    case 'captive-portal':
      return 'a Wi-Fi sign-in page';
    case 'filter':
      return "your network's web filter";
    case 'dns':
      return 'your DNS server';
    case 'ipv6':
      return 'broken IPv6 on your network';
    case 'proxy':
      return 'your proxy';
    case 'interception':
      return 'a program re-signing secure connections';
    case 'clock':
      return "your computer's clock";
    case 'offline':
      return 'no connection at all';
  }
}

/** The name of each local check, as lists and tables show it. */
export const LOCAL_CHECK_LABELS: Record<LocalCheckId, string> = {
  dns: 'DNS',
  families: 'IPv4 and IPv6',
  captive: 'Wi-Fi sign-in page',
  proxy: 'Proxy',
  interception: 'Certificate interception',
  clock: 'Clock',
};

/** A check's outcome in words. */
export const LOCAL_OUTCOME_WORDS: Record<LocalCheckOutcome, string> = {
  ok: 'fine',
  fault: 'fault found',
  skipped: 'not tested',
  inconclusive: 'could not tell',
};
