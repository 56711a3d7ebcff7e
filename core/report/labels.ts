// Plain-words names of the nine outcomes and of the probe taxonomy, for reports and the CLI.

import type { DiagnosisOutcome, Verdict } from '../../shared/types/diagnosis';
import type { Outcome } from '../../shared/types/probe';

/** Short title and one-line meaning of each verdict. */
export const VERDICT_LABELS: Record<Verdict, { title: string; meaning: string }> = {
  overload: { title: 'Overload', meaning: 'the servers are overwhelmed by traffic' },
  'bad-update': { title: 'Bad update', meaning: 'a recent release broke something' },
  account: { title: 'Account', meaning: "something tied to this user's account or session" },
  regional: { title: 'Regional fault', meaning: 'a fault in one region or on one network path' },
  maintenance: { title: 'Maintenance', meaning: 'planned downtime' },
  extensions: {
    title: 'Browser extensions',
    meaning: "browser extensions or plugins interfering on this user's side",
  },
  permissions: { title: 'Permissions', meaning: "the server's own access settings are wrong" },
  'local-network': {
    title: 'Local network',
    meaning: "the user's own connection, not the service",
  },
  healthy: { title: 'Healthy', meaning: 'nothing is wrong from here' },
  unknown: { title: 'Unknown', meaning: 'the evidence cannot separate the leading causes' },
};

/** The title of an outcome or verdict. */
export function verdictTitle(v: Verdict | DiagnosisOutcome | null): string {
  return v ? (VERDICT_LABELS[v]?.title ?? v) : '–';
}

/** A few words per probe outcome, for tables. */
export const OUTCOME_WORDS: Record<Outcome, string> = {
  ok: 'ok',
  dns: 'DNS failed',
  refused: 'connection refused',
  reset: 'connection reset',
  unreachable: 'unreachable',
  'timeout-connect': 'connect timed out',
  'timeout-headers': 'no answer in time',
  'timeout-body': 'body stalled',
  'timeout-deadline': 'too slow overall',
  'tls-cert': 'bad certificate',
  'tls-handshake': 'TLS failed',
  'too-many-redirects': 'redirect loop',
  'redirect-refused': 'redirect into the local network refused',
  'body-too-large': 'ok (large body)',
  proxy: 'proxy failed',
  'http-4xx': 'client error',
  'http-5xx': 'server error',
  challenge: 'bot challenge',
  error: 'error',
};
