// What one HTTP probe observed: phase timings, status, the headers that matter, and the
// outcome in the fixed failure taxonomy every later stage (state, classifier, UI) speaks.

/**
 * Which network path a probe took. `anonymous`: an endpoint that needs the token, probed directly
 * without it, to compare with the same request made with it (its 401/403 is the expected answer).
 */
export type ProbePath = 'direct' | 'alternate' | 'control' | 'anonymous';

/**
 * The fixed outcome taxonomy. `ok` and `body-too-large` mean the server answered normally
 * (see {@link isReachable}); everything else is a failure of one kind.
 */
export const OUTCOMES = [
  'ok',
  'dns',
  'refused',
  'reset',
  'unreachable',
  'timeout-connect',
  'timeout-headers',
  'timeout-body',
  'timeout-deadline',
  'tls-cert',
  'tls-handshake',
  'too-many-redirects',
  'body-too-large',
  'proxy',
  'http-4xx',
  'http-5xx',
  'challenge',
  'error',
  // Appended, not inserted: the sample store keeps outcomes by their place in this list.
  'redirect-refused',
] as const;

/** One entry of the outcome taxonomy. */
export type Outcome = (typeof OUTCOMES)[number];

/** Outcomes that say nothing reached the server at the transport level (the network, not the service). */
export const TRANSPORT_OUTCOMES: readonly Outcome[] = [
  'dns',
  'refused',
  'reset',
  'unreachable',
  'timeout-connect',
  'timeout-headers',
  'timeout-body',
  'timeout-deadline',
  'tls-cert',
  'tls-handshake',
  'proxy',
  'error',
];

/** True when the server answered with a usable (non-error) response. */
export function isReachable(outcome: Outcome): boolean {
  return outcome === 'ok' || outcome === 'body-too-large';
}

/** True when the outcome counts as a failure of the watched service (not a challenge we could not see past). */
export function isFailure(outcome: Outcome): boolean {
  return !isReachable(outcome) && outcome !== 'challenge';
}

/**
 * Each phase's own duration in milliseconds; `null` where the phase did not happen
 * (reused connection, plain HTTP has no TLS, failure before the phase).
 */
export interface ProbeTimings {
  dns: number | null;
  connect: number | null;
  tls: number | null;
  /** From the request being sent (after TLS) to the first response byte. */
  firstByte: number | null;
  /** From start to the last body byte read (or to the failure). */
  total: number;
}

/** Everything one probe recorded. */
export interface ProbeResult {
  /** Endpoint name from the config (`site` for the target's site page, the control's host for controls). */
  name: string;
  url: string;
  path: ProbePath;
  /** Whether the request carried the user's token. */
  auth: boolean;
  /** A remark on how the probe was run, e.g. that the token was withheld from this address. */
  note?: string;
  /** ISO-8601 start time. */
  at: string;
  /** Final HTTP status, or null when no response arrived. */
  status: number | null;
  /**
   * The reason phrase of the final status line, cleaned and capped, when it says more than the standard
   * phrase for the status (a classic AWS ELB's `GATEWAY_TIMEOUT`); absent otherwise.
   */
  reason?: string;
  outcome: Outcome;
  /** One-line human-readable reason for a failure (never contains a secret). */
  error?: string;
  timings: ProbeTimings;
  /** Only the headers that matter, lower-cased names (server, cf-ray, retry-after, etag, version-ish…). */
  headers: Record<string, string>;
  /** Start of the body as text, at most 64 KiB. */
  body: string;
  /** Bytes of body actually read (may be less than the full body). */
  bodyBytes: number;
  remoteAddress: string | null;
  /** Redirects followed. */
  redirects: number;
  /** URL after redirects. */
  finalUrl: string;
}

/** A probe not sent because its endpoint's Retry-After has not run out yet. */
export interface HeldProbe {
  name: string;
  path: ProbePath;
  /** Not asked again before this time (ISO-8601). */
  until: string;
  /** Why, in plain words ("it answered 429 with Retry-After: 120"). */
  reason: string;
}
