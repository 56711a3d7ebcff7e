// Every http entry of the real-response corpus (tests/corpus) through recognise(): it must name the
// layer, meaning and code its manifest records. A new entry with no matching recogniser fails here.
// Plus hand-made negatives: plain answers no recogniser may claim.

import { describe, expect, it } from 'vitest';
import { loadCorpus, type HttpCorpusEntry } from '../../../tests/corpus/load';
import { recognise, RECOGNISERS } from './index';

const entries = loadCorpus().filter((e): e is HttpCorpusEntry => e.kind === 'http');

/**
 * Entries whose manifest names the watched service (`app`) for bytes a framework wrote: the same
 * bytes as another entry labelled `framework`, so no recogniser can tell them apart. The recogniser
 * names the framework; the meaning must still match.
 */
const FRAMEWORK_BYTES_LABELLED_APP: Record<string, string> = {
  'characterai-django-csrf-403-RECONSTRUCTED':
    "Django's CSRF page, byte for byte as django-csrf-403-no-cookie",
  'characterai-401-invalid-token-RECONSTRUCTED':
    'DRF\'s {"detail":"Invalid token."}, as drf-401-invalid-token',
};

/** True when the response itself carries `code` (status line, a header or the body). */
function carries(entry: HttpCorpusEntry, code: string): boolean {
  return [String(entry.status), ...Object.values(entry.headers), entry.body].some((text) =>
    text.includes(code),
  );
}

describe('recognise(), on every corpus http entry', () => {
  it('has entries to check', () => {
    expect(entries.length).toBeGreaterThan(10);
  });
  for (const entry of entries) {
    it(`${entry.id}: ${entry.layer} / ${entry.meaning}${entry.code ? ` / ${entry.code}` : ''}`, () => {
      const seen = recognise({
        status: entry.status,
        reason: entry.reason,
        headers: entry.headers,
        body: entry.body,
      });
      if (entry.meaning === 'ok') {
        expect(seen).toBeNull();
        return;
      }
      expect(seen, 'no recogniser knew this response').not.toBeNull();
      // A code the source knew but the response does not carry (Heroku's H10 is in its logs, an S3
      // HEAD answer has no body) cannot be read from the response.
      const code = entry.code && carries(entry, entry.code) ? entry.code : undefined;
      const layer = FRAMEWORK_BYTES_LABELLED_APP[entry.id] ? 'framework' : entry.layer;
      expect({ layer: seen?.layer, meaning: seen?.meaning, code: seen?.code }).toEqual({
        layer,
        meaning: entry.meaning,
        code,
      });
    });
  }
});

describe("recognise(), on the classic ELB's bare answers (only the reason phrase tells them apart)", () => {
  const byId = (id: string) => entries.find((e) => e.id === id) as HttpCorpusEntry;
  const capacity = byId('aws-elb-classic-503-backend-at-capacity-2015');
  const timeout = byId('aws-elb-classic-504-gateway-timeout-empty-2019');

  it('names the load balancer from the corpus status lines', () => {
    for (const entry of [capacity, timeout]) {
      expect(entry.body).toBe('');
      const seen = recognise({
        status: entry.status,
        reason: entry.reason,
        headers: entry.headers,
        body: '',
      });
      expect({ vendor: seen?.vendor, name: seen?.name, layer: seen?.layer, meaning: seen?.meaning }).toEqual({
        vendor: 'aws-elb',
        name: 'AWS Elastic Load Balancing',
        layer: 'load-balancer',
        meaning: entry.meaning,
      });
    }
    expect(capacity.reason).toBe('Service Unavailable: Back-end server is at capacity');
    expect(timeout.reason).toBe('GATEWAY_TIMEOUT');
  });

  it('claims neither without the phrase, nor a GATEWAY_TIMEOUT that carries a page', () => {
    for (const entry of [capacity, timeout])
      expect(recognise({ status: entry.status, headers: entry.headers, body: '' })).toBeNull();
    expect(recognise({ status: 504, reason: 'Gateway Timeout', headers: {}, body: '' })).toBeNull();
    expect(
      recognise({ status: 504, reason: 'GATEWAY_TIMEOUT', headers: {}, body: '{"error":"upstream"}' }),
    ).toBeNull();
  });
});

describe('recognise(), on answers no vendor made', () => {
  it('claims nothing in a plain healthy 200 page or JSON', () => {
    expect(
      recognise({
        status: 200,
        headers: { 'content-type': 'text/html' },
        body: '<html><title>Home</title><p>Hello</p></html>',
      }),
    ).toBeNull();
    expect(
      recognise({
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: '{"ok":true,"detail":"fine"}',
      }),
    ).toBeNull();
  });

  it('claims nothing in a 500 or 502 with no vendor marks', () => {
    expect(
      recognise({ status: 500, headers: { 'content-type': 'text/plain' }, body: 'Internal Server Error' }),
    ).toBeNull();
    expect(recognise({ status: 502, headers: {}, body: '' })).toBeNull();
  });

  it('does not take a healthy answer through Cloudflare for a Cloudflare error', () => {
    expect(
      recognise({
        status: 200,
        headers: { server: 'cloudflare', 'cf-ray': '8f00aa-FRA' },
        body: '<p>Error code 1020 explained</p>',
      }),
    ).toBeNull();
    expect(
      recognise({ status: 500, headers: { server: 'cloudflare', 'cf-ray': '8f00aa-FRA' }, body: 'oops' }),
    ).toBeNull();
  });

  it('never passes on a code that is not shaped like one (remote text is hostile)', () => {
    const seen = recognise({
      status: 403,
      headers: { 'x-ms-error-code': 'PublicAccess\u001b[31mNotPermitted <script>' },
      body: '',
    });
    expect(seen?.vendor).toBe('azure-blob');
    expect(seen?.code).toBeUndefined();
  });

  it('every recogniser has its own id', () => {
    const ids = RECOGNISERS.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('the third round: AI services, network filters, gateways (hand-made cases)', () => {
  const json = (status: number, body: unknown) => ({
    status,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

  it('splits a rate limit for everyone from this account’s own limit by what the answer says', () => {
    const everyone = json(429, {
      type: 'error',
      error: { type: 'rate_limit_error', message: 'Rate limited' },
    });
    const mine = json(429, {
      type: 'error',
      error: { type: 'rate_limit_error', message: "This request would exceed your account's rate limit." },
    });
    expect(recognise(everyone)?.meaning).toBe('rate-limited');
    expect(recognise(mine)?.meaning).toBe('quota');
  });

  it('does not name OpenAI for an OpenAI-style body without its marks', () => {
    const seen = recognise(
      json(429, { error: { message: 'Too many requests', type: 'requests', param: null, code: null } }),
    );
    expect(seen?.vendor).not.toBe('openai');
  });

  it("reads Google's UNAVAILABLE as overloaded only when the message says so", () => {
    const plain = json(503, {
      error: { code: 503, message: 'The service is currently unavailable.', status: 'UNAVAILABLE' },
    });
    expect(recognise(plain)).toMatchObject({ vendor: 'google-api', meaning: 'origin-unreachable' });
  });

  it('does not take a page that merely mentions FortiGuard for its block page', () => {
    expect(
      recognise({ status: 200, headers: {}, body: '<p>How to configure FortiGuard web filtering</p>' }),
    ).toBeNull();
  });

  it('reads only the head of a huge hostile body and claims nothing from half a block page', () => {
    const body = `${'fortiguard web page blocked '.repeat(40_000)}internet usage policy`;
    expect(recognise({ status: 403, headers: {}, body })).toBeNull();
  });
});
