// Tests of curl-style proxy selection from HTTPS_PROXY/HTTP_PROXY/ALL_PROXY and NO_PROXY.

import { describe, it, expect } from 'vitest';
import { isNoProxy, proxyFor } from './env-proxy';

describe('proxyFor', () => {
  it('uses https_proxy for https URLs and http_proxy for http URLs', () => {
    const env = { https_proxy: 'http://secure:1', http_proxy: 'http://plain:2' };
    expect(proxyFor('https://example.com/', env)).toBe('http://secure:1');
    expect(proxyFor('http://example.com/', env)).toBe('http://plain:2');
  });

  it('reads upper-case names too, lower case winning', () => {
    expect(proxyFor('https://a.test/', { HTTPS_PROXY: 'http://upper:1' })).toBe('http://upper:1');
    expect(proxyFor('http://a.test/', { HTTP_PROXY: 'http://upper:2' })).toBe('http://upper:2');
    expect(
      proxyFor('https://a.test/', { HTTPS_PROXY: 'http://upper:1', https_proxy: 'http://lower:1' }),
    ).toBe('http://lower:1');
  });

  it('does not use the http proxy for https URLs, but falls back to ALL_PROXY', () => {
    expect(proxyFor('https://a.test/', { http_proxy: 'http://plain:2' })).toBeNull();
    expect(proxyFor('https://a.test/', { ALL_PROXY: 'http://all:3' })).toBe('http://all:3');
  });

  it('adds http:// to a proxy given without scheme, like curl', () => {
    expect(proxyFor('https://a.test/', { https_proxy: 'corp-proxy:3128' })).toBe('http://corp-proxy:3128');
  });

  it('ignores empty values and bad URLs', () => {
    expect(proxyFor('https://a.test/', { https_proxy: '  ' })).toBeNull();
    expect(proxyFor('not a url', { https_proxy: 'http://p:1' })).toBeNull();
    expect(proxyFor('ftp://a.test/', { all_proxy: 'http://p:1' })).toBeNull();
  });

  it('honours NO_PROXY', () => {
    const env = { HTTPS_PROXY: 'http://p:1', NO_PROXY: 'internal.corp, .example.com,localhost:8443' };
    expect(proxyFor('https://internal.corp/', env)).toBeNull();
    expect(proxyFor('https://api.internal.corp/', env)).toBeNull();
    expect(proxyFor('https://www.example.com/', env)).toBeNull();
    expect(proxyFor('https://example.com/', env)).toBeNull();
    expect(proxyFor('https://localhost:8443/', env)).toBeNull();
    expect(proxyFor('https://localhost/', env)).toBe('http://p:1');
    expect(proxyFor('https://character.ai/', env)).toBe('http://p:1');
  });
});

describe('isNoProxy', () => {
  it('matches everything with *', () => {
    expect(isNoProxy('anything.test', 443, '*')).toBe(true);
  });

  it('matches domains and subdomains, not look-alikes', () => {
    expect(isNoProxy('example.com', 443, 'example.com')).toBe(true);
    expect(isNoProxy('a.b.example.com', 443, 'example.com')).toBe(true);
    expect(isNoProxy('badexample.com', 443, 'example.com')).toBe(false);
    expect(isNoProxy('badexample.com', 443, '.example.com')).toBe(false);
    expect(isNoProxy('www.example.com', 443, '*.example.com')).toBe(true);
  });

  it('is case-insensitive and ignores a trailing dot', () => {
    expect(isNoProxy('WWW.Example.COM', 443, 'example.com')).toBe(true);
    expect(isNoProxy('www.example.com.', 443, 'EXAMPLE.com')).toBe(true);
  });

  it('respects host:port entries', () => {
    expect(isNoProxy('localhost', 8080, 'localhost:8080')).toBe(true);
    expect(isNoProxy('localhost', 443, 'localhost:8080')).toBe(false);
  });

  it('matches IP addresses, including bracketed IPv6', () => {
    expect(isNoProxy('127.0.0.1', 80, '127.0.0.1')).toBe(true);
    expect(isNoProxy('[::1]', 80, '::1')).toBe(true);
    expect(isNoProxy('::1', 8080, '[::1]:8080')).toBe(true);
    expect(isNoProxy('10.0.0.1', 80, '127.0.0.1')).toBe(false);
  });

  it('accepts space-separated lists and skips empty entries', () => {
    expect(isNoProxy('b.test', 80, 'a.test ,, b.test')).toBe(true);
    expect(isNoProxy('c.test', 80, ' , ')).toBe(false);
    expect(isNoProxy('c.test', 80, undefined)).toBe(false);
  });
});
