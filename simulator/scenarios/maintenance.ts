// Maintenance: planned downtime — a maintenance in progress on the status page, 503 with Retry-After
// and maintenance wording.

import { atlassianMaintenance, instatusMaintenance } from '../status-pages';
import { maintenance } from '../replies';
import type { Handler, ScenarioDefinition } from '../types';
import { HEALTH_AND_USER, WITH_PUBLIC_API, rows } from './common';

/** Seconds after which the maintenance ends (the demo sees the service come back). */
const ENDS_AT = 150;

const down: Handler = (r, normal) => (r.t < ENDS_AT ? maintenance(r, 1800) : normal());

/** The maintenance variants. */
export const MAINTENANCE: ScenarioDefinition[] = [
  {
    name: 'maintenance-atlassian-in-progress',
    outcome: 'maintenance',
    description:
      'The Atlassian status page shows a maintenance in progress (indicator "maintenance"); the site and endpoints answer 503 with Retry-After and a maintenance page.',
    signals: ['maintenance in progress on the status page', '503 + Retry-After', 'maintenance wording'],
    statusPage: { kind: 'atlassian', summary: atlassianMaintenance({ inProgress: true }) },
    endpoints: HEALTH_AND_USER,
    handlers: { site: down, health: down, user: down },
    expectEvidence: {
      says: 'the status page showed the maintenance in progress',
      check: (e) => e.statusPage.maintenanceInProgress,
    },
  },
  {
    name: 'maintenance-503-wording-page-inactive',
    outcome: 'maintenance',
    description:
      'The status page is inactive (302 then 401), but every request gets 503 with Retry-After and "down for scheduled maintenance" wording.',
    signals: ['503 + Retry-After', 'maintenance wording', 'status page inactive'],
    statusPage: { kind: 'inactive' },
    endpoints: WITH_PUBLIC_API,
    handlers: { site: down, health: down, user: down, characters: down },
    expectEvidence: {
      says: 'the maintenance wording was recognised',
      check: (e) => rows(e).some((r) => r.signals.maintenanceWording && r.signals.retryAfter),
    },
  },
  {
    name: 'maintenance-instatus',
    outcome: 'maintenance',
    description:
      'An Instatus page says UNDERMAINTENANCE with an in-progress maintenance (Date.toString() times); the API answers 503 maintenance JSON with Retry-After.',
    signals: ['Instatus maintenance', '503 + Retry-After', 'maintenance JSON'],
    statusPage: { kind: 'instatus', ...instatusMaintenance() },
    endpoints: WITH_PUBLIC_API,
    handlers: { site: down, characters: down, user: down },
    expectEvidence: {
      says: 'the status page showed the maintenance in progress',
      check: (e) => e.statusPage.maintenanceInProgress,
    },
  },
  {
    name: 'maintenance-web-only-no-status-page',
    outcome: 'maintenance',
    description:
      'No status page. The site and the API answer 503 maintenance pages with Retry-After while the backend health check still says UP.',
    signals: ['maintenance wording', '503 + Retry-After', 'health still UP', 'no status page'],
    endpoints: WITH_PUBLIC_API,
    handlers: { site: down, characters: down },
    expectEvidence: {
      says: 'the site showed the maintenance page with Retry-After',
      check: (e) => e.site?.signals.maintenanceWording === true && e.site.signals.retryAfter,
    },
  },
];
