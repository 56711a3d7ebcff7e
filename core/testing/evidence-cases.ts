// A table of realistic evidence cases — each built by buildEvidence from synthetic rounds — with the
// verdict a careful engineer would give. At least three variants per outcome plus decoys. Used by
// the classifier tests and by bench/classifier.bench.ts (accuracy and calibration).

import type { Verdict } from '../../shared/types/diagnosis';
import type { Evidence, ExtensionSuspect, FingerprintEvidence } from '../../shared/types/evidence';
import type { ProbeResult } from '../../shared/types/probe';
import { buildEvidence, type EvidenceInput } from '../evidence/build';
import {
  controls,
  probe,
  rounds,
  SAMPLE_TARGET,
  statusReading,
  statusUnavailable,
  type ProbeSpec,
} from './synthetic';

/** One case: what it shows, the verdict it should get, and its evidence. */
export interface EvidenceCase {
  name: string;
  expect: Verdict;
  evidence: Evidence;
}

const SITE_HTML = (hash = '3f2a9c1b') =>
  `<!doctype html><html><head><title>Character.AI</title><script src="/static/js/main.${hash}.js"></script><link href="/static/css/app.${hash}.css" rel="stylesheet"></head><body></body></html>`;
const NEXT_HTML = (id: string) =>
  `<!doctype html><html><body><script id="__NEXT_DATA__" type="application/json">{"props":{},"buildId":"${id}"}</script><script src="/_next/static/${id}/_buildManifest.js"></script></body></html>`;
const CHALLENGE: Partial<ProbeSpec> = {
  status: 403,
  outcome: 'challenge',
  headers: { 'cf-mitigated': 'challenge', server: 'cloudflare' },
  body: '<!DOCTYPE html><html><head><title>Just a moment...</title></head><body><script src="/cdn-cgi/challenge-platform/h/g/orchestrate/chl_page/v1"></script></body></html>',
};
const ray = (colo: string) => ({ 'cf-ray': `8e1f2a3b4c5d6e7f-${colo}`, server: 'cloudflare' });

const site = (at: string, o: Partial<ProbeSpec> = {}): ProbeResult =>
  probe(at, { name: 'site', body: SITE_HTML(), ms: 250, headers: ray('FRA'), ...o });
const health = (at: string, o: Partial<ProbeSpec> = {}): ProbeResult =>
  probe(at, { name: 'health', ms: 180, body: '{"redis":"UP"}', headers: ray('FRA'), ...o });
/** The token endpoint: with a token it answers normally; without one the service says 401, as it should. */
const user = (at: string, token: boolean, o: Partial<ProbeSpec> = {}): ProbeResult =>
  probe(at, {
    name: 'user',
    auth: token,
    ms: 200,
    headers: ray('FRA'),
    ...(token
      ? { body: '{"user":{"username":"someone"}}' }
      : { status: 401, body: '{"detail":"Authentication credentials were not provided."}' }),
    ...o,
  });
const extra = (name: string, at: string, o: Partial<ProbeSpec> = {}): ProbeResult =>
  probe(at, { name, ms: 160, headers: ray('FRA'), ...o });

const BASELINES: Record<string, number> = {
  'direct:site': 250,
  'direct:health': 180,
  'direct:user': 200,
  'direct:models': 160,
  'direct:assets': 160,
  'direct:config': 160,
  'alternate:site': 320,
  'alternate:health': 240,
  'alternate:assets': 200,
};

const TARGET_WITH_EXTRAS = {
  ...SAMPLE_TARGET,
  endpoints: [
    ...SAMPLE_TARGET.endpoints,
    { name: 'models', url: 'https://neo.character.ai/models' },
    { name: 'assets', url: 'https://characterai.io/static/logo.png' },
    { name: 'config', url: 'https://neo.character.ai/config' },
  ],
};

function build(partial: Partial<EvidenceInput> & Pick<EvidenceInput, 'rounds'>): Evidence {
  return buildEvidence({
    target: TARGET_WITH_EXTRAS,
    baselines: BASELINES,
    tokenConfigured: false,
    alternateConfigured: false,
    symptom: false,
    ...partial,
  });
}

const START = Date.parse('2026-11-20T12:00:00.000Z');
const iso = (secondsFromStart: number) => new Date(START + secondsFromStart * 1000).toISOString();

