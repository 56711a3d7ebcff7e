// What every local check shares: the one small interface each check satisfies, what a check may look
// at (the target, the controls, the DoH resolvers, the window's rounds), and small helpers.

import { cleanText } from '../../shared/text/sanitize';
import type { ResolvedTarget } from '../../shared/types/config';
import type { LocalCheckId, LocalCheckOutcome, LocalFinding } from '../../shared/types/local';
import type { Round } from '../../shared/types/monitor';
import type { ProbeResult } from '../../shared/types/probe';
import type { ProbeFn } from '../monitor/round';
import type { SystemResolver } from './resolver';

/** Everything a check may use. Checks only contact the target's hosts, the controls and the DoH resolvers. */
export interface LocalContext {
  target: ResolvedTarget;
  controls: string[];
  dohResolvers: string[];
  /** The alternate path's proxy, or null. */
  alternateProxy: string | null;
  /** The rounds of the diagnosis, oldest first (checks reuse their answers instead of asking again). */
  rounds: Round[];
  /** Environment for HTTPS_PROXY/HTTP_PROXY/NO_PROXY (the app puts the system proxy there). */
  env: Record<string, string | undefined>;
  resolver: SystemResolver;
  /** Extra trusted CA certificates (PEM), as the probes use them. */
  ca?: string[];
  /** The OS trust store's roots (PEM); default: read from the OS where this Node can (core/probe/trust.ts). */
  systemCa?: readonly string[];
  /** The probe function (for the one direct request of the proxy check). */
  probe: ProbeFn;
  /** The local wall clock. */
  now: () => Date;
  /** Deadline of one check, ms. */
  deadlineMs: number;
  signal: AbortSignal;
}

/** What a check returns; the collector adds the check's id, start time and duration. */
export interface CheckVerdict {
  outcome: LocalCheckOutcome;
  finding: LocalFinding | null;
  detail: string;
  requests: number;
  facts?: Record<string, string | number | null>;
}

/** One local check. */
export interface LocalCheck {
  id: LocalCheckId;
  run(context: LocalContext): Promise<CheckVerdict>;
}

/** A verdict without a fault. */
export function verdict(
  outcome: Exclude<LocalCheckOutcome, 'fault'>,
  detail: string,
  requests = 0,
  facts?: Record<string, string | number | null>,
): CheckVerdict {
  return { outcome, finding: null, detail, requests, ...(facts ? { facts } : {}) };
}

/** A verdict naming a fault. */
export function fault(
  finding: LocalFinding,
  detail: string,
  requests: number,
  facts?: Record<string, string | number | null>,
): CheckVerdict {
  return { outcome: 'fault', finding, detail, requests, ...(facts ? { facts } : {}) };
}

/** The newest probe results of the window (the last round's). */
export function newestProbes(context: LocalContext): ProbeResult[] {
  return context.rounds.at(-1)?.probes ?? [];
}

/** The host names of the target (site first, then endpoints), without duplicates. */
export function targetHosts(target: ResolvedTarget): string[] {
  const hosts: string[] = [];
  for (const url of [target.site, ...target.endpoints.map((e) => e.url)]) {
    const host = hostOf(url);
    if (host && !hosts.includes(host)) hosts.push(host);
  }
  return hosts;
}

/** The host name of a URL (no brackets around IPv6), or null. */
export function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');
  } catch {
    return null;
  }
}

/** `host:port` of a URL (a "site" for the checks: two servers on one loopback address are two sites), or null. */
export function siteOf(url: string): string | null {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || (u.protocol === 'https:' ? '443' : '80')}`;
  } catch {
    return null;
  }
}

/** An error's code (ENOTFOUND, ECONNREFUSED…) or its first line. */
export function errorWord(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code) return code;
  const message = err instanceof Error ? err.message : String(err);
  return cleanText(message.split('\n')[0] ?? message, 100);
}
