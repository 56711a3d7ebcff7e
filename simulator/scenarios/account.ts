// Account: with the user's token, the authenticated endpoints fail (401, 403, 5xx) while anonymous
// ones and the site work.

import { atlassianOperational } from '../status-pages';
import { csrf, json, serverError } from '../replies';
import type { Handler, ScenarioDefinition } from '../types';
import { HEALTH_AND_USER, WITH_SETTINGS, row } from './common';

const failsWithToken =
  (fail: Handler): Handler =>
  (r, normal) =>
    r.token === 'valid' ? fail(r, normal) : normal();

/** The account variants. */
export const ACCOUNT: ScenarioDefinition[] = [
  {
    name: 'account-expired-token',
    outcome: 'account',
    description:
      'The token in WHY500_TOKEN is 40 characters but expired: the token check answers 401 while the site and health work.',
    signals: ['token set', '401 on the authenticated endpoint', 'no status page'],
    token: 'expired',
    endpoints: HEALTH_AND_USER,
    expectEvidence: {
      says: 'the authenticated endpoint answered 401 with a token configured',
      check: (e) => e.auth.tokenConfigured && (row(e, 'user')?.statuses['401'] ?? 0) > 0,
    },
  },
  {
    name: 'account-user-500',
    outcome: 'account',
    description:
      "With a valid token, the user's account and settings endpoints answer fast 500s; health, the public API and the site work; the status page says all operational.",
    signals: ['token set', '500 on authenticated endpoints only', 'status page operational'],
    token: 'valid',
    statusPage: { kind: 'atlassian', summary: atlassianOperational() },
    endpoints: WITH_SETTINGS,
    handlers: {
      user: failsWithToken((r) => serverError(r)),
      settings: failsWithToken((r) => serverError(r)),
    },
    expectEvidence: {
      says: 'the authenticated endpoints failed while the anonymous ones did not',
      check: (e) =>
        (row(e, 'user')?.failures ?? 0) > 0 &&
        (row(e, 'health')?.failures ?? 1) === 0 &&
        (row(e, 'characters')?.failures ?? 1) === 0,
    },
  },
  {
    name: 'account-csrf-403',
    outcome: 'account',
    description:
      'With a valid token, the account endpoints answer Django\'s 403 "CSRF verification failed" (a broken session); the status page is inactive.',
    signals: ['token set', '403 CSRF on authenticated endpoints', 'status page inactive'],
    token: 'valid',
    statusPage: { kind: 'inactive' },
    endpoints: WITH_SETTINGS,
    handlers: { user: failsWithToken(() => csrf()), settings: failsWithToken(() => csrf()) },
    expectEvidence: {
      says: 'the CSRF failure was recognised on the user endpoint',
      check: (e) => row(e, 'user')?.signals.csrf === true,
    },
  },
  {
    name: 'account-forbidden-tls',
    outcome: 'account',
    description:
      'Over real TLS, with a valid token: the account endpoints answer 403 "You do not have permission to perform this action." while anonymous endpoints work.',
    signals: ['TLS', 'token set', '403 JSON on authenticated endpoints only'],
    token: 'valid',
    tls: true,
    endpoints: WITH_SETTINGS,
    handlers: {
      user: failsWithToken(() => json(403, { detail: 'You do not have permission to perform this action.' })),
      settings: failsWithToken(() =>
        json(403, { detail: 'You do not have permission to perform this action.' }),
      ),
    },
    expectEvidence: {
      says: 'the user endpoint answered 403 while health answered',
      check: (e) => (row(e, 'user')?.statuses['403'] ?? 0) > 0 && (row(e, 'health')?.failures ?? 1) === 0,
    },
  },
];
