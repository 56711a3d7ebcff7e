// The catalogue is checked entry by entry: schema, https URLs, unique ids, a source and date per fact
// (SOURCES.md is checked in tests/catalogue), honest "none"/"unknown", and the loader refuses data that breaks any of that.

import { describe, expect, it } from 'vitest';
import { CHARACTER_AI } from '../config/defaults';
import { catalogue, closeMatches, findService, loadCatalogue, serviceTarget } from './catalogue';
import data from './services.json';

const FACTS = ['site', 'endpoints', 'status', 'cdn', 'auth'] as const;
const REQUIRED = [
  'character-ai',
  'chatgpt',
  'claude',
  'gemini',
  'copilot',
  'perplexity',
  'poe',
  'mistral-le-chat',
  'deepseek',
  'grok',
  'meta-ai',
  'janitor-ai',
  'chai',
  'replika',
  'talkie',
  'nomi',
  'kindroid',
  'spicychat',
];
const clone = (): { services: Record<string, unknown>[]; vendors: unknown[] } =>
  structuredClone(data) as never;

describe('the built-in catalogue', () => {
  const { services } = catalogue();

  it('holds at least 20 services, every required one among them, with unique ids', () => {
    expect(services.length).toBeGreaterThanOrEqual(20);
    const ids = services.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of REQUIRED) expect(ids).toContain(id);
  });

  it.each(services.map((s) => [s.id, s] as const))(
    '%s: https URLs, a reason per endpoint, a dated source per fact',
    (id, s) => {
      const urls = [s.site, ...s.endpoints.map((e) => e.url)];
      if (s.status.provider !== 'none')
        urls.push(s.status.url, ...(s.status.fallback ? [s.status.fallback] : []));
      for (const url of urls) expect(new URL(url).protocol, url).toBe('https:');
      for (const e of s.endpoints) expect(e.why.length).toBeGreaterThan(10);
      // A token endpoint only where the entry says how the token is sent.
      if (s.endpoints.some((e) => e.auth)) expect(s.auth).not.toBeNull();
      for (const fact of FACTS) expect(s.sources[fact].ref.trim()).not.toBe('');
    },
  );

  it('says "none" for a service without a status page, and never a URL with it', () => {
    const none = services.filter((s) => s.status.provider === 'none');
    expect(none.map((s) => s.id)).toContain('replika');
    for (const s of none) expect(Object.keys(s.status)).toEqual(['provider']);
  });

  it("keeps Claude's statuspage.io origin as the fallback of its bot-checked public page", () => {
    const claude = findService('claude');
    expect(claude?.status).toMatchObject({
      provider: 'statuspage',
      url: 'https://status.claude.com',
      fallback: 'https://tymt9n04zgry.statuspage.io',
    });
  });

  it('turns Character.AI into exactly the built-in default target', () => {
    const entry = findService('character-ai');
    expect(entry).not.toBeNull();
    const { service, frontVendor, ...target } = serviceTarget(entry!);
    expect(target).toEqual(CHARACTER_AI);
    expect(service).toBe('character-ai');
    expect(frontVendor).toBe('cloudflare');
  });

  it('reads only the status pages the reader speaks, and gives each token its own variable', () => {
    expect(serviceTarget(findService('grok')!).statusPage).toBeUndefined();
    expect(serviceTarget(findService('chatgpt')!)).toMatchObject({
      statusPage: 'https://status.openai.com',
      auth: { scheme: 'Bearer', tokenEnv: 'WHY500_TOKEN_CHATGPT' },
    });
    expect(serviceTarget(findService('claude')!).statusFallback).toBe('https://tymt9n04zgry.statuspage.io');
  });
});

describe('closeMatches', () => {
  it.each([
    ['chatgtp', 'chatgpt'],
    ['claud', 'claude'],
    ['characterai', 'character-ai'],
    ['Character.AI', 'character-ai'],
    ['janitor', 'janitor-ai'],
  ])('%s → %s first', (typed, expected) => {
    expect(closeMatches(typed)[0]).toBe(expected);
  });

  it('offers nothing for a word unlike any id', () => {
    expect(closeMatches('zzzzzzzzzz')).toEqual([]);
  });
});

describe('loadCatalogue refuses bad data with one line naming the field', () => {
  it('an http URL', () => {
    const bad = clone();
    (bad.services[1] as { site: string }).site = 'http://chatgpt.com/';
    expect(() => loadCatalogue(bad)).toThrow(/services\[1\]\.site: .*https URL/);
  });

  it('a fact without its source', () => {
    const bad = clone();
    delete (bad.services[2] as { sources: Record<string, unknown> }).sources.cdn;
    expect(() => loadCatalogue(bad)).toThrow(/services\[2\]\.sources\.cdn/);
  });

  it('a status page invented for "none"', () => {
    const bad = clone();
    const replika = bad.services.find((s) => s.id === 'replika') as { status: Record<string, unknown> };
    replika.status.url = 'https://status.replika.com';
    expect(() => loadCatalogue(bad)).toThrow(/status/);
  });

  it('an id twice', () => {
    const bad = clone();
    (bad.services[3] as { id: string }).id = 'chatgpt';
    expect(() => loadCatalogue(bad)).toThrow(/"chatgpt" appears twice/);
  });

  it('a CDN it has no word for', () => {
    const bad = clone();
    (bad.services[0] as { cdn: string }).cdn = 'probably-cloudflare';
    expect(() => loadCatalogue(bad)).toThrow(/services\[0\]\.cdn/);
  });
});
