// Local network: the user's own connection is down — the control sites fail too, and the target fails
// at the transport level (refused, reset, or a black hole that never answers).

import type { EvidenceExpectation, ScenarioDefinition } from '../types';
import { HEALTH_AND_USER } from './common';

const controlsDown: EvidenceExpectation = {
  says: 'every control probe failed',
  check: (e) => e.controls.attempts > 0 && e.controls.failures === e.controls.attempts,
};

/** The local-network variants. */
export const LOCAL_NETWORK: ScenarioDefinition[] = [
  {
    name: 'local-network-refused',
    outcome: 'local-network',
    description: 'Every connection is refused: the service, its status page and both control sites.',
    signals: ['connection refused everywhere', 'controls dead', 'status page unreachable'],
    transport: 'refused',
    controls: 'refused',
    statusPage: { kind: 'inactive' },
    endpoints: HEALTH_AND_USER,
    expectEvidence: controlsDown,
  },
  {
    name: 'local-network-reset',
    outcome: 'local-network',
    description:
      'Every connection is reset as soon as the request is sent, to the service and to both control sites; a token is set.',
    signals: ['connection reset everywhere', 'controls dead', 'token set'],
    transport: 'reset',
    controls: 'reset',
    token: 'valid',
    endpoints: HEALTH_AND_USER,
    expectEvidence: controlsDown,
  },
  {
    name: 'local-network-black-hole',
    outcome: 'local-network',
    description:
      'Connections are accepted and never answered (a black hole), for the service and both control sites: every probe times out.',
    signals: ['timeouts everywhere', 'controls dead'],
    transport: 'blackhole',
    controls: 'blackhole',
    endpoints: HEALTH_AND_USER,
    watch: { seconds: 1, interval: 1 },
    expectEvidence: controlsDown,
  },
];
