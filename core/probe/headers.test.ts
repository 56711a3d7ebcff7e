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
