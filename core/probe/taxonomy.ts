// Maps what went wrong in a probe (a thrown error plus the phase it hit, or an HTTP status) onto the
// fixed outcome taxonomy of shared/types/probe.ts, with a one-line message for people.

import { STATUS_CODES } from 'node:http';
import type { Outcome } from '../../shared/types/probe';
import { isChallenge } from './challenge';
import { ConnectPhaseError } from './connector';
import { LocalRedirectError } from './local-redirect';
import type { ProbeLimits, ProbePhase } from './types';

/** The probe's own headers or body-idle timer fired (undici's are only a coarse backstop). */
export class LimitTimeoutError extends Error {
  constructor(
    readonly limit: 'headers' | 'body',
    readonly ms: number,
  ) {
    super(`${limit} timeout of ${ms} ms`);
    this.name = 'LimitTimeoutError';
  }
}

/** An outcome with its one-line human reason. */
export interface Classified {
  outcome: Outcome;
  error: string;
}

/** What the probe knew when the failure happened. */
export interface FailureContext {
  /** The phase the probe was in. */
  phase: ProbePhase;
  /** True when the probe's overall deadline fired (rather than the caller aborting). */
  deadlineHit: boolean;
  limits: ProbeLimits;
  /** `host:port` of the server being contacted. */
  target: string;
  /** `host:port` of the proxy in use (never its credentials), or null. */
  proxy: string | null;
}

/** Certificate verification failures (Node/OpenSSL codes): the server is not who it claims to be. */
const CERT_CODES: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed certificate',
  SELF_SIGNED_CERT_IN_CHAIN: 'self-signed certificate in the chain',
  CERT_HAS_EXPIRED: 'certificate has expired',
  CERT_NOT_YET_VALID: 'certificate is not yet valid',
  ERR_TLS_CERT_ALTNAME_INVALID: 'certificate is for another host name',
  HOSTNAME_MISMATCH: 'certificate is for another host name',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'certificate issuer is not trusted',
  UNABLE_TO_GET_ISSUER_CERT: 'certificate issuer is not trusted',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'certificate issuer is not trusted',
  CERT_UNTRUSTED: 'certificate is not trusted',
  CERT_REJECTED: 'certificate was rejected',
  CERT_REVOKED: 'certificate has been revoked',
  CERT_SIGNATURE_FAILURE: 'certificate signature is invalid',
  INVALID_CA: 'certificate authority is invalid',
  INVALID_PURPOSE: 'certificate is not for a server',
  ERROR_IN_CERT_NOT_BEFORE_FIELD: 'certificate has an invalid validity date',
  ERROR_IN_CERT_NOT_AFTER_FIELD: 'certificate has an invalid validity date',
  CERT_CHAIN_TOO_LONG: 'certificate chain is too long',
  PATH_LENGTH_EXCEEDED: 'certificate chain is too long',
};

const RESET_CODES = new Set([
  'ECONNRESET',
  'EPIPE',
  'ECONNABORTED',
  'UND_ERR_SOCKET',
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
  'UND_ERR_CLOSED',
]);
const UNREACHABLE_CODES = new Set(['EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'EHOSTDOWN', 'EADDRNOTAVAIL']);
const DNS_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_FAIL',
  'EAI_NONAME',
  'ENODATA',
  'ESERVFAIL',
  'EAI_NODATA',
]);

/** The error code of an error or of its cause. */
function codeOf(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  return codeOf((err as { cause?: unknown }).cause);
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** One line, bounded length. */
export function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 300 ? `${flat.slice(0, 297)}...` : flat;
}

function result(outcome: Outcome, error: string): Classified {
  return { outcome, error: oneLine(error) };
}

/** What a deadline (or a phase timeout) hit in `phase` means. */
function timedOut(phase: ProbePhase, ctx: FailureContext, ms: number, what: string): Classified {
  switch (phase) {
    case 'dns':
      return result('dns', `DNS lookup for ${hostOf(ctx.target)} did not finish within ${what} of ${ms} ms`);
    case 'connect':
      return result('timeout-connect', `no TCP connection to ${ctx.target} within ${what} of ${ms} ms`);
    case 'proxy':
      return result('proxy', `proxy ${ctx.proxy ?? ''} did not open a tunnel within ${what} of ${ms} ms`);
    case 'tls':
      return result(
        'tls-handshake',
        `TLS handshake with ${ctx.target} did not complete within ${what} of ${ms} ms`,
      );
    case 'headers':
      return result('timeout-headers', `no response headers from ${ctx.target} within ${what} of ${ms} ms`);
    case 'body':
      return result(
        'timeout-body',
        `response body from ${ctx.target} still incomplete at ${what} of ${ms} ms`,
      );
    case 'idle':
      return result('timeout-deadline', `probe deadline of ${ctx.limits.deadlineMs} ms exceeded`);
  }
}

function hostOf(target: string): string {
  return target.replace(/:\d+$/, '');
}

