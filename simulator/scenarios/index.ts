// Every scenario, one table per outcome, in the order of the outcome list.

import type { ScenarioDefinition } from '../types';
import { ACCOUNT } from './account';
import { BAD_UPDATE } from './bad-update';
import { EXTENSIONS } from './extensions';
import { HEALTHY } from './healthy';
import { LOCAL_NETWORK } from './local-network';
import { MAINTENANCE } from './maintenance';
import { OVERLOAD } from './overload';
import { PERMISSIONS } from './permissions';
import { REGIONAL } from './regional';

/** All scenarios. */
export const SCENARIOS: readonly ScenarioDefinition[] = [
  ...OVERLOAD,
  ...BAD_UPDATE,
  ...ACCOUNT,
  ...REGIONAL,
  ...MAINTENANCE,
  ...EXTENSIONS,
  ...PERMISSIONS,
  ...LOCAL_NETWORK,
  ...HEALTHY,
];
