import { describe, expect, it } from 'vitest';
import { FakeNet } from '../testing/fakes';
import { proxyEnv, proxyFromPacResult, systemProxyFor } from './proxy';

describe('system proxy', () => {
  it.each([
    ['DIRECT', null],
    ['PROXY proxy.corp:8080; DIRECT', 'http://proxy.corp:8080'],
    ['HTTPS secure.corp:443', 'https://secure.corp:443'],
    ['PROXY [::1]:3128', 'http://[::1]:3128'],
    ['PROXY bad host; PROXY good:1', 'http://good:1'],
  ])('reads %s', (pac, url) => {
    expect(proxyFromPacResult(pac).url).toBe(url);
  });

  it('cannot follow SOCKS and says so', () => {
    expect(proxyFromPacResult('SOCKS5 socks.corp:1080')).toEqual({
      url: null,
      note: 'the system proxy is SOCKS (socks.corp:1080); probes connect directly',
    });
  });

  it('turns into environment variables for the core, and survives a failing session', async () => {
    expect(proxyEnv({ url: 'http://p:1', note: null })).toEqual({
      HTTPS_PROXY: 'http://p:1',
      HTTP_PROXY: 'http://p:1',
    });
    expect(proxyEnv({ url: null, note: null })).toEqual({});
    const net = new FakeNet();
    net.resolveProxy = async () => {
      throw new Error('session gone');
    };
    expect(await systemProxyFor(net, 'https://character.ai/')).toEqual({
      url: null,
      note: 'could not ask for the system proxy (session gone); probes connect directly',
    });
  });
});
