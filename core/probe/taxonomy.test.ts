// Tests of the mapping from probe errors and HTTP statuses onto the outcome taxonomy.

import { describe, it, expect } from 'vitest';
import { ConnectPhaseError } from './connector';
import { classifyError, classifyStatus } from './taxonomy';
import type { FailureContext } from './taxonomy';
import { DEFAULT_PROBE_LIMITS } from './types';
import type { ProbePhase } from './types';

function ctx(phase: ProbePhase, deadlineHit = false): FailureContext {
  return {
    phase,
    deadlineHit,
    limits: DEFAULT_PROBE_LIMITS,
    target: 'api.test:443',
    proxy: 'proxy.test:3128',
  };
}

function errno(code: string, message = code): Error {
  return Object.assign(new Error(message), { code });
}

describe('classifyError', () => {
  it('maps the overall deadline by the phase it hit', () => {
    const reason = new Error('deadline');
    expect(classifyError(reason, ctx('headers', true)).outcome).toBe('timeout-headers');
    expect(classifyError(reason, ctx('body', true)).outcome).toBe('timeout-body');
    expect(classifyError(reason, ctx('idle', true)).outcome).toBe('timeout-deadline');
    const inConnect = new ConnectPhaseError('connect', 'aborted', reason, 5000);
    expect(classifyError(inConnect, ctx('connect', true)).outcome).toBe('timeout-connect');
    const inTls = new ConnectPhaseError('tls', 'aborted', reason, 5000);
    expect(classifyError(inTls, ctx('tls', true)).outcome).toBe('tls-handshake');
  });

  it('maps connect-phase failures', () => {
    const cases: [ConnectPhaseError, string][] = [
      [new ConnectPhaseError('dns', 'failed', errno('ENOTFOUND'), 1), 'dns'],
      [new ConnectPhaseError('dns', 'timeout', new Error('slow'), 1), 'dns'],
      [new ConnectPhaseError('connect', 'failed', errno('ECONNREFUSED'), 1), 'refused'],
      [new ConnectPhaseError('connect', 'failed', errno('ECONNRESET'), 1), 'reset'],
      [new ConnectPhaseError('connect', 'failed', errno('EHOSTUNREACH'), 1), 'unreachable'],
      [new ConnectPhaseError('connect', 'failed', errno('ENETUNREACH'), 1), 'unreachable'],
      [new ConnectPhaseError('connect', 'timeout', new Error('slow'), 1), 'timeout-connect'],
      [new ConnectPhaseError('tls', 'failed', errno('DEPTH_ZERO_SELF_SIGNED_CERT'), 1), 'tls-cert'],
      [new ConnectPhaseError('tls', 'failed', errno('CERT_HAS_EXPIRED'), 1), 'tls-cert'],
      [new ConnectPhaseError('tls', 'failed', errno('ERR_TLS_CERT_ALTNAME_INVALID'), 1), 'tls-cert'],
      [new ConnectPhaseError('tls', 'failed', errno('ERR_SSL_WRONG_VERSION_NUMBER'), 1), 'tls-handshake'],
      [new ConnectPhaseError('tls', 'failed', errno('ECONNRESET'), 1), 'tls-handshake'],
      [new ConnectPhaseError('proxy', 'failed', errno('ECONNREFUSED'), 1), 'proxy'],
      [
        new ConnectPhaseError(
          'proxy',
          'failed',
          new Error('Proxy response (403) !== 200 when HTTP Tunneling'),
          1,
        ),
        'proxy',
      ],
    ];
    for (const [err, outcome] of cases)
      expect(classifyError(err, ctx(err.phase)).outcome, err.message).toBe(outcome);
  });

  it('maps request-phase failures', () => {
    expect(classifyError(errno('UND_ERR_HEADERS_TIMEOUT'), ctx('headers')).outcome).toBe('timeout-headers');
    expect(classifyError(errno('UND_ERR_BODY_TIMEOUT'), ctx('body')).outcome).toBe('timeout-body');
    expect(classifyError(errno('UND_ERR_SOCKET', 'other side closed'), ctx('body')).outcome).toBe('reset');
    expect(classifyError(errno('ECONNRESET'), ctx('headers')).outcome).toBe('reset');
    expect(classifyError(errno('HPE_INVALID_CONSTANT'), ctx('headers')).outcome).toBe('error');
    expect(classifyError(new Error('strange'), ctx('headers')).outcome).toBe('error');
    expect(classifyError('not even an error', ctx('idle')).outcome).toBe('error');
  });

  it('calls a caller abort a cancellation, not a timeout', () => {
    const err = new ConnectPhaseError('connect', 'aborted', new Error('stop'), 1);
    expect(classifyError(err, ctx('connect'))).toEqual({ outcome: 'error', error: 'probe cancelled' });
  });

  it('writes one line that names the proxy by host only', () => {
    const err = new ConnectPhaseError('proxy', 'failed', errno('ECONNREFUSED', 'a\nb'), 1);
    const { error } = classifyError(err, ctx('proxy'));
    expect(error).toBe('proxy proxy.test:3128 refused the connection');
  });
});

describe('classifyStatus', () => {
  it('sorts statuses into ok, 4xx and 5xx with the retry-after hint', () => {
    expect(classifyStatus(200, {}, '')).toEqual({ outcome: 'ok' });
    expect(classifyStatus(304, {}, '')).toEqual({ outcome: 'ok' });
    expect(classifyStatus(401, {}, '')).toEqual({ outcome: 'http-4xx', error: 'HTTP 401 Unauthorized' });
    expect(classifyStatus(503, { 'retry-after': '30' }, '')).toEqual({
      outcome: 'http-5xx',
      error: 'HTTP 503 Service Unavailable (retry-after: 30)',
    });
    expect(classifyStatus(522, {}, '').outcome).toBe('http-5xx');
  });

  it('puts a challenge before the status class', () => {
    expect(classifyStatus(403, { 'cf-mitigated': 'challenge' }, '').outcome).toBe('challenge');
  });
});