/** Classifies a failure to connect (DNS, TCP, proxy or TLS) reported by our connectors. */
function classifyConnect(err: ConnectPhaseError, ctx: FailureContext): Classified {
  if (err.kind === 'aborted') {
    return ctx.deadlineHit
      ? timedOut(err.phase, ctx, ctx.limits.deadlineMs, 'the deadline')
      : result('error', 'probe cancelled');
  }
  if (err.kind === 'timeout') return timedOut(err.phase, ctx, err.limitMs, 'the connect timeout');
  const code = codeOf(err.reason);
  const detail = messageOf(err.reason);
  switch (err.phase) {
    case 'dns':
      return result('dns', `could not resolve ${hostOf(ctx.target)} (${code ?? detail})`);
    case 'proxy': {
      const status = /Proxy response \((\d+)\)/.exec(detail)?.[1];
      if (status)
        return result('proxy', `proxy ${ctx.proxy ?? ''} answered ${status} to CONNECT ${ctx.target}`);
      if (code === 'ECONNREFUSED') return result('proxy', `proxy ${ctx.proxy ?? ''} refused the connection`);
      return result('proxy', `proxy ${ctx.proxy ?? ''} failed: ${code ?? detail}`);
    }
    case 'tls':
      if (code && code in CERT_CODES) {
        return result('tls-cert', `TLS certificate of ${ctx.target} rejected: ${CERT_CODES[code]} (${code})`);
      }
      return result('tls-handshake', `TLS handshake with ${ctx.target} failed: ${code ?? detail}`);
    case 'connect':
      return classifyTransport(err.reason, ctx, 'connecting');
  }
}

/** Classifies socket-level errors by their code. */
function classifyTransport(err: unknown, ctx: FailureContext, while_: string): Classified {
  const code = codeOf(err) ?? '';
  if (code === 'ECONNREFUSED') return result('refused', `connection refused by ${ctx.target}`);
  if (RESET_CODES.has(code))
    return result('reset', `connection to ${ctx.target} reset while ${while_} (${code})`);
  if (UNREACHABLE_CODES.has(code)) return result('unreachable', `${ctx.target} is unreachable (${code})`);
  if (code === 'ETIMEDOUT')
    return result('timeout-connect', `connection to ${ctx.target} timed out (ETIMEDOUT)`);
  if (DNS_CODES.has(code)) return result('dns', `could not resolve ${hostOf(ctx.target)} (${code})`);
  if (code in CERT_CODES) {
    return result('tls-cert', `TLS certificate of ${ctx.target} rejected: ${CERT_CODES[code]} (${code})`);
  }
  if (code.startsWith('HPE_')) return result('error', `invalid HTTP response from ${ctx.target} (${code})`);
  return result('error', `${while_}: ${messageOf(err)}${code ? ` (${code})` : ''}`);
}

/** Maps any error thrown during a probe to its taxonomy entry, given the phase it happened in. */
export function classifyError(err: unknown, ctx: FailureContext): Classified {
  if (err instanceof ConnectPhaseError && err.reason instanceof LocalRedirectError)
    return result('redirect-refused', err.reason.message);
  if (err instanceof LocalRedirectError) return result('redirect-refused', err.message);
  if (err instanceof ConnectPhaseError) return classifyConnect(err, ctx);
  if (err instanceof LimitTimeoutError) {
    return err.limit === 'headers'
      ? result('timeout-headers', `no response headers from ${ctx.target} within ${err.ms} ms`)
      : result('timeout-body', `response body from ${ctx.target} idle for more than ${err.ms} ms`);
  }
  if (ctx.deadlineHit) return timedOut(ctx.phase, ctx, ctx.limits.deadlineMs, 'the deadline');
  const code = codeOf(err);
  if (code === 'UND_ERR_HEADERS_TIMEOUT') {
    return result(
      'timeout-headers',
      `no response headers from ${ctx.target} within ${ctx.limits.headersMs} ms`,
    );
  }
  if (code === 'UND_ERR_BODY_TIMEOUT') {
    return result(
      'timeout-body',
      `response body from ${ctx.target} idle for more than ${ctx.limits.bodyMs} ms`,
    );
  }
  if (code === 'UND_ERR_CONNECT_TIMEOUT') {
    return result('timeout-connect', `no connection to ${ctx.target} within ${ctx.limits.connectMs} ms`);
  }
  if (code === 'UND_ERR_ABORTED' || code === 'ABORT_ERR' || (err as Error | null)?.name === 'AbortError') {
    return result('error', 'probe cancelled');
  }
  const while_ =
    ctx.phase === 'body' ? 'reading the body' : ctx.phase === 'headers' ? 'waiting for headers' : 'probing';
  return classifyTransport(err, ctx, while_);
}

/**
 * The outcome of a response that arrived: a bot challenge, an HTTP error class, or `ok`.
 * `headers` has lower-cased names; `bodyStart` is the start of the body as text.
 */
export function classifyStatus(
  status: number,
  headers: Record<string, string>,
  bodyStart: string,
): { outcome: Outcome; error?: string } {
  const label = `HTTP ${status}${STATUS_CODES[status] ? ` ${STATUS_CODES[status]}` : ''}`;
  if (isChallenge(status, headers, bodyStart)) {
    return {
      outcome: 'challenge',
      error: `bot-protection challenge (${label}): the page itself could not be seen`,
    };
  }
  const retry = headers['retry-after']
    ? ` (retry-after: ${oneLine(headers['retry-after']).slice(0, 40)})`
    : '';
  if (status >= 500) return { outcome: 'http-5xx', error: `${label}${retry}` };
  if (status >= 400) return { outcome: 'http-4xx', error: `${label}${retry}` };
  return { outcome: 'ok' };
}
