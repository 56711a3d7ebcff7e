// Tests of browser-extension match patterns reaching a site.

import { describe, it, expect } from 'vitest';
import { patternReaches } from './match-pattern';

const site = new URL('https://character.ai/');
const sub = new URL('https://plus.character.ai/chat/user/');

describe('patternReaches', () => {
  it.each([
    ['<all_urls>', true],
    ['*://*/*', true],
    ['https://*/*', true],
    ['http://*/*', false],
    ['*://*.character.ai/*', true],
    ['*://character.ai/*', true],
    ['https://character.ai/chat/*', true],
    ['https://character.ai:443/*', true],
    ['*://*.example.com/*', false],
    ['*://evilcharacter.ai/*', false],
    ['file:///*', false],
    ['storage', false],
    ['', false],
  ])('%s reaches https://character.ai/: %s', (pattern, expected) => {
    expect(patternReaches(pattern, site)).toBe(expected);
  });

  it('matches subdomains only through a *. host', () => {
    expect(patternReaches('*://*.character.ai/*', sub)).toBe(true);
    expect(patternReaches('*://character.ai/*', sub)).toBe(false);
  });
});
