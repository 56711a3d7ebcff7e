// Tests of secret redaction in text and in JSON-like values.

import { describe, it, expect } from 'vitest';
import { createRedactor, redactedLine, redactText, redactValue, REDACTED } from './redact';

const TOKEN = 'a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d0';

describe('redactText', () => {
  it('removes Authorization values in header dumps and JSON', () => {
    expect(redactText(`Authorization: Token ${TOKEN}`)).toBe(`Authorization: ${REDACTED}`);
    expect(redactText('proxy-authorization: Basic dXNlcjpwYXNz')).toBe(`proxy-authorization: ${REDACTED}`);
    const json = JSON.stringify({ authorization: 'Bearer xyz', other: 1 });
    expect(redactText(json)).toBe(`{"authorization":"${REDACTED}","other":1}`);
  });

  it('removes a credential after a scheme word but keeps prose readable', () => {
    expect(redactText(`sent Token ${TOKEN} to the API`)).toBe(`sent Token ${REDACTED} to the API`);
    expect(redactText('Bearer eyJhbGciOiJIUzI1NiJ9.e30.x')).toBe(`Bearer ${REDACTED}`);
    expect(redactText('Token configured for this target')).toBe('Token configured for this target');
  });

  it('removes tokens, keys and auth values from query strings', () => {
    expect(redactText('https://x.test/a?token=abc&b=1')).toBe(`https://x.test/a?token=${REDACTED}&b=1`);
    expect(redactText('https://x.test/a?b=1&api_key=k1&auth=zz')).toBe(
      `https://x.test/a?b=1&api_key=${REDACTED}&auth=${REDACTED}`,
    );
    expect(redactText('https://x.test/?access-token=q#x')).toBe(`https://x.test/?access-token=${REDACTED}#x`);
    expect(redactText('monkey=banana csrftoken=1')).toBe('monkey=banana csrftoken=1');
  });

  it('removes user:password in URLs', () => {
    expect(redactText('proxy http://bob:hunter2@127.0.0.1:8888 ok')).toBe(
      `proxy http://${REDACTED}@127.0.0.1:8888 ok`,
    );
  });

  it('removes cookies', () => {
    expect(redactText('Cookie: __cf_bm=abc; session=def')).toBe(`Cookie: ${REDACTED}`);
    expect(redactText('set-cookie: sid=1; Path=/')).toBe(`set-cookie: ${REDACTED}`);
  });

  it('removes any string equal to a known token, raw, URL-encoded or JSON-escaped', () => {
    const odd = 'to/k+en"x';
    const r = createRedactor([TOKEN, odd, null, 'ab']);
    expect(r(`body echoed ${TOKEN} back`)).toBe(`body echoed ${REDACTED} back`);
    expect(r(`url /p/${encodeURIComponent(odd)}/q`)).toBe(`url /p/${REDACTED}/q`);
    expect(r(JSON.stringify({ v: `x${odd}` }))).toBe(`{"v":"x${REDACTED}"}`);
    // very short "secrets" are ignored rather than redacting ordinary words
    expect(r('ab cd')).toBe('ab cd');
  });

  it('removes a known token however it is escaped: any-case percent, JSON \\/ and \\u, HTML entities', () => {
    const token = 'ab12/cd34+ef56=gh78';
    const r = createRedactor([token]);
    for (const spelled of [
      'ab12%2fcd34%2bef56%3dgh78',
      'ab12%2Fcd34+ef56=gh78',
      'ab12\\/cd34+ef56=gh78',
      'ab12\\u002fcd34\\u002Bef56=gh78',
      'ab12&#x2F;cd34&#43;ef56&equals;gh78',
      'ab12&#47cd34+ef56=gh78',
      'ab12&sol;cd34&plus;ef56=gh78',
      '%61%62%31%32/cd34+ef56=gh78',
    ])
      expect(r(`<p>echo ${spelled}!</p>`)).toBe(`<p>echo ${REDACTED}!</p>`);
    // Decoding is only for comparing: other escapes in the text stay as they were.
    expect(r('a%2fb &amp; c\\/d')).toBe('a%2fb &amp; c\\/d');
  });

  it('removes a known token in Base64 (standard and URL-safe) and double URL-encoding', () => {
    const odd = 'k~~~~?>?>>?chars1';
    const r = createRedactor([odd]);
    const b64 = Buffer.from(odd).toString('base64');
    expect(b64).toMatch(/[+/]/);
    expect(r(`basic ${b64}`)).toBe(`basic ${REDACTED}=`);
    expect(r(`x=${b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`)).toBe(`x=${REDACTED}`);
    expect(r(`next=${encodeURIComponent(encodeURIComponent(odd))}`)).toBe(`next=${REDACTED}`);
  });

  it('redactedLine gives one capped line without the secret', () => {
    expect(redactedLine(`a\n  b ${TOKEN}\n`, [TOKEN])).toBe(`a b ${REDACTED}`);
    expect(redactedLine(`${'x'.repeat(50)} ${TOKEN}`, [TOKEN], 20)).toBe(`${'x'.repeat(19)}…`);
  });
});

describe('redactValue', () => {
  it('walks objects and arrays, replacing values under secret-named keys and known tokens anywhere', () => {
    const r = createRedactor([TOKEN]);
    const out = redactValue(
      {
        headers: { authorization: 'Token x', Cookie: 'a=b', server: 'cloudflare' },
        list: [`?key=${TOKEN}`, 3, null, true],
        nested: { token: 'plain', note: `echo ${TOKEN}` },
      },
      r,
    );
    expect(out).toEqual({
      headers: { authorization: REDACTED, Cookie: REDACTED, server: 'cloudflare' },
      list: [`?key=${REDACTED}`, 3, null, true],
      nested: { token: REDACTED, note: `echo ${REDACTED}` },
    });
    expect(JSON.stringify(out)).not.toContain(TOKEN);
  });

  it("keeps a remote key named __proto__ as data, not as the copy's prototype", () => {
    const remote = JSON.parse('{"__proto__":{"polluted":"yes"},"a":"b"}') as Record<string, unknown>;
    const out = redactValue(remote, createRedactor([TOKEN]));
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect((out as { polluted?: string }).polluted).toBeUndefined();
    expect(JSON.parse(JSON.stringify(out))).toEqual(remote);
  });
});
