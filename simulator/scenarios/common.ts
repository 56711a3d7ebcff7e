// Pieces the scenario tables share: endpoint sets, builds, and small readers of the evidence.

import type { EndpointEvidence, Evidence } from '../../shared/types/evidence';
import type { Build, EndpointSpec } from '../types';

/** The default target's endpoints: anonymous health and the token check. */
export const HEALTH_AND_USER: EndpointSpec[] = [
  { name: 'health', path: '/health' },
  { name: 'user', path: '/chat/user/', auth: true },
];

/** Health, the token check, and a public API listing (anonymous). */
export const WITH_PUBLIC_API: EndpointSpec[] = [
  ...HEALTH_AND_USER,
  { name: 'characters', path: '/chat/characters/trending/' },
];

/** Health, the token check and the user's settings (both authenticated), and a public listing. */
export const WITH_SETTINGS: EndpointSpec[] = [
  ...WITH_PUBLIC_API,
  { name: 'settings', path: '/chat/user/settings/', auth: true },
];

/** The build live before a deploy. */
export const OLD_BUILD: Build = { version: '1.41.2', id: 'Xk3p9QmZt7Lw2RvB8nC4d' };

/** The build a deploy puts live. */
export const NEW_BUILD: Build = { version: '1.42.0', id: 'Hq8sV1yN5bJ0eK6fG2mPa' };

/** Every evidence row (site, endpoints, alternate) of the window. */
export function rows(e: Evidence): EndpointEvidence[] {
  return [...(e.site ? [e.site] : []), ...e.endpoints, ...e.alternate];
}

/** The direct-path row of an endpoint. */
export function row(
  e: Evidence,
  name: string,
  path: 'direct' | 'alternate' = 'direct',
): EndpointEvidence | undefined {
  if (path === 'alternate') return e.alternate.find((r) => r.name === name);
  return name === 'site' ? (e.site ?? undefined) : e.endpoints.find((r) => r.name === name);
}

/** How many responses of any row carried `status`. */
export function statusCount(e: Evidence, status: number): number {
  return rows(e).reduce((sum, r) => sum + (r.statuses[String(status)] ?? 0), 0);
}
