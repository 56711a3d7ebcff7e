// Proxy check: when the environment (the CLI) or the system proxy / PAC (the app, through the same
// variables) sends the target through a proxy, compare the round's proxied answer with one direct
// request. Outcomes: the proxy refuses, it asks for a login (407), or it is the only thing failing.

import { isFailure } from '../../shared/types/probe';
import { proxyFor } from '../probe/env-proxy';
import { fault, hostOf, newestProbes, verdict, type LocalCheck } from './check';

/** `host:port` of a proxy URL, never its credentials. */
function proxyHost(proxy: string): string {
  try {
    return new URL(proxy).host;
  } catch {
    return 'the proxy';
  }
}

/** See the file header. */
export const proxyCheck: LocalCheck = {
  id: 'proxy',
  async run(context) {
    const site = context.target.site;
    const host = hostOf(site) ?? site;
    const proxy = proxyFor(site, context.env);
    if (!proxy) return verdict('skipped', `No proxy is set for ${host}: requests go direct`);
    const via = proxyHost(proxy);
    const proxied = newestProbes(context).find((p) => p.path === 'direct' && p.name === 'site');
    const facts: Record<string, string | number | null> = { host, proxy: via };
    if (!proxied) return verdict('inconclusive', `No request to ${host} through ${via} was made`, 0, facts);
    if (!isFailure(proxied.outcome)) {
      return verdict('ok', `Requests to ${host} work through your proxy ${via}`, 0, facts);
    }
    const error = proxied.error ?? '';
    const status = /answered (\d{3}) to CONNECT/.exec(error)?.[1] ?? null;
    facts.proxyStatus = status;
    if (status === '407') {
      return fault(
        'proxy-auth',
        `Your proxy ${via} asks for a user name and password (407 Proxy Authentication Required)`,
        0,
        facts,
      );
    }
    const direct = await context.probe({
      name: 'site',
      url: site,
      path: 'direct',
      useEnvProxy: false,
      env: {},
      ...(context.ca ? { ca: context.ca } : {}),
      limits: {
        deadlineMs: context.deadlineMs,
        connectMs: context.deadlineMs,
        headersMs: context.deadlineMs,
      },
      signal: context.signal,
    });
    const directWorks = !isFailure(direct.outcome);
    facts.direct = direct.outcome;
    if (proxied.outcome === 'proxy' && (status !== null || /refused/.test(error))) {
      const what = status ? `answered ${status} instead of opening a connection` : 'refused the connection';
      return fault(
        'proxy-refuses',
        `Your proxy ${via} ${what}${directWorks ? `, while ${host} answers without it` : ''}`,
        1,
        facts,
      );
    }
    if (directWorks) {
      return fault(
        'proxy-only',
        `Only your proxy ${via} fails: ${host} does not answer through it (${proxied.outcome}) but does without it`,
        1,
        facts,
      );
    }
    return verdict(
      'inconclusive',
      `Requests to ${host} fail both through your proxy ${via} and without it`,
      1,
      facts,
    );
  },
};
