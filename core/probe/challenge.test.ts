// Tests of bot-challenge recognition (Cloudflare "Just a moment..." pages and cf-mitigated).

import { describe, it, expect } from 'vitest';
import { isChallenge } from './challenge';

const page = '<!DOCTYPE html><html><head><title>Just a moment...</title></head><body></body></html>';
const script = '<html><script src="/cdn-cgi/challenge-platform/h/b/orchestrate/jsch/v1"></script></html>';

describe('isChallenge', () => {
  it('trusts cf-mitigated: challenge on any status', () => {
    expect(isChallenge(403, { 'cf-mitigated': 'challenge' }, '')).toBe(true);
    expect(isChallenge(200, { 'cf-mitigated': 'Challenge' }, '')).toBe(true);
  });

  it('recognises the "Just a moment..." page and challenge-platform scripts on 403/503', () => {
    expect(isChallenge(403, {}, page)).toBe(true);
    expect(isChallenge(503, {}, script)).toBe(true);
  });

  it('does not call ordinary errors or ordinary pages a challenge', () => {
    expect(isChallenge(403, {}, '<title>403 Forbidden</title> CSRF verification failed')).toBe(false);
    expect(isChallenge(500, {}, page)).toBe(false);
    expect(isChallenge(200, {}, page)).toBe(false);
    expect(isChallenge(503, { 'cf-mitigated': 'block' }, 'Service Unavailable')).toBe(false);
  });
});
