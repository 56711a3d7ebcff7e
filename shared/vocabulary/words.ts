// The app's one vocabulary for what it concludes: how each verdict, health state and probe outcome is
// named, in every place that names one (CLI, report, tray, notifications, window). Addressed to the
// person using the app ("your connection"), written in our own words. A change here shows in one diff
// (shared/vocabulary/words.test.ts lists every phrase).

import type { DiagnosisOutcome, Verdict } from '../types/diagnosis';
import type { Outcome } from '../types/probe';
import { modelShare } from './share';

/** The ways one verdict is named. */
export interface VerdictWords {
  /** A heading or table cell: "Bad update". */
  title: string;
  /** What it means, in one line: "a recent release broke something". */
  meaning: string;
  /** After "likely": "a bad update". */
  short: string;
  /** After "because of": "a bad update they just shipped". */
  phrase: string;
}

/** Every verdict's words. */
export const VERDICT_WORDS: Record<Verdict, VerdictWords> = {
  overload: {
    title: 'Overload',
    meaning: 'the servers are overwhelmed by traffic',
    short: 'overload',
    phrase: 'too much traffic on their servers',
  },
  'bad-update': {
    title: 'Bad update',
    meaning: 'a recent release broke something',
    short: 'a bad update',
    phrase: 'a bad update they just shipped',
  },
  account: {
    title: 'Account or session',
    meaning: 'something tied to your account or login session',
    short: 'an account problem',
    phrase: 'a problem tied to your account or login session',
  },
  regional: {
    title: 'Regional outage',
    meaning: 'a fault in one region or on one network path',
    short: 'a regional problem',
    phrase: 'an outage in the region or network path that serves you',
  },
  maintenance: {
    title: 'Maintenance',
    meaning: 'planned downtime',
    short: 'maintenance',
    phrase: 'planned maintenance',
  },
  extensions: {
    title: 'Browser extension',
    meaning: 'a browser extension on your computer is interfering',
    short: 'a browser extension',
    phrase: 'a browser extension interfering with the site',
  },
  permissions: {
    title: 'Server permissions',
    meaning: "the service's own access settings are wrong",
    short: 'a server permissions mistake',
    phrase: 'a permissions mistake on their servers',
  },
  'local-network': {
    title: 'Your own connection',
    meaning: 'something between this computer and the internet fails, not the service',
    short: 'your own connection',
    phrase: 'your own network connection',
  },
  healthy: {
    title: 'Working normally',
    meaning: 'nothing wrong in what was checked',
    short: 'no problem found',
    phrase: 'nothing — it works',
  },
  unknown: {
    title: 'Unknown',
    meaning: 'the evidence cannot separate the leading causes',
    short: 'cause unclear',
    phrase: 'something we cannot pin down yet',
  },
};

/** The title of a verdict or outcome ("–" for none). */
export function verdictTitle(v: Verdict | DiagnosisOutcome | null): string {
  return v ? (VERDICT_WORDS[v]?.title ?? v) : '–';
}

/** The ways one probe outcome is named. */
export interface ProbeOutcomeWords {
  /** A table cell: "connect timed out". */
  short: string;
  /** A sentence part: "timed out connecting". */
  long: string;
}

/** Every probe outcome's words. */
export const PROBE_OUTCOME_WORDS: Record<Outcome, ProbeOutcomeWords> = {
  ok: { short: 'ok', long: 'answered normally' },
  dns: { short: 'DNS failed', long: 'name lookup failed' },
  refused: { short: 'connection refused', long: 'connection refused' },
  reset: { short: 'connection reset', long: 'connection reset' },
  unreachable: { short: 'unreachable', long: 'host unreachable' },
  'timeout-connect': { short: 'connect timed out', long: 'timed out connecting' },
  'timeout-headers': { short: 'no answer in time', long: 'timed out waiting for an answer' },
  'timeout-body': { short: 'body stalled', long: 'timed out reading the answer' },
  'timeout-deadline': { short: 'too slow overall', long: 'took too long overall' },
  'tls-cert': { short: 'bad certificate', long: 'certificate problem' },
  'tls-handshake': { short: 'TLS failed', long: 'secure connection failed' },
  'too-many-redirects': { short: 'redirect loop', long: 'too many redirects' },
  'redirect-refused': { short: 'redirect refused', long: 'redirect into the local network refused' },
  'body-too-large': { short: 'ok (large body)', long: 'answered (very large page)' },
  proxy: { short: 'proxy failed', long: 'proxy failed' },
  'http-4xx': { short: 'client error', long: 'refused the request (4xx)' },
  'http-5xx': { short: 'server error', long: 'server error (5xx)' },
  challenge: { short: 'bot challenge', long: 'bot check shown (could not look past it)' },
  error: { short: 'error', long: 'failed' },
};

/** "likely overload (82% of the model's weight)" or "cause unclear"; null when there is no cause to tell. */
export function causePhrase(cause: Verdict | null, confidence: number | null): string | null {
  if (cause === null || cause === 'healthy') return null;
  if (cause === 'unknown') return VERDICT_WORDS.unknown.short;
  const pct = confidence === null ? '' : ` (${modelShare(confidence)})`;
  return `likely ${VERDICT_WORDS[cause].short}${pct}`;
}
