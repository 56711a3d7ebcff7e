// Local network: the user's own connection is down — the control sites fail too, and the target fails
// at the transport level (refused, reset, or a black hole that never answers).

import { SIGN_IN_PAGE } from '../controls';
import type { EvidenceExpectation, HttpReply, ScenarioDefinition } from '../types';
import { HEALTH_AND_USER } from './common';

const controlsDown: EvidenceExpectation = {
  says: 'every control probe failed',
  check: (e) => e.controls.attempts > 0 && e.controls.failures === e.controls.attempts,
};

/** A sign-in page answering in the service's place (200, so a probe following redirects sees success). */
const signIn = (): HttpReply => ({
  kind: 'http',
  status: 200,
  headers: { 'content-type': 'text/html' },
  body: SIGN_IN_PAGE,
});

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
  {
    name: 'local-network-captive-portal',
    outcome: 'local-network',
    description:
      'A Wi-Fi sign-in page answers every request: the controls redirect to its login form and the service returns the form with 200, which looks like success until the local checks ask a "no content" address.',
    signals: [
      'controls redirected to a sign-in page',
      'service answers 200 with the sign-in form',
      'local checks',
    ],
    controls: 'captive',
    endpoints: HEALTH_AND_USER,
    handlers: { site: signIn, health: signIn, user: signIn },
    expectEvidence: {
      says: 'the local checks found a Wi-Fi sign-in page',
      check: (e) => e.local?.checks.some((c) => c.finding === 'captive-redirect') === true,
    },
  },
];
