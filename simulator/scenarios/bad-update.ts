// Bad update: the site's build fingerprint changes (version header, Next.js build id and asset paths,
// or only ETag/Last-Modified), then some endpoints fail fast and consistently while others work.

import { atlassianOperational, instatusOperational } from '../status-pages';
import { serverError } from '../replies';
import type { Handler, ScenarioDefinition } from '../types';
import { NEW_BUILD, OLD_BUILD, WITH_PUBLIC_API } from './common';

/** Deploy time on the scenario clock, seconds: after the first round, before the second. */
const DEPLOY_AT = 0.5;

/**
 * Deploy time for the ETag-only variant: after the second round, because an ETag counts as a build
 * fingerprint only once it was seen twice in a row (a per-response ETag must not look like a release).
 */
const ETAG_DEPLOY_AT = 1.5;

/** Fast 500s once the new build is live. */
const brokenAfterDeploy: Handler = (r, normal) => (r.deployed ? serverError(r) : normal());

/** The bad-update variants. */
export const BAD_UPDATE: ScenarioDefinition[] = [
  {
    name: 'bad-update-version-header',
    outcome: 'bad-update',
    description:
      'The site starts sending x-app-version 1.42.0 instead of 1.41.2; right after, the public API fails with fast 500s while the site and health work. No status page.',
    signals: ['version header changed', 'fast consistent 500 on one endpoint', 'no status page'],
    endpoints: WITH_PUBLIC_API,
    build: { show: 'version-header', initial: OLD_BUILD, deploy: { build: NEW_BUILD, at: DEPLOY_AT } },
    handlers: { characters: brokenAfterDeploy },
    expectEvidence: {
      says: 'the fingerprint changed (version header)',
      check: (e) => e.fingerprint.changedAt !== null && e.fingerprint.source === 'version-header',
    },
  },
  {
    name: 'bad-update-next-build-id',
    outcome: 'bad-update',
    description:
      'A new Next.js build id (buildId and /_next/static/<id>/ paths change), then fast 500s on the public API; the Atlassian status page says all operational.',
    signals: ['Next.js buildId / asset hashes changed', 'fast consistent 500', 'status page operational'],
    statusPage: { kind: 'atlassian', summary: atlassianOperational() },
    endpoints: WITH_PUBLIC_API,
    build: { show: 'next', initial: OLD_BUILD, deploy: { build: NEW_BUILD, at: DEPLOY_AT } },
    handlers: { characters: brokenAfterDeploy },
    expectEvidence: {
      says: 'the fingerprint changed (build id or asset hash)',
      check: (e) =>
        e.fingerprint.changedAt !== null &&
        (e.fingerprint.source === 'build-id' || e.fingerprint.source === 'asset-hash'),
    },
  },
  {
    name: 'bad-update-asset-hashes-instatus',
    outcome: 'bad-update',
    description:
      'Only the bundler-hashed asset names in the HTML change (/assets/index-<hash>.js, no build id), then the public API fails with fast 500s; an Instatus page says everything is up.',
    signals: ['asset hashes changed', 'fast consistent 500', 'Instatus page UP'],
    statusPage: { kind: 'instatus', ...instatusOperational() },
    endpoints: WITH_PUBLIC_API,
    build: { show: 'assets', initial: OLD_BUILD, deploy: { build: NEW_BUILD, at: DEPLOY_AT } },
    handlers: { characters: brokenAfterDeploy },
    expectEvidence: {
      says: 'the fingerprint changed (asset hashes)',
      check: (e) => e.fingerprint.changedAt !== null && e.fingerprint.source === 'asset-hash',
    },
  },
  {
    name: 'bad-update-etag-page-inactive',
    outcome: 'bad-update',
    description:
      'Only the ETag and Last-Modified of the site page change (no version marker), then the public API and health fail with fast 500s; the status page is inactive.',
    signals: ['ETag/Last-Modified changed', 'fast consistent 500 on two endpoints', 'status page inactive'],
    statusPage: { kind: 'inactive' },
    endpoints: WITH_PUBLIC_API,
    build: { show: 'etag', initial: OLD_BUILD, deploy: { build: NEW_BUILD, at: ETAG_DEPLOY_AT } },
    handlers: { characters: brokenAfterDeploy, health: brokenAfterDeploy },
    expectEvidence: {
      says: 'the fingerprint changed (etag or last-modified)',
      check: (e) =>
        e.fingerprint.changedAt !== null &&
        (e.fingerprint.source === 'etag' || e.fingerprint.source === 'last-modified'),
    },
  },
  {
    name: 'bad-update-since-last-run',
    outcome: 'bad-update',
    description:
      'The previous run saw build 1.41.2 and everything working; now the version header says 1.42.0 and the public API fails fast (the token check still works).',
    signals: ['version changed since the last run (remembered)', 'fast consistent 500', 'token set'],
    token: 'valid',
    priorRun: true,
    endpoints: WITH_PUBLIC_API,
    build: { show: 'version-header', initial: OLD_BUILD, deploy: { build: NEW_BUILD, stage: 1 } },
    handlers: { characters: brokenAfterDeploy },
    expectEvidence: {
      says: 'the fingerprint remembered from the last run differs from the current one',
      check: (e) => e.fingerprint.previous !== null && e.fingerprint.current !== e.fingerprint.previous,
    },
  },
  {
    name: 'bad-update-site-500-tls',
    outcome: 'bad-update',
    description:
      'Over real TLS: the site itself starts answering fast 500s that carry the new version header, right after the version changed; health stays UP.',
    signals: ['TLS', 'version header on the error pages', 'site fast 500'],
    tls: true,
    endpoints: WITH_PUBLIC_API,
    build: { show: 'version-header', initial: OLD_BUILD, deploy: { build: NEW_BUILD, at: DEPLOY_AT } },
    handlers: {
      site: (r, normal) => {
        if (!r.deployed) return normal();
        const reply = serverError(r);
        return { ...reply, headers: { ...reply.headers, 'x-app-version': NEW_BUILD.version } };
      },
      characters: brokenAfterDeploy,
    },
    expectEvidence: {
      says: 'the site failed after the version changed',
      check: (e) => e.fingerprint.changedAt !== null && (e.site?.failures ?? 0) > 0,
    },
  },
];