function trackedFingerprint(
  changedAtSeconds: number,
  firstSeenSeconds = changedAtSeconds,
): FingerprintEvidence {
  return {
    current: 'assets=9c0ffee1',
    previous: 'assets=1a2b3c4d',
    changedAt: iso(changedAtSeconds),
    source: 'asset-hash',
    secondsBeforeErrors: null,
    firstSeenAt: iso(firstSeenSeconds),
  };
}

const SUSPECTS: ExtensionSuspect[] = [
  {
    browser: 'Chrome',
    profile: 'Default',
    id: 'eimadpbcbfnmbkopoojfekhnkhdbieeh',
    name: 'Dark Reader',
    reach: '<all_urls>',
  },
  {
    browser: 'Chrome',
    profile: 'Default',
    id: 'abcdefghijklmnopabcdefghijklmnop',
    name: 'C.AI Tools',
    reach: '*://*.character.ai/*',
  },
];

const inactive = (at: string) => statusUnavailable(at, 'inactive');

/** Every case, built fresh. */
export function evidenceCases(): EvidenceCase[] {
  const cases: EvidenceCase[] = [];
  const add = (name: string, expect: Verdict, evidence: Evidence) => cases.push({ name, expect, evidence });

  // ── overload ──────────────────────────────────────────────────────────────
  add(
    'overload: intermittent 503s, latency tripled, status page inactive, no token',
    'overload',
    build({
      rounds: rounds(8, (i, at) => ({
        probes: [
          site(at, i % 2 ? { status: 503, ms: 2400, body: '<h1>503 Service Unavailable</h1>' } : { ms: 700 }),
          health(at, i % 3 === 1 ? { status: 503, ms: 2100, body: 'upstream busy' } : { ms: 560 }),
          user(at, false),
          ...controls(at),
        ],
        status: inactive(at),
      })),
    }),
  );
  add(
    'overload: Cloudflare 522/524 with an incident on the status page',
    'overload',
    build({
      rounds: rounds(6, (i, at) => ({
        probes: [
          site(at, i % 2 ? { status: 522, ms: 15000, body: 'Error 522 Connection timed out' } : { ms: 900 }),
          health(at, i === 2 || i === 5 ? { status: 524, ms: 12000 } : { ms: 640 }),
          user(at, true, i % 2 ? { status: 502, ms: 3000 } : { ms: 800 }),
          ...controls(at),
        ],
        status: statusReading(at, {
          level: 'partial-outage',
          incidents: [{ name: 'Elevated error rates', impact: 'major' }],
          components: [
            { name: 'Website', status: 'partial-outage' },
            { name: 'API', status: 'degraded' },
          ],
        }),
      })),
      tokenConfigured: true,
    }),
  );
  add(
    'overload: Cloudflare waiting room (200) on the site, no status page',
    'overload',
    build({
      target: { ...TARGET_WITH_EXTRAS, statusPage: null },
      rounds: rounds(6, (i, at) => ({
        probes: [
          site(
            at,
            i === 0
              ? { ms: 400 }
              : {
                  ms: 300,
                  headers: { ...ray('FRA'), 'cf-waitingroom': 'queue' },
                  body: '<title>Waiting Room</title><p>You are now in line. Thank you for your patience.</p>',
                },
          ),
          health(at, { ms: 420 }),
          ...controls(at),
        ],
      })),
    }),
  );
  add(
    'overload: 429 with Retry-After while the status page still says operational',
    'overload',
    build({
      rounds: rounds(6, (i, at) => ({
        probes: [
          site(at, { ms: 380 }),
          health(
            at,
            i % 2
              ? { status: 429, ms: 90, headers: { 'retry-after': '30' }, body: 'Too Many Requests' }
              : { ms: 600 },
          ),
          user(at, true, i % 3 === 0 ? { status: 429, headers: { 'retry-after': '30' } } : { ms: 700 }),
          ...controls(at),
        ],
        status: statusReading(at),
      })),
      tokenConfigured: true,
      alternateConfigured: false,
    }),
  );
  add(
    'overload (decoy: maintenance only upcoming): 503s with an upcoming maintenance',
    'overload',
    build({
      rounds: rounds(6, (i, at) => ({
        probes: [
          site(at, i % 2 ? { status: 503, ms: 1800 } : { ms: 750 }),
          health(at, i % 2 ? { status: 502, ms: 1500 } : { ms: 520 }),
          ...controls(at),
        ],
        status: statusReading(at, {
          level: 'degraded',
          incidents: [{ name: 'Slow responses', impact: 'minor' }],
          maintenanceUpcoming: [{ name: 'Database upgrade', scheduledFor: '2026-11-21T02:00:00.000Z' }],
        }),
      })),
    }),
  );

  // ── bad-update ────────────────────────────────────────────────────────────
  add(
    'bad-update: version header changes, then fast consistent 500s on one endpoint',
    'bad-update',
    build({
      rounds: rounds(8, (i, at) => {
        const after = i >= 3;
        return {
          probes: [
            site(at, { headers: { ...ray('FRA'), 'x-app-version': after ? '1.5.0' : '1.4.2' } }),
            health(at),
            extra('models', at, after ? { status: 500, ms: 35, body: 'Internal Server Error' } : {}),
            ...controls(at),
          ],
          status: inactive(at),
        };
      }),
    }),
  );
  add(
    'bad-update: asset hashes changed 90 s before 500s (tracker across runs), token set',
    'bad-update',
    build({
      fingerprint: trackedFingerprint(-90),
      rounds: rounds(5, (_i, at) => ({
        probes: [
          site(at, { body: SITE_HTML('9c0ffee1') }),
          health(at),
          user(at, true, { status: 500, ms: 45, body: '{"error":"Internal Server Error"}' }),
          extra('models', at, { status: 500, ms: 40, body: 'Internal Server Error' }),
          ...controls(at),
        ],
        status: null,
      })),
      target: { ...TARGET_WITH_EXTRAS, statusPage: null },
      tokenConfigured: true,
    }),
  );
  add(
    'bad-update: Next.js buildId changes in the window, status page operational',
    'bad-update',
    build({
      rounds: rounds(8, (i, at) => ({
        probes: [
          site(at, { body: NEXT_HTML(i >= 2 ? 'Xy8_newBuild42' : 'Ab3_oldBuild17') }),
          health(at),
          extra('config', at, i >= 2 ? { status: 500, ms: 30 } : {}),
          ...controls(at),
        ],
        status: statusReading(at),
      })),
    }),
  );
  add(
    'bad-update: fast consistent 500s on one endpoint while others work, no fingerprint (site challenged)',
    'bad-update',
    build({
      rounds: rounds(6, (_i, at) => ({
        probes: [
          site(at, CHALLENGE),
          health(at),
          extra('models', at, { status: 500, ms: 28, body: 'Internal Server Error' }),
          ...controls(at),
        ],
        status: inactive(at),
      })),
    }),
  );

  // ── account ───────────────────────────────────────────────────────────────
  add(
    'account: token refused (401) while anonymous endpoints work',
    'account',
    build({
      rounds: rounds(5, (_i, at) => ({
        probes: [
          site(at),
          health(at),
          user(at, true, { status: 401, ms: 90, body: '{"detail":"Invalid token."}' }),
          ...controls(at),
        ],
        status: inactive(at),
      })),
      tokenConfigured: true,
    }),
  );
  add(
    'account: 500 only on the token endpoint, status page operational',
    'account',
    build({
      rounds: rounds(6, (_i, at) => ({
        probes: [
          site(at),
          health(at),
          user(at, true, { status: 500, ms: 320, body: 'Internal Server Error' }),
          ...controls(at),
        ],
        status: statusReading(at),
      })),
      tokenConfigured: true,
    }),
  );
  add(
    'account: 403 CSRF verification failed with a token, site challenged',
    'account',
    build({
      rounds: rounds(4, (_i, at) => ({
        probes: [
          site(at, CHALLENGE),
          health(at),
          user(at, true, {
            status: 403,
            ms: 110,
            body: '<h1>Forbidden (403)</h1><p>CSRF verification failed. Request aborted.</p>',
          }),
          ...controls(at),
        ],
      })),
      target: { ...TARGET_WITH_EXTRAS, statusPage: null },
      tokenConfigured: true,
    }),
  );

  // ── regional ──────────────────────────────────────────────────────────────
  add(
    'regional: direct times out, alternate path works, no status page',
    'regional',
    build({
      target: { ...TARGET_WITH_EXTRAS, statusPage: null },
      alternateConfigured: true,
      rounds: rounds(6, (_i, at) => ({
        probes: [
          site(at, { status: null, outcome: 'timeout-connect', ms: 5000, headers: {} }),
          health(at, { status: null, outcome: 'timeout-connect', ms: 5000, headers: {} }),
          site(at, { path: 'alternate', ms: 330, headers: ray('AMS') }),
          health(at, { path: 'alternate', ms: 240, headers: ray('AMS') }),
          ...controls(at),
        ],
      })),
    }),
  );
  add(
    'regional: 522 at the FRA edge, alternate via AMS fine, status page inactive',
    'regional',
    build({
      alternateConfigured: true,
      rounds: rounds(6, (i, at) => ({
        probes: [
          site(at, i === 4 ? { ms: 900 } : { status: 522, ms: 15000, body: 'Error 522' }),
          health(at, { status: 522, ms: 15000, body: 'Error 522' }),
          site(at, { path: 'alternate', ms: 330, headers: ray('AMS') }),
          health(at, { path: 'alternate', ms: 240, headers: ray('AMS') }),
          ...controls(at),
        ],
        status: inactive(at),
      })),
    }),
  );
  add(
    'regional: Europe component down on the status page, direct connections fail, no alternate',
    'regional',
    build({
      rounds: rounds(6, (_i, at) => ({
        probes: [
          site(at, { status: null, outcome: 'reset', ms: 800, headers: {} }),
          health(at, { status: null, outcome: 'timeout-headers', ms: 10000, headers: {} }),
          ...controls(at),
        ],
        status: statusReading(at, {
          level: 'partial-outage',
          incidents: [{ name: 'Connectivity issues in Europe', impact: 'major' }],
          components: [
            { name: 'Website', status: 'operational' },
            { name: 'Europe (Frankfurt)', status: 'major-outage', group: 'Regions' },
            { name: 'US East', status: 'operational', group: 'Regions' },
          ],
        }),
      })),
    }),
  );

  // ── maintenance ───────────────────────────────────────────────────────────
  add(
    'maintenance: in progress on the status page, 503s',
    'maintenance',
    build({
      rounds: rounds(5, (_i, at) => ({
        probes: [
          site(at, { status: 503, ms: 120, body: '<h1>Service Unavailable</h1>' }),
          health(at, { status: 503, ms: 60 }),
          ...controls(at),
        ],
        status: statusReading(at, {
          level: 'maintenance',
          maintenanceInProgress: [
            { name: 'Database migration', scheduledFor: iso(-600), scheduledUntil: iso(3000) },
          ],
          components: [{ name: 'API', status: 'maintenance' }],
        }),
      })),
    }),
  );
  add(
    'maintenance: 503 + Retry-After + maintenance wording, status page inactive',
    'maintenance',
    build({
      rounds: rounds(5, (_i, at) => ({
        probes: [
          site(at, {
            status: 503,
            ms: 80,
            headers: { ...ray('FRA'), 'retry-after': '3600' },
            body: '<h1>We are down for scheduled maintenance</h1><p>Back soon.</p>',
          }),
          health(at, { status: 503, ms: 50, headers: { 'retry-after': '3600' } }),
          user(at, false),
          ...controls(at),
        ],
        status: inactive(at),
      })),
    }),
  );
  add(
    'maintenance: wording in the page without Retry-After, no status page, token set',
    'maintenance',
    build({
      target: { ...TARGET_WITH_EXTRAS, statusPage: null },
      tokenConfigured: true,
      rounds: rounds(4, (_i, at) => ({
        probes: [
          site(at, {
            status: 503,
            ms: 70,
            body: '<p>Character.AI is undergoing maintenance. Please check back later.</p>',
          }),
          health(at, { status: 503, ms: 40 }),
          user(at, true, { status: 503, ms: 45 }),
          ...controls(at),
        ],
      })),
    }),
  );

  // ── extensions ────────────────────────────────────────────────────────────
  add(
    'extensions: user sees an error, every probe succeeds, two suspects',
    'extensions',
    build({
      symptom: true,
      extensions: { scanned: true, profilesScanned: 2, suspects: SUSPECTS },
      rounds: rounds(2, (_i, at) => ({
        probes: [site(at), health(at), user(at, false), ...controls(at)],
        status: inactive(at),
      })),
    }),
  );
  add(
    'extensions: symptom with token working and one suspect, status operational',
    'extensions',
    build({
      symptom: true,
      tokenConfigured: true,
      extensions: { scanned: true, profilesScanned: 1, suspects: SUSPECTS.slice(0, 1) },
      rounds: rounds(2, (_i, at) => ({
        probes: [site(at), health(at), user(at, true), ...controls(at)],
        status: statusReading(at),
      })),
    }),
  );
  add(
    'extensions: symptom, site behind a bot check, health fine, suspects found',
    'extensions',
    build({
      symptom: true,
      tokenConfigured: true,
      extensions: { scanned: true, profilesScanned: 3, suspects: SUSPECTS },
      target: { ...TARGET_WITH_EXTRAS, statusPage: null },
      rounds: rounds(1, (_i, at) => ({
        probes: [site(at, CHALLENGE), health(at), user(at, true), ...controls(at)],
      })),
    }),
  );

  // A thin symptom: the user sees an error, every probe succeeds, but the scan found no suspect
  // extension and no token is set, so the account was never tested. Extensions must not lead
  // confidently here; the honest answer is "unknown", with adding the token as the next step.
  add(
    'unknown: symptom, every probe fine, no token, extension scan found no suspects',
    'unknown',
    build({
      symptom: true,
      extensions: { scanned: true, profilesScanned: 2, suspects: [] },
      rounds: rounds(2, (_i, at) => ({
        probes: [site(at), health(at), user(at, false), ...controls(at)],
        status: statusReading(at),
      })),
    }),
  );

  // ── permissions ───────────────────────────────────────────────────────────
  add(
    'permissions: public asset answers S3 AccessDenied XML on both paths',
    'permissions',
    build({
      alternateConfigured: true,
      rounds: rounds(5, (_i, at) => ({
        probes: [
          site(at),
          health(at),
          extra('assets', at, {
            status: 403,
            ms: 70,
            body: '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>',
          }),
          extra('assets', at, {
            path: 'alternate',
            status: 403,
            ms: 90,
            body: '<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>',
          }),
          site(at, { path: 'alternate', headers: ray('AMS') }),
          ...controls(at),
        ],
        status: inactive(at),
      })),
    }),
  );
  add(
    'permissions: anonymous health refused 401 with and without token',
    'permissions',
    build({
      tokenConfigured: true,
      rounds: rounds(5, (_i, at) => ({
        probes: [
          site(at),
          health(at, {
            status: 401,
            ms: 60,
            body: '{"detail":"Authentication credentials were not provided."}',
          }),
          user(at, true, { status: 401, ms: 60, body: '{"detail":"permission denied"}' }),
          extra('config', at, { status: 403, ms: 55, body: '{"error":"PERMISSION_DENIED"}' }),
          ...controls(at),
        ],
        status: statusReading(at),
      })),
    }),
  );
  add(
    'permissions: "permission denied" on a public config endpoint, no token, no status page',
    'permissions',
    build({
      target: { ...TARGET_WITH_EXTRAS, statusPage: null },
      rounds: rounds(4, (_i, at) => ({
        probes: [
          site(at),
          health(at),
          extra('config', at, {
            status: 403,
            ms: 50,
            body: 'Error: permission denied for bucket public-config',
          }),
          ...controls(at),
        ],
      })),
    }),
  );

  // ── local-network ─────────────────────────────────────────────────────────
  add(
    'local-network: DNS fails for the service and the controls',
    'local-network',
    build({
      rounds: rounds(4, (_i, at) => ({
        probes: [
          site(at, { status: null, outcome: 'dns', ms: 30, headers: {} }),
          health(at, { status: null, outcome: 'dns', ms: 30, headers: {} }),
          ...controls(at, 'dns'),
        ],
        status: statusUnavailable(at, 'network'),
      })),
    }),
  );
  add(
    'local-network: timeouts everywhere, token set',
    'local-network',
    build({
      tokenConfigured: true,
      rounds: rounds(4, (_i, at) => ({
        probes: [
          site(at, { status: null, outcome: 'timeout-connect', ms: 5000, headers: {} }),
          health(at, { status: null, outcome: 'timeout-connect', ms: 5000, headers: {} }),
          user(at, true, { status: null, outcome: 'timeout-connect', ms: 5000, headers: {} }),
          ...controls(at, 'timeout-connect'),
        ],
        status: statusUnavailable(at, 'timeout'),
      })),
    }),
  );
  add(
    'local-network: no route to anything, alternate path fails too',
    'local-network',
    build({
      alternateConfigured: true,
      target: { ...TARGET_WITH_EXTRAS, statusPage: null },
      rounds: rounds(3, (_i, at) => ({
        probes: [
          site(at, { status: null, outcome: 'unreachable', ms: 3, headers: {} }),
          health(at, { status: null, outcome: 'unreachable', ms: 3, headers: {} }),
          site(at, { path: 'alternate', status: null, outcome: 'proxy', ms: 3, headers: {} }),
          ...controls(at, 'unreachable'),
        ],
      })),
    }),
  );

  // ── healthy (and decoys that must stay healthy) ───────────────────────────
  add(
    'healthy: everything answers, status operational, token works',
    'healthy',
    build({
      tokenConfigured: true,
      rounds: rounds(4, (_i, at) => ({
        probes: [site(at), health(at), user(at, true), ...controls(at)],
        status: statusReading(at),
      })),
    }),
  );
  add(
    'healthy: minimal config (site only, no controls, no status page)',
    'healthy',
    build({
      target: { ...SAMPLE_TARGET, endpoints: [], statusPage: null },
      rounds: rounds(3, (_i, at) => ({ probes: [site(at)] })),
    }),
  );
  add(
    'healthy: the site was updated and keeps working',
    'healthy',
    build({
      rounds: rounds(6, (i, at) => ({
        probes: [
          site(at, { body: SITE_HTML(i >= 3 ? 'beef0042' : '3f2a9c1b') }),
          health(at),
          ...controls(at),
        ],
        status: statusReading(at),
      })),
    }),
  );
  add(
    'healthy (decoy: upcoming maintenance only)',
    'healthy',
    build({
      rounds: rounds(4, (_i, at) => ({
        probes: [site(at), health(at), ...controls(at)],
        status: statusReading(at, {
          maintenanceUpcoming: [{ name: 'Planned upgrade', scheduledFor: '2026-11-22T03:00:00.000Z' }],
        }),
      })),
    }),
  );
  add(
    'healthy (decoy: bot challenge on the home page)',
    'healthy',
    build({
      rounds: rounds(4, (_i, at) => ({
        probes: [site(at, CHALLENGE), health(at), user(at, false), ...controls(at)],
        status: inactive(at),
      })),
    }),
  );
  add(
    'healthy (decoy: slow but answering, latency ×3)',
    'healthy',
    build({
      rounds: rounds(6, (_i, at) => ({
        probes: [site(at, { ms: 800 }), health(at, { ms: 560 }), ...controls(at)],
        status: statusReading(at),
      })),
    }),
  );
  add(
    'healthy (decoy: status page inactive, one isolated timeout)',
    'healthy',
    build({
      rounds: rounds(10, (i, at) => ({
        probes: [
          site(at),
          health(at, i === 6 ? { status: null, outcome: 'timeout-headers', ms: 10000, headers: {} } : {}),
          ...controls(at),
        ],
        status: inactive(at),
      })),
    }),
  );

  add(
    'healthy (decoy: one lone Cloudflare 502 on the site page)',
    'healthy',
    build({
      rounds: rounds(6, (i, at) => ({
        probes: [
          site(
            at,
            i === 3
              ? {
                  status: 502,
                  ms: 90,
                  headers: ray('AMS'),
                  body: '<title>502 Bad Gateway</title> cloudflare',
                }
              : {},
          ),
          health(at),
          ...controls(at),
        ],
      })),
    }),
  );

  // ── honest "unknown" ──────────────────────────────────────────────────────
  add('unknown: no round ran', 'unknown', build({ rounds: [], now: () => new Date(START) }));
  add(
    'unknown: only a bot check was seen',
    'unknown',
    build({
      target: { ...SAMPLE_TARGET, endpoints: [], statusPage: null },
      rounds: rounds(2, (_i, at) => ({ probes: [site(at, CHALLENGE), ...controls(at)] })),
    }),
  );
  return cases;
}
