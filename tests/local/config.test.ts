// The `dohResolvers` config field: defaults to public resolvers by IP address; bad values name their path.

import { describe, expect, it } from 'vitest';
import { DEFAULT_DOH_RESOLVERS, resolveConfig } from '../../shared/config/defaults';
import { checkConfig } from '../../shared/config/parse';

describe('dohResolvers', () => {
  it('defaults to resolvers reached by IP address, so a broken system resolver cannot hide them', () => {
    expect(resolveConfig({}).dohResolvers).toEqual(DEFAULT_DOH_RESOLVERS);
    for (const url of DEFAULT_DOH_RESOLVERS) expect(new URL(url).hostname).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const own = checkConfig({ dohResolvers: ['https://9.9.9.9/dns-query'] });
    expect(own.ok && resolveConfig(own.config).dohResolvers).toEqual(['https://9.9.9.9/dns-query']);
  });

  it('names the path of a bad value', () => {
    const bad = checkConfig({ dohResolvers: ['https://1.1.1.1/dns-query', 'dns://x'] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toMatch(/dohResolvers\[1\].*DNS-over-HTTPS URL/);
    const empty = checkConfig({ dohResolvers: [] });
    expect(!empty.ok && empty.message).toMatch(/dohResolvers.*at least 1 resolver/);
    const unknown = checkConfig({ dohResolver: ['https://1.1.1.1/dns-query'] });
    expect(!unknown.ok && unknown.message).toMatch(/dohResolver/);
  });
});
