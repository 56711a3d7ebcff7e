// The "Is it me?" local checks: which part of the user's own connection fails (DNS, a Wi-Fi sign-in
// page, IPv6, a proxy, certificate interception, the clock), as core/local observed it.

/**
 * The sub-causes of `local-network`, most specific first. `filter`: a web filter on the user's network
 * or at the provider answered with its block page (read from the probes' answers, not a check).
 */
export const LOCAL_CAUSES = [
  'captive-portal',
  'filter',
  'proxy',
  'interception',
  'clock',
  'dns',
  'ipv6',
  'offline',
] as const;

/** One sub-cause of `local-network`. */
export type LocalCause = (typeof LOCAL_CAUSES)[number];

/** The six local checks. */
export const LOCAL_CHECK_IDS = ['dns', 'families', 'captive', 'proxy', 'interception', 'clock'] as const;

/** One local check. */
export type LocalCheckId = (typeof LOCAL_CHECK_IDS)[number];

/**
 * What one check concluded: `ok` (that part works), `fault` (it found a local fault, named by `finding`),
 * `skipped` (nothing to test, e.g. no proxy is set), `inconclusive` (it could not tell).
 */
export type LocalCheckOutcome = 'ok' | 'fault' | 'skipped' | 'inconclusive';

/** The faults a check can find; each belongs to one sub-cause. */
export type LocalFinding =
  | 'dns-system-fails'
  | 'dns-bogus-answer'
  | 'dns-both-fail'
  | 'ipv6-broken'
  | 'captive-redirect'
  | 'captive-page'
  | 'proxy-refuses'
  | 'proxy-auth'
  | 'proxy-only'
  | 'untrusted-issuer'
  | 'issuer-differs'
  | 'clock-off';

/** The result of one check, with its timing, in the diagnosis evidence. */
export interface LocalCheckResult {
  check: LocalCheckId;
  /** ISO time the check started. */
  at: string;
  /** How long it took, ms. */
  ms: number;
  outcome: LocalCheckOutcome;
  /** The fault found, when `outcome` is `fault`. */
  finding: LocalFinding | null;
  /** One plain sentence saying what was observed (never a secret; remote text is cleaned). */
  detail: string;
  /** Network requests (HTTP requests, TCP connections, TLS handshakes) it made. */
  requests: number;
  /** Numbers and names the classifier's sentences use (host, skew seconds, proxy host…). */
  facts?: Record<string, string | number | null>;
}

/** The local checks of one diagnosis. */
export interface LocalEvidence {
  /** Why the checks ran ("the service failed", "you see an error", …). */
  reason: string;
  checks: LocalCheckResult[];
  /** Total requests of all checks (the politeness figure). */
  requests: number;
}
