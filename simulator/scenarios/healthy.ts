// Healthy: nothing is wrong from here — including decoys that look like a cause but are not: a bot
// challenge on the home page, an upcoming maintenance, a slow but working service, an installed
// extension without a symptom.

import { atlassianIncident, atlassianMaintenance, atlassianOperational } from '../status-pages';
import { challenge, cloudflareError, slow } from '../replies';
import type { Handler, ScenarioDefinition } from '../types';
import { HEALTH_AND_USER, WITH_PUBLIC_API } from './common';

const sluggish: Handler = (r, normal) => slow(normal(), 800 + (r.n % 3) * 100);

/** The healthy variants. */
export const HEALTHY: ScenarioDefinition[] = [
  {
    name: 'healthy-isolated-blip',
    outcome: 'healthy',
    decoyFor: 'overload',
    description:
      'One single 502 on the site page in the whole window; every other request works. No status page.',
    signals: ['one isolated 502 (decoy)', 'everything else fine'],
    endpoints: WITH_PUBLIC_API,
    handlers: { site: (r, normal) => (r.n === 1 && r.via === 'direct' ? cloudflareError(r, 502) : normal()) },
    expectEvidence: {
      says: 'the site failed exactly once',
      check: (e) => e.site?.failures === 1 && (e.site?.attempts ?? 0) >= 3,
    },
  },
  {
    name: 'healthy-unrelated-incident',
    outcome: 'healthy',
    decoyFor: 'overload',
    description:
      'The Atlassian status page has an open incident on "Image generation", which this app does not probe; everything it probes works, with a valid token.',
    signals: ['incident on an unprobed component (decoy)', 'all probes fine', 'token set'],
    token: 'valid',
    statusPage: {
      kind: 'atlassian',
      summary: atlassianIncident({
        name: 'Slow image generation',
        component: 'Image generation',
        componentStatus: 'degraded_performance',
        impact: 'minor',
        message: 'Image generation is slower than usual; chat is not affected.',
      }),
    },
    endpoints: WITH_PUBLIC_API,
    expectEvidence: {
      says: 'the status page showed the incident while no endpoint failed',
      check: (e) => e.statusPage.openIncidents >= 1 && e.endpoints.every((r) => r.failures === 0),
    },
  },
  {
    name: 'healthy-operational',
    outcome: 'healthy',
    description:
      'Everything answers quickly with a valid token; the Atlassian status page says all operational.',
    signals: ['all probes fine', 'token set', 'status page operational'],
    token: 'valid',
    statusPage: { kind: 'atlassian', summary: atlassianOperational() },
    endpoints: WITH_PUBLIC_API,
    expectEvidence: {
      says: 'no endpoint failed and the status page was read',
      check: (e) => e.endpoints.every((r) => r.failures === 0) && e.statusPage.available,
    },
  },
  {
    name: 'healthy-slow',
    outcome: 'healthy',
    decoyFor: 'overload',
    description:
      'Every answer is correct but takes 0.8–1 s, steadily (a slow but healthy service). No status page.',
    signals: ['slow but steady', 'no errors', 'no status page'],
    endpoints: WITH_PUBLIC_API,
    handlers: { site: sluggish, health: sluggish, characters: sluggish },
    expectEvidence: {
      says: 'the site was slow (median ≥ 700 ms) without failing',
      check: (e) => (e.site?.medianMs ?? 0) >= 700 && e.site?.failures === 0,
    },
  },
  {
    name: 'healthy-bot-challenge',
    outcome: 'healthy',
    decoyFor: 'permissions',
    description:
      'The home page answers Cloudflare\'s bot challenge (403, cf-mitigated: challenge, "Just a moment..."); every endpoint works.',
    signals: ['403 challenge on the site (decoy)', 'endpoints fine'],
    endpoints: WITH_PUBLIC_API,
    handlers: { site: (r) => challenge(r) },
    expectEvidence: {
      says: 'the challenge was recognised on the site',
      check: (e) => e.site?.signals.challenge === true,
    },
  },
  {
    name: 'healthy-upcoming-maintenance',
    outcome: 'healthy',
    decoyFor: 'maintenance',
    description:
      'Everything works; the Atlassian status page announces a maintenance 48 hours ahead (not in progress).',
    signals: ['upcoming maintenance (decoy)', 'all probes fine'],
    statusPage: {
      kind: 'atlassian',
      summary: atlassianMaintenance({ inProgress: false, startsInHours: 48 }),
    },
    endpoints: HEALTH_AND_USER,
    expectEvidence: {
      says: 'the maintenance was upcoming, not in progress',
      check: (e) => e.statusPage.maintenanceUpcoming && !e.statusPage.maintenanceInProgress,
    },
  },
  {
    name: 'healthy-tls-page-inactive',
    outcome: 'healthy',
    description:
      'Over real TLS with a valid token everything works; the status page is inactive (302 then 401), which is no information.',
    signals: ['TLS', 'token set', 'status page inactive'],
    tls: true,
    token: 'valid',
    statusPage: { kind: 'inactive' },
    endpoints: HEALTH_AND_USER,
    expectEvidence: {
      says: 'the inactive status page was read as no information',
      check: (e) =>
        e.statusPage.configured && !e.statusPage.available && e.endpoints.every((r) => r.failures === 0),
    },
  },
  {
    name: 'healthy-extension-no-symptom',
    outcome: 'healthy',
    decoyFor: 'extensions',
    description:
      'Everything works and the user reports nothing, although a Chromium extension with <all_urls> is installed.',
    signals: ['extension installed (decoy)', 'no symptom', 'all probes fine'],
    endpoints: HEALTH_AND_USER,
    browserProfiles: [
      {
        browser: 'chromium',
        extensions: [
          { id: '', name: 'Chat Enhancer Pro', version: '4.1.0', hostPermissions: ['<all_urls>'] },
        ],
      },
    ],
    expectEvidence: {
      says: 'no symptom was reported and the site loaded',
      check: (e) => !e.symptom && e.site?.failures === 0,
    },
  },
];
