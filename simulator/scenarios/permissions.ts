// Permissions: public, anonymous resources answer 401/403 (object-store AccessDenied, "permission
// denied") from every path, with or without a token, while the site itself loads.

import { accessDenied, permissionDenied } from '../replies';
import type { ScenarioDefinition } from '../types';
import type { EndpointSpec } from '../types';
import { HEALTH_AND_USER, row, rows } from './common';

const PUBLIC_FILES: EndpointSpec[] = [
  ...HEALTH_AND_USER,
  { name: 'characters', path: '/chat/characters/trending/' },
  { name: 'app-config', path: '/config/app.json' },
];

/** The permissions variants. */
export const PERMISSIONS: ScenarioDefinition[] = [
  {
    name: 'permissions-s3-both-paths',
    outcome: 'permissions',
    description:
      'Two public resources answer 403 with S3 AccessDenied XML on the direct path and through tinyproxy alike, while the site and health load.',
    signals: ['403 AccessDenied XML', 'same on the alternate path', 'site loads'],
    alternatePath: true,
    endpoints: PUBLIC_FILES,
    handlers: { characters: (r) => accessDenied(r, 's3'), 'app-config': (r) => accessDenied(r, 's3') },
    expectEvidence: {
      says: 'access-denied bodies were seen on both paths',
      check: (e) =>
        row(e, 'characters')?.signals.accessDenied === true &&
        row(e, 'characters', 'alternate')?.signals.accessDenied === true &&
        (e.site?.failures ?? 1) === 0,
    },
  },
  {
    name: 'permissions-gcs-with-token',
    outcome: 'permissions',
    description:
      'With a valid token, public and authenticated resources alike answer 403 with Google Cloud Storage AccessDenied XML; the site loads.',
    signals: ['403 GCS AccessDenied', 'token set: authenticated fails too', 'site loads'],
    token: 'valid',
    endpoints: PUBLIC_FILES,
    handlers: {
      characters: (r) => accessDenied(r, 'gcs'),
      'app-config': (r) => accessDenied(r, 'gcs'),
      user: (r) => accessDenied(r, 'gcs'),
    },
    expectEvidence: {
      says: 'anonymous resources were denied with an access-denied body',
      check: (e) =>
        row(e, 'app-config')?.signals.accessDenied === true &&
        (row(e, 'app-config')?.statuses['403'] ?? 0) > 0,
    },
  },
  {
    name: 'permissions-401-public-page-inactive',
    outcome: 'permissions',
    description:
      'The anonymous health check and public API answer 401 "Permission denied" to everyone; the site loads; the status page is inactive.',
    signals: ['401 on anonymous endpoints', '"permission denied" body', 'status page inactive'],
    statusPage: { kind: 'inactive' },
    endpoints: PUBLIC_FILES,
    handlers: {
      health: () => permissionDenied(401),
      characters: () => permissionDenied(401),
      'app-config': () => permissionDenied(401),
    },
    expectEvidence: {
      says: 'anonymous endpoints answered 401',
      check: (e) => rows(e).filter((r) => !r.auth && (r.statuses['401'] ?? 0) > 0).length >= 2,
    },
  },
];
