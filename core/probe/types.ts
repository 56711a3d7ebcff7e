// What a caller asks of one HTTP probe, and the hard limits every probe runs under.

import type { ProbePath } from '../../shared/types/probe';
import type { ConfiguredRange } from './local-redirect';

/** Hard limits of one probe; every one is enforced, none can be disabled. */
export interface ProbeLimits {
  /** TCP (and TLS) connect timeout, ms. */
  connectMs: number;
  /** Time allowed from request sent to response headers, ms. */
  headersMs: number;
  /** Max idle time between body chunks, ms. */
  bodyMs: number;
  /** Overall deadline for the whole probe including redirects, ms. */
  deadlineMs: number;
  /** Redirects followed at most. */
  maxRedirects: number;
  /** Body bytes kept as text. */
  keepBytes: number;
  /** Body bytes read (and discarded past keepBytes) before giving up with `body-too-large`. */
  maxBodyBytes: number;
}

/** Defaults: short enough that a hung service never stalls a round, long enough for a slow one. */
export const DEFAULT_PROBE_LIMITS: ProbeLimits = {
  connectMs: 5_000,
  headersMs: 10_000,
  bodyMs: 5_000,
  deadlineMs: 15_000,
  maxRedirects: 5,
  keepBytes: 64 * 1024,
  maxBodyBytes: 4 * 1024 * 1024,
};

/** One probe to run. */
export interface ProbeRequest {
  name: string;
  url: string;
  path: ProbePath;
  /** Value of the Authorization header (e.g. `Token abc…`); never logged or echoed. */
  authorization?: string;
  /** A remark on how the probe was run (e.g. the token was withheld); the round copies it onto the result. */
  note?: string;
  /** Extra request headers. */
  headers?: Record<string, string>;
  /**
   * Send through this HTTP proxy (the alternate path). Overrides the environment's proxy;
   * null or absent lets the environment decide (see `useEnvProxy`).
   */
  proxy?: string | null;
  /** Honour HTTPS_PROXY/HTTP_PROXY/NO_PROXY like curl (default true). */
  useEnvProxy?: boolean;
  /** Environment to read proxy variables from (default process.env); tests pass their own. */
  env?: Record<string, string | undefined>;
  /** Trust these extra CA certificates (PEM) — for tests against local TLS servers. */
  ca?: string | string[];
  /**
   * The OS trust store's roots (PEM), trusted beside Node's bundled ones. Default: read from the OS
   * where this Node can (core/probe/trust.ts); tests pass a stand-in list.
   */
  systemCa?: readonly string[];
  limits?: Partial<ProbeLimits>;
  signal?: AbortSignal;
  /** Resolve host names with this instead of the system resolver (tests inject failures here). */
  lookup?: LookupFn;
  /**
   * The range the configured URL's address is in, for the redirect policy (core/probe/local-redirect.ts).
   * Default: found from the first connection. Tests pass `public` to make a loopback target's
   * redirects into loopback count as leaving for the local network.
   */
  configuredRange?: ConfiguredRange;
}

/** Resolves one host name to one address, like `dns.promises.lookup(host)`; rejects with an errno-style error. */
export type LookupFn = (hostname: string) => Promise<{ address: string; family: number }>;

/**
 * Where a probe is at a given moment; a failure or a deadline is classified by the phase it hit.
 * `proxy` is the connection to the proxy and its CONNECT tunnel; `idle` is between redirect hops.
 */
export type ProbePhase = 'idle' | 'dns' | 'connect' | 'proxy' | 'tls' | 'headers' | 'body';
