// The model itself: prior odds of the nine outcomes and, for each named feature, how many times
// more (or less) likely that feature is under each outcome. Naive Bayes in log space, tempered.

import { DIAGNOSIS_OUTCOMES, type DiagnosisOutcome } from '../types/diagnosis';
import type { FeatureId } from './feature-ids';

/**
 * Prior probability of each outcome before any evidence. The seven causes follow the seed article's
 * order of frequency (overload most common, permissions rarest); "healthy" is common because most of
 * the time nothing is wrong, and the user's own network sits in between.
 */
export const PRIORS: Record<DiagnosisOutcome, number> = {
  overload: 0.22,
  'bad-update': 0.14,
  account: 0.11,
  regional: 0.08,
  maintenance: 0.07,
  extensions: 0.06,
  permissions: 0.03,
  'local-network': 0.09,
  healthy: 0.2,
};

/** Likelihood ratios: how much more likely a feature is under an outcome than on average (1 = no effect). */
export type LikelihoodRow = Partial<Record<DiagnosisOutcome, number>>;

/** The likelihood table, one row per feature. Outcomes left out of a row are unaffected by the feature. */
export const LIKELIHOODS: Record<FeatureId, LikelihoodRow> = {
  'no-failures': {
    healthy: 6,
    overload: 0.1,
    'bad-update': 0.05,
    account: 0.3,
    regional: 0.1,
    maintenance: 0.05,
    permissions: 0.05,
    'local-network': 0.02,
  },
  'failures-present': { healthy: 0.02, extensions: 0.1 },
  'isolated-failure': {
    healthy: 2,
    overload: 0.5,
    'bad-update': 0.2,
    account: 0.3,
    regional: 0.3,
    maintenance: 0.2,
    permissions: 0.2,
    'local-network': 0.5,
    extensions: 0.3,
  },
  'overload-codes': {
    overload: 5,
    maintenance: 2.5,
    regional: 1.5,
    'bad-update': 0.5,
    account: 0.5,
    permissions: 0.2,
  },
  'cloudflare-origin-error': {
    overload: 4,
    regional: 2,
    'bad-update': 0.7,
    account: 0.3,
    permissions: 0.2,
  },
  'waiting-room': { overload: 20, maintenance: 1.5, 'bad-update': 0.5, account: 0.5, permissions: 0.3 },
  'latency-rise': { overload: 3, regional: 1.5, 'local-network': 1.5, healthy: 0.6 },
  intermittent: {
    overload: 3,
    regional: 1.5,
    'local-network': 1.2,
    'bad-update': 0.4,
    maintenance: 0.4,
    account: 0.6,
    permissions: 0.2,
  },
  consistent: {
    'bad-update': 2,
    maintenance: 2,
    permissions: 2,
    account: 1.5,
    regional: 1.2,
    overload: 0.6,
  },
  'retry-after': { overload: 2, maintenance: 3 },
  'status-incident': {
    overload: 4,
    'bad-update': 2,
    regional: 2,
    permissions: 1,
    maintenance: 0.8,
    account: 0.5,
    extensions: 0.3,
    'local-network': 0.3,
    healthy: 0.3,
  },
  'status-operational': {
    healthy: 1.5,
    'local-network': 1.5,
    extensions: 1.5,
    account: 1.5,
    overload: 0.5,
    maintenance: 0.4,
    regional: 0.8,
    'bad-update': 0.7,
  },
  'status-maintenance': {
    maintenance: 30,
    overload: 0.5,
    'bad-update': 0.5,
    account: 0.5,
    regional: 0.5,
    permissions: 0.5,
    extensions: 0.5,
    healthy: 0.5,
  },
  'status-maintenance-upcoming': { maintenance: 0.7 },
  'region-components-down': { regional: 20, overload: 0.8, 'local-network': 0.5 },
  'maintenance-wording': { maintenance: 15, overload: 0.5, 'bad-update': 0.5 },
  'fingerprint-changed-before-errors': {
    'bad-update': 12,
    overload: 1,
    account: 0.7,
    regional: 0.7,
    permissions: 0.7,
    'local-network': 0.5,
  },
  'fingerprint-changed-no-errors': { 'bad-update': 0.7 },
  'fingerprint-stable': { 'bad-update': 0.4 },
  // Shown for honesty, weighed as nothing (a ratio of 1 for every outcome).
  'fingerprint-changed-unseen': {},
  // Strong enough that consistent, fast, one-endpoint 500s together cannot lift bad-update to the lead.
  'no-release-seen': { 'bad-update': 0.02 },
  'fast-500s': { 'bad-update': 4, account: 1.2, permissions: 0.8, overload: 0.4, regional: 0.5 },
  'plain-500': { 'bad-update': 2, account: 1.5, overload: 1, permissions: 0.5, maintenance: 0.5 },
  'partial-endpoints': {
    'bad-update': 3,
    permissions: 1.5,
    overload: 0.6,
    regional: 0.8,
    maintenance: 0.6,
    'local-network': 0.2,
  },
  'auth-fails-anon-ok': {
    account: 30,
    'bad-update': 1,
    permissions: 0.5,
    overload: 0.3,
    regional: 0.3,
    maintenance: 0.3,
    'local-network': 0.2,
  },
  'auth-ok': { account: 0.1 },
  'token-rejected': {
    account: 15,
    'bad-update': 0.5,
    permissions: 0.5,
    overload: 0.3,
    regional: 0.3,
    maintenance: 0.3,
    'local-network': 0.2,
  },
  'token-only-server-error': { account: 3, permissions: 0.7, overload: 0.7, maintenance: 0.7 },
  'same-error-without-token': { account: 0.15 },
  'no-token': { account: 0.9 },
  csrf: { account: 5, permissions: 1.5 },
  'direct-fails-alternate-ok': {
    regional: 30,
    'local-network': 1.5,
    overload: 0.2,
    'bad-update': 0.1,
    account: 0.3,
    maintenance: 0.1,
    permissions: 0.1,
  },
  'both-paths-fail': { regional: 0.1 },
  'edge-differs': { regional: 2 },
  'no-alternate': { regional: 0.9 },
  'controls-fail': {
    'local-network': 40,
    healthy: 0.2,
    overload: 0.5,
    'bad-update': 0.5,
    regional: 0.5,
    maintenance: 0.5,
    account: 0.5,
    permissions: 0.5,
  },
  'controls-partial': { 'local-network': 2 },
  'controls-ok': { 'local-network': 0.03 },
  // A check of the user's own connection found the fault itself: local first, even beside a service fault.
  'local-fault': {
    'local-network': 400,
    healthy: 0.05,
    overload: 0.15,
    'bad-update': 0.15,
    account: 0.15,
    regional: 0.15,
    maintenance: 0.15,
    extensions: 0.15,
    permissions: 0.15,
  },
  'transport-only': {
    'local-network': 3,
    regional: 4,
    overload: 1,
    maintenance: 0.3,
    'bad-update': 0.2,
    account: 0.2,
    permissions: 0.1,
  },
  'dns-failures': { 'local-network': 3, regional: 1.5, overload: 0.3 },
  'server-answered': { 'local-network': 0.1 },
  'anon-denied': {
    permissions: 12,
    'bad-update': 0.6,
    account: 0.5,
    regional: 0.5,
    overload: 0.2,
    maintenance: 0.2,
  },
  'denied-all-paths': { permissions: 3, regional: 0.3 },
  'access-denied-body': { permissions: 8, account: 0.8 },
  challenge: { permissions: 0.7 },
  'symptom-clean': {
    extensions: 25,
    account: 3,
    'bad-update': 0.5,
    healthy: 0.1,
    overload: 0.5,
    regional: 0.5,
    maintenance: 0.3,
    permissions: 0.3,
  },
  'symptom-with-failures': { extensions: 0.3, healthy: 0.1 },
  'no-symptom': { extensions: 0.1 },
  'extension-suspects': { extensions: 4 },
  // A scan that read the browser profiles and found no extension touching the site is real evidence
  // against extensions (it can still miss a browser it does not read, so not a veto).
  'no-extension-suspects': { extensions: 0.1 },
  // What the recognisers named in the failing answers (core/evidence/recognise).
  'firewall-block': {
    permissions: 8,
    regional: 1.2,
    overload: 0.3,
    'bad-update': 0.3,
    account: 0.5,
    maintenance: 0.3,
    'local-network': 0.3,
  },
  // Blocked on one path only: the block is about where the request comes from.
  'firewall-one-path': { regional: 3, permissions: 0.5 },
  'geo-block': { regional: 15, permissions: 0.5, overload: 0.5, 'bad-update': 0.3, account: 0.5 },
  'rate-limited': {
    overload: 6,
    maintenance: 1.2,
    'bad-update': 0.3,
    permissions: 0.3,
    account: 0.6,
    regional: 0.7,
  },
  'origin-down': { overload: 2.5, regional: 1.2, 'bad-update': 0.7, account: 0.5, permissions: 0.4 },
  // A backend down on every request is not load (load comes and goes); the answer names no cause.
  'origin-dead': { overload: 0.3, regional: 1.2, account: 0.5, permissions: 0.5 },
  // Asked once each: between the two above, leaning to neither load nor a dead backend.
  'origin-fault-once': { overload: 0.9, regional: 1.2, 'bad-update': 0.85, account: 0.5, permissions: 0.45 },
  // The answer itself says the token was refused (DRF "Invalid token", a gateway's 401 type…).
  'token-refused-answer': { account: 6, permissions: 0.7, overload: 0.5, 'bad-update': 0.5 },
  // A crash page names the app, not the load; with no new version seen it is no bad update either
  // (strong enough that fast, consistent, one-endpoint 500s cannot lift bad-update to the lead).
  // The service's own error type says it is over capacity (Anthropic's overloaded_error, Gemini's 503 "The
  // model is overloaded"): the strongest sign of load there is.
  'overloaded-answer': {
    overload: 12,
    maintenance: 0.4,
    'bad-update': 0.3,
    account: 0.4,
    permissions: 0.2,
    regional: 0.5,
    'local-network': 0.3,
  },
  // The answer says this account's quota, credit or own rate limit is used up: the account, not the load.
  'quota-answer': {
    account: 15,
    overload: 0.3,
    maintenance: 0.3,
    'bad-update': 0.3,
    permissions: 0.3,
    regional: 0.3,
    'local-network': 0.3,
  },
  // A web filter's block page answered instead of the service: the user's network.
  'network-filter': {
    'local-network': 40,
    regional: 0.2,
    permissions: 0.2,
    overload: 0.3,
    'bad-update': 0.3,
    account: 0.3,
    maintenance: 0.3,
  },
  // A gateway gave up waiting for the servers behind it: they are slow or down; not a permission, not maintenance.
  'gateway-timeout': {
    overload: 1.3,
    regional: 1.2,
    maintenance: 0.4,
    permissions: 0.3,
    account: 0.6,
    'bad-update': 0.7,
  },
  // One part of the service fails on every path while the rest works: not a region.
  'fails-on-every-path': { regional: 0.05, 'local-network': 0.3, overload: 0.6, account: 0.6 },
  // Failures with no maintenance page, status item or Retry-After: "the same answer every time" is not maintenance.
  'no-maintenance-signal': { maintenance: 0.2 },
  'app-error-no-release': {
    'bad-update': 0.02,
    overload: 0.4,
    maintenance: 0.5,
    permissions: 0.5,
    account: 0.6,
    regional: 0.5,
  },
  // Other watched services answer from this machine at the same time: not the user's connection.
  // The same lift for every cause on the service's side: it moves weight off the user's side only.
  'peers-answer': {
    'local-network': 0.05,
    healthy: 0.5,
    extensions: 0.8,
    overload: 2,
    'bad-update': 2,
    account: 2,
    regional: 2,
    maintenance: 2,
    permissions: 2,
  },
  // Several services fail with one front vendor's own error pages while unrelated ones answer: the
  // vendor between the user and them (closest outcome: the route, not each service's own fault).
  'shared-vendor-failure': {
    regional: 4,
    overload: 1.2,
    maintenance: 0.4,
    'bad-update': 0.15,
    account: 0.15,
    permissions: 0.15,
    extensions: 0.2,
    'local-network': 0.1,
    healthy: 0.2,
  },
};

