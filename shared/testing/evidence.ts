// Small builders for hand-made Evidence objects, for the classifier's own tests (shared/ cannot use
// core/evidence/build.ts; the case table built from rounds lives in core/testing/evidence-cases.ts).

import { noSignals } from '../evidence/signals';
import type { EndpointEvidence, Evidence, ResponseSignals } from '../types/evidence';

/** Signals with nothing seen, plus overrides. */
export function signals(over: Partial<ResponseSignals> = {}): ResponseSignals {
  return { ...noSignals(), ...over };
}

/**
 * One endpoint's evidence. `fail` failures out of `attempts`, all answered with `code` (or a
 * transport outcome when `code` is null); the rest answered 200.
 */
export function endpoint(
  name: string,
  options: {
    attempts?: number;
    fail?: number;
    code?: number | null;
    transport?: 'dns' | 'timeout-connect' | 'refused' | 'reset';
    path?: EndpointEvidence['path'];
    auth?: boolean;
    needsToken?: boolean;
    medianMs?: number | null;
    medianErrorMs?: number | null;
    baselineMs?: number | null;
    pattern?: EndpointEvidence['pattern'];
    signals?: Partial<ResponseSignals>;
    edge?: string | null;
    challenge?: number;
  } = {},
): EndpointEvidence {
  const attempts = options.attempts ?? 4;
  const fail = options.fail ?? 0;
  const challenge = options.challenge ?? 0;
  const ok = attempts - fail - challenge;
  const code = options.code === undefined ? 500 : options.code;
  const outcomes: EndpointEvidence['outcomes'] = {};
  const statuses: Record<string, number> = {};
  if (ok > 0) {
    outcomes.ok = ok;
    statuses['200'] = ok;
  }
  if (challenge > 0) {
    outcomes.challenge = challenge;
    statuses['403'] = challenge;
  }
  if (fail > 0) {
    if (code === null) outcomes[options.transport ?? 'timeout-connect'] = fail;
    else {
      outcomes[code >= 500 ? 'http-5xx' : 'http-4xx'] = fail;
      statuses[String(code)] = (statuses[String(code)] ?? 0) + fail;
    }
  }
  return {
    name,
    path: options.path ?? 'direct',
    auth: options.auth ?? false,
    ...(options.needsToken ? { needsToken: true } : {}),
    attempts,
    failures: fail,
    outcomes,
    statuses,
    medianMs: options.medianMs === undefined ? 180 : options.medianMs,
    medianErrorMs:
      options.medianErrorMs === undefined ? (fail > 0 && code !== null ? 200 : null) : options.medianErrorMs,
    baselineMs: options.baselineMs === undefined ? 180 : options.baselineMs,
    pattern:
      options.pattern ??
      (fail === 0 ? 'none' : fail === attempts - challenge ? 'consistent' : 'intermittent'),
    signals: signals({ ...(challenge > 0 ? { challenge: true } : {}), ...options.signals }),
    edge: options.edge ?? null,
  };
}

/** A healthy window of four rounds: site and health fine, controls fine, no status page. Override freely. */
export function evidence(over: Partial<Evidence> = {}): Evidence {
  return {
    target: 'Example',
    observedFrom: '2026-11-20T12:00:00.000Z',
    observedTo: '2026-11-20T12:02:00.000Z',
    rounds: 4,
    firstFailureAt: null,
    symptom: false,
    site: endpoint('site'),
    endpoints: [endpoint('health')],
    alternate: [],
    alternateConfigured: false,
    controls: { attempts: 8, failures: 0, outcomes: { ok: 8 } },
    statusPage: {
      configured: false,
      available: false,
      stale: false,
      unavailableReason: 'not-configured',
      level: null,
      openIncidents: 0,
      incidentImpact: null,
      maintenanceInProgress: false,
      maintenanceUpcoming: false,
      regionalComponentsDown: [],
      componentsDown: [],
    },
    fingerprint: {
      current: null,
      previous: null,
      changedAt: null,
      source: null,
      secondsBeforeErrors: null,
    },
    auth: { tokenConfigured: false },
    extensions: { scanned: false, profilesScanned: 0, suspects: [] },
    ...over,
  };
}

/** A status page section with a snapshot, plus overrides. */
export function statusPage(over: Partial<Evidence['statusPage']> = {}): Evidence['statusPage'] {
  return {
    configured: true,
    available: true,
    stale: false,
    unavailableReason: null,
    level: 'operational',
    openIncidents: 0,
    incidentImpact: null,
    maintenanceInProgress: false,
    maintenanceUpcoming: false,
    regionalComponentsDown: [],
    componentsDown: [],
    ...over,
  };
}
