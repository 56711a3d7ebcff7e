// Regional: the direct path fails while the same requests through a real tinyproxy (the alternate
// path) succeed; the cf-ray colo differs between the paths (AMS direct, FRA through the proxy).

import { atlassianIncident } from '../status-pages';
import { cloudflareError, reset } from '../replies';
import type { Handler, ScenarioDefinition } from '../types';
import { HEALTH_AND_USER, WITH_PUBLIC_API, row } from './common';

const directOnly =
  (fail: Handler): Handler =>
  (r, normal) =>
    r.via === 'direct' ? fail(r, normal) : normal();

const alternateWorks = {
  says: 'the direct path failed while the alternate path succeeded',
  check: (e: Parameters<typeof row>[0]) =>
    e.alternateConfigured &&
    (row(e, 'site')?.failures ?? 0) > 0 &&
    e.alternate.length > 0 &&
    e.alternate.every((r) => r.auth || r.failures === 0),
};

/** The regional variants. */
export const REGIONAL: ScenarioDefinition[] = [
  {
    name: 'regional-cloudflare-502-colo',
    outcome: 'regional',
    description:
      'Direct requests get Cloudflare 502 pages from the AMS edge; through tinyproxy every request succeeds from the FRA edge. No status page.',
    signals: [
      'alternate path (tinyproxy) succeeds',
      'Cloudflare 502 direct',
      'cf-ray colo differs',
      'no status page',
    ],
    alternatePath: true,
    endpoints: HEALTH_AND_USER,
    handlers: {
      site: directOnly((r) => cloudflareError(r, 502)),
      health: directOnly((r) => cloudflareError(r, 502)),
      user: directOnly((r) => cloudflareError(r, 502)),
    },
    expectEvidence: {
      says: `${alternateWorks.says}, from different edges`,
      check: (e) => alternateWorks.check(e) && row(e, 'site')?.edge !== row(e, 'site', 'alternate')?.edge,
    },
  },
  {
    name: 'regional-status-component-us-east',
    outcome: 'regional',
    description:
      'Direct requests get Cloudflare 504s; the alternate path works; the Atlassian status page shows the "US East" component in partial outage.',
    signals: ['alternate path succeeds', '504 direct', 'region component degraded'],
    alternatePath: true,
    statusPage: {
      kind: 'atlassian',
      summary: atlassianIncident({
        name: 'Degraded connectivity in US East',
        component: 'US East',
        componentStatus: 'partial_outage',
        impact: 'minor',
        message: 'Some users routed through our US East region are seeing errors.',
      }),
    },
    endpoints: WITH_PUBLIC_API,
    handlers: {
      site: directOnly((r) => cloudflareError(r, 504)),
      health: directOnly((r) => cloudflareError(r, 504)),
      characters: directOnly((r) => cloudflareError(r, 504)),
    },
    expectEvidence: {
      says: 'the status page named a regional component',
      check: (e) => e.statusPage.regionalComponentsDown.some((c) => /us east/i.test(c)),
    },
  },
  {
    name: 'regional-522-page-inactive',
    outcome: 'regional',
    description:
      'Direct requests get Cloudflare 522 (connection timed out) pages; the alternate path works; the status page is inactive.',
    signals: ['alternate path succeeds', '522 direct', 'status page inactive'],
    alternatePath: true,
    statusPage: { kind: 'inactive' },
    endpoints: HEALTH_AND_USER,
    handlers: {
      site: directOnly((r) => cloudflareError(r, 522)),
      health: directOnly((r) => cloudflareError(r, 522)),
      user: directOnly((r) => cloudflareError(r, 522)),
    },
    expectEvidence: alternateWorks,
  },
  {
    name: 'regional-direct-reset',
    outcome: 'regional',
    description:
      'Direct connections to the service are reset (a broken route) while the control sites and the alternate path work; a valid token is set.',
    signals: [
      'alternate path succeeds',
      'connection reset on the direct path only',
      'controls fine',
      'token set',
    ],
    alternatePath: true,
    token: 'valid',
    endpoints: HEALTH_AND_USER,
    handlers: {
      site: directOnly(() => reset),
      health: directOnly(() => reset),
      user: directOnly(() => reset),
    },
    expectEvidence: {
      says: `${alternateWorks.says} and the controls worked`,
      check: (e) => alternateWorks.check(e) && e.controls.attempts > 0 && e.controls.failures === 0,
    },
  },
];
