// Extensions: the user sees the error right now (`--symptom`) while every clean probe succeeds, and a
// browser extension in the profile can reach the site.

import { atlassianOperational } from '../status-pages';
import type { ScenarioDefinition } from '../types';
import { HEALTH_AND_USER, WITH_PUBLIC_API } from './common';

const suspect = (name: string) => ({
  says: `the scan named "${name}" as a suspect`,
  check: (e: Parameters<NonNullable<ScenarioDefinition['expectEvidence']>['check']>[0]) =>
    e.symptom && e.extensions.suspects.some((s) => s.name === name),
});

/** A harmless extension that reaches only an unrelated site. */
const UNRELATED = {
  id: '',
  name: 'Recipe Saver',
  version: '2.3.1',
  hostPermissions: ['https://recipes.example.org/*'],
};

/** The extensions variants. */
export const EXTENSIONS: ScenarioDefinition[] = [
  {
    name: 'extensions-chromium-all-urls',
    outcome: 'extensions',
    description:
      'The user reports the error; every probe succeeds; a Chromium profile holds "Chat Enhancer Pro" with host_permissions <all_urls> (and an unrelated extension).',
    signals: ['symptom', 'all probes fine', 'Chromium <all_urls>'],
    symptom: true,
    endpoints: HEALTH_AND_USER,
    browserProfiles: [
      {
        browser: 'chromium',
        extensions: [
          {
            id: '',
            name: 'Chat Enhancer Pro',
            version: '4.1.0',
            hostPermissions: ['<all_urls>'],
            permissions: ['storage', 'scripting'],
          },
          UNRELATED,
        ],
      },
    ],
    expectEvidence: suspect('Chat Enhancer Pro'),
  },
  {
    name: 'extensions-chromium-content-script',
    outcome: 'extensions',
    description:
      'The user reports the error; every probe succeeds; a Chromium extension injects a content script matching *://127.0.0.1/* (the simulated site).',
    signals: ['symptom', 'all probes fine', 'content script matching the site'],
    symptom: true,
    endpoints: WITH_PUBLIC_API,
    browserProfiles: [
      {
        browser: 'chromium',
        extensions: [
          { id: '', name: 'Roleplay Formatter', version: '0.9.3', contentScripts: ['*://127.0.0.1/*'] },
          UNRELATED,
        ],
      },
    ],
    expectEvidence: suspect('Roleplay Formatter'),
  },
  {
    name: 'extensions-firefox',
    outcome: 'extensions',
    description:
      'The user reports the error; every probe succeeds with a valid token; a Firefox profile lists "Translate Everything" with origins *://*/* in extensions.json.',
    signals: ['symptom', 'all probes fine', 'Firefox extensions.json', 'token set'],
    symptom: true,
    token: 'valid',
    endpoints: HEALTH_AND_USER,
    browserProfiles: [
      {
        browser: 'firefox',
        extensions: [
          {
            id: 'translate-everything@sim.example',
            name: 'Translate Everything',
            version: '3.0.2',
            hostPermissions: ['*://*/*'],
            permissions: ['storage', 'webRequest'],
          },
        ],
      },
    ],
    expectEvidence: suspect('Translate Everything'),
  },
  {
    name: 'extensions-status-operational',
    outcome: 'extensions',
    description:
      'The user reports the error; the Atlassian status page says all operational and every probe succeeds; a Chromium extension asks for http://*/* and https://*/*.',
    signals: ['symptom', 'all probes fine', 'status page operational', 'http(s)://*/* permissions'],
    symptom: true,
    token: 'valid',
    statusPage: { kind: 'atlassian', summary: atlassianOperational() },
    endpoints: HEALTH_AND_USER,
    browserProfiles: [
      {
        browser: 'chromium',
        extensions: [
          {
            id: '',
            name: 'Ad Shield Lite',
            version: '1.7.5',
            hostPermissions: ['http://*/*', 'https://*/*'],
            permissions: ['declarativeNetRequest'],
          },
        ],
      },
    ],
    expectEvidence: suspect('Ad Shield Lite'),
  },
];
