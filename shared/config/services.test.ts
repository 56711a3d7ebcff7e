// The config's "services" key: catalogue ids become targets beside "targets"; an unknown id is one line
// with close matches; the default stays Character.AI alone.

import { describe, expect, it } from 'vitest';
import { CHARACTER_AI, resolveConfig } from './defaults';
import { checkConfig } from './parse';

describe('"services" in the config', () => {
  it('turns each id into a target after the hand-written ones, in the order given', () => {
    const check = checkConfig({
      targets: [{ name: 'Mine', site: 'https://example.test/' }],
      services: ['chatgpt', 'claude'],
    });
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    const targets = resolveConfig(check.config).targets;
    expect(targets.map((t) => t.name)).toEqual(['Mine', 'ChatGPT', 'Claude']);
    expect(targets[2]).toMatchObject({
      service: 'claude',
      statusPage: 'https://status.claude.com',
      statusFallback: 'https://tymt9n04zgry.statuspage.io',
      frontVendor: 'cloudflare',
      auth: null,
    });
    expect(targets[1]?.auth).toEqual({ scheme: 'Bearer', tokenEnv: 'WHY500_TOKEN_CHATGPT' });
  });

  it('watches Character.AI alone when neither key is given, and services alone when only they are', () => {
    expect(resolveConfig({}).targets.map((t) => t.name)).toEqual([CHARACTER_AI.name]);
    expect(resolveConfig({ services: ['poe'] }).targets.map((t) => t.name)).toEqual(['Poe']);
  });

  it('refuses an unknown id in one line naming the field and the close matches', () => {
    const check = checkConfig({ services: ['character-ai', 'chatgtp'] });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.message).toBe(
      `services[1]: expected a service id from 'why500 services', found "chatgtp" (did you mean chatgpt?)`,
    );
  });

  it('refuses the same service twice, or a service that is also a hand-written target', () => {
    const twice = checkConfig({ services: ['poe', 'Poe'] });
    expect(twice.ok ? '' : twice.message).toMatch(/^services\[1\]: expected each service once/);
    const clash = checkConfig({
      targets: [{ name: 'Claude', site: 'https://x.test/' }],
      services: ['claude'],
    });
    expect(clash.ok ? '' : clash.message).toMatch(/^services\[0\]: /);
  });

  it('refuses a non-list and a non-string the usual way', () => {
    const check = checkConfig({ services: 'chatgpt' });
    expect(check.ok ? '' : check.message).toMatch(/^services: /);
    const number = checkConfig({ services: [7] });
    expect(number.ok ? '' : number.message).toMatch(/^services\[0\]: /);
  });
});

describe("a hand-written target at a catalogue service's site", () => {
  it("gets the entry's id, front vendor and status fallback (when it uses the catalogue's page)", () => {
    const [claude, other] = resolveConfig({
      targets: [
        { name: 'My Claude', site: 'https://claude.ai', statusPage: 'https://status.claude.com' },
        { name: 'Elsewhere', site: 'https://example.test/' },
      ],
    }).targets;
    expect(claude).toMatchObject({
      service: 'claude',
      frontVendor: 'cloudflare',
      statusFallback: 'https://tymt9n04zgry.statuspage.io',
    });
    expect(other?.service).toBeUndefined();
    const ownPage = resolveConfig({
      targets: [{ name: 'C', site: 'https://claude.ai/', statusPage: 'https://my-status.example.test' }],
    }).targets[0];
    expect(ownPage?.statusFallback).toBeUndefined();
  });
});
