// Tests of the kept response headers and of the probe's credential redactor.

import { describe, it, expect } from 'vitest';
import { pickHeaders } from './headers';
import { makeRedactor } from './redact';

describe('pickHeaders', () => {
  it('keeps the headers that matter and version-ish ones, drops the rest', () => {
    const kept = pickHeaders({
      Server: 'cloudflare',
      'cf-ray': '8f-AMS',
      'retry-after': '120',
      'set-cookie': ['a=1', 'b=2'],
      'x-app-version': '2.3.4',
      'x-build-id': 'b77',
      'x-git-commit': 'abc123',
      'x-release': 'r9',
      'x-revision': '12',
      'content-length': '10',
      etag: ['"a"', '"b"'],
    });
    expect(kept).toEqual({
      server: 'cloudflare',
      'cf-ray': '8f-AMS',
      'retry-after': '120',
      'x-app-version': '2.3.4',
      'x-build-id': 'b77',
      'x-git-commit': 'abc123',
      'x-release': 'r9',
      'x-revision': '12',
      etag: '"a", "b"',
    });
  });

  it('keeps the headers the recognisers read (who answered), by name and by prefix', () => {
    const kept = pickHeaders({
      via: '1.1 google',
      'x-cache': 'Error from cloudfront',
      'x-amzn-errortype': 'ForbiddenException',
      'x-amz-request-id': '9A0D',
      'x-ms-error-code': 'PublicAccessNotPermitted',
      'x-goog-generation': '1',
      'x-vercel-error': 'FUNCTION_INVOCATION_FAILED',
      'x-nf-request-id': '01H',
      'www-authenticate': 'Token',
      'x-powered-by': 'Express',
      'x-frame-options': 'DENY',
    });
    expect(Object.keys(kept).sort()).toEqual(
      [
        'via',
        'x-cache',
        'x-amzn-errortype',
        'x-amz-request-id',
        'x-ms-error-code',
        'x-goog-generation',
        'x-vercel-error',
        'x-nf-request-id',
        'www-authenticate',
        'x-powered-by',
      ].sort(),
    );
  });

  it('bounds and redacts values', () => {
    const kept = pickHeaders(
      { server: 'x'.repeat(5000), location: '/next?t=SECRET-TOKEN' },
      makeRedactor('Token SECRET-TOKEN'),
    );
    expect(kept.server).toHaveLength(1024);
    expect(kept.location).toBe('/next?t=[redacted]');
  });
});

describe('makeRedactor', () => {
  it('masks the whole header value and the bare credential', () => {
    const redact = makeRedactor('Token abcdef0123456789');
    expect(redact('sent Token abcdef0123456789 and abcdef0123456789')).toBe('sent [redacted] and [redacted]');
  });

  it('leaves text alone without a credential', () => {
    expect(makeRedactor(undefined)('Token abc')).toBe('Token abc');
  });
});