/**
 * Temperature applied to the summed evidence. Naive Bayes counts correlated features as if they were
 * independent and so grows overconfident; dividing the log-likelihood by T > 1 pulls the
 * probabilities back towards what the cases actually bear out (see bench/classifier.bench.ts).
 */
export const TEMPERATURE = 1.1;

/** The weight of one feature on one outcome: the natural log of its likelihood ratio (0 = no effect). */
export function weight(feature: FeatureId, outcome: DiagnosisOutcome): number {
  const lr = LIKELIHOODS[feature][outcome];
  return lr === undefined ? 0 : Math.log(lr);
}

/** Posterior probability of each outcome given the present features; the values sum to 1. */
export function posterior(features: readonly FeatureId[]): Record<DiagnosisOutcome, number> {
  const logs = DIAGNOSIS_OUTCOMES.map((o) => {
    let evidence = 0;
    for (const f of features) evidence += weight(f, o);
    return Math.log(PRIORS[o]) + evidence / TEMPERATURE;
  });
  const max = Math.max(...logs);
  const exps = logs.map((l) => Math.exp(l - max));
  const total = exps.reduce((a, b) => a + b, 0);
  const out = {} as Record<DiagnosisOutcome, number>;
  DIAGNOSIS_OUTCOMES.forEach((o, i) => (out[o] = (exps[i] ?? 0) / total));
  return out;
}
