// Every status-page provider, in the order detection tries them.

import type { StatusProviderId } from '../../../shared/types/status';
import type { StatusProvider } from '../provider';
import { atlassianProvider } from './atlassian';
import { betterstackProvider } from './betterstack';
import { incidentioProvider } from './incidentio';
import { instatusProvider } from './instatus';

/**
 * All providers in detection order. Atlassian comes before incident.io because both serve
 * `/api/v2/summary.json` and only Atlassian's has `page.time_zone`.
 */
export const STATUS_PROVIDERS: readonly StatusProvider[] = [
  atlassianProvider,
  incidentioProvider,
  instatusProvider,
  betterstackProvider,
];

/** The provider with this id. */
export function providerById(id: StatusProviderId): StatusProvider {
  return STATUS_PROVIDERS.find((p) => p.id === id)!;
}

export { atlassianProvider, betterstackProvider, incidentioProvider, instatusProvider };
