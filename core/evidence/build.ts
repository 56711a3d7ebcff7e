// Builds the Evidence object the classifier weighs from a window of rounds: per endpoint and path
// counts, medians and failure pattern, the control probes, the status page's word, the build
// fingerprint and the extension scan. Tolerates missing pieces (no site probe, no status page, no
// controls, no rounds at all). The per-endpoint sums, the status page's word and the window's
// fingerprint are made in endpoint-evidence.ts, status-evidence.ts and window-fingerprint.ts.

import type { ResolvedTarget } from '../../shared/types/config';
import type { EndpointEvidence, Evidence, FingerprintEvidence } from '../../shared/types/evidence';
import type { Round } from '../../shared/types/monitor';
import type { HeldProbe } from '../../shared/types/probe';
import { isFailure, type ProbePath, type ProbeResult } from '../../shared/types/probe';
import { aggregate, failsInside, signalReader } from './endpoint-evidence';
import { emptyFingerprint, extractFingerprint } from './fingerprint';
import { statusFacts } from './status-evidence';
import { confirmedByWindow, errorsAfterChange, windowFingerprint } from './window-fingerprint';

export { failurePattern } from './endpoint-evidence';
export { isRegionName } from './status-evidence';
export { errorsAfterChange } from './window-fingerprint';

/** Everything buildEvidence needs. */
export interface EvidenceInput {
  target: ResolvedTarget;
  /** The observation window, any order (sorted by start time here). */
  rounds: Round[];
  /** Usual latency per probe, ms, keyed `${path}:${name}` (e.g. `direct:health`); missing = unknown. */
  baselines?: Record<string, number | null>;
  /**
   * From FingerprintTracker.evidence(); when absent or unchanged, a change inside the window is still
   * found. `secondsBeforeErrors` is recomputed here from the window.
   */
  fingerprint?: FingerprintEvidence;
  /** From scanExtensions(); absent = not scanned. */
  extensions?: Evidence['extensions'];
  tokenConfigured: boolean;
  alternateConfigured: boolean;
  /** The user sees the error right now. */
  symptom: boolean;
  /** Clock used only when there are no rounds at all. */
  now?: () => Date;
}

/** The probes held back by Retry-After in the window, the latest hold per endpoint and path. */
function latestHolds(rounds: Round[]): HeldProbe[] {
  const latest = new Map<string, HeldProbe>();
  for (const r of rounds) for (const h of r.heldBack ?? []) latest.set(`${h.path}:${h.name}`, h);
  return [...latest.values()];
}

/** Sorts by time, oldest first. */
function byTime(a: { at: string }, b: { at: string }): number {
  return (Date.parse(a.at) || 0) - (Date.parse(b.at) || 0);
}

/** Summarises a window of rounds into the evidence the classifier weighs. Never throws on missing parts. */
export function buildEvidence(input: EvidenceInput): Evidence {
  const rounds = [...(input.rounds ?? [])].sort(
    (a, b) => (Date.parse(a.startedAt) || 0) - (Date.parse(b.startedAt) || 0),
  );
  const probes = rounds.flatMap((r) => r.probes ?? []).sort(byTime);
  const baselines = input.baselines ?? {};
  const tokenEndpoints = new Set(input.target.endpoints.filter((e) => e.auth).map((e) => e.name));

  const groups = new Map<string, { name: string; path: ProbePath; probes: ProbeResult[] }>();
  const controls: Evidence['controls'] = { attempts: 0, failures: 0, outcomes: {} };
  for (const p of probes) {
    if (p.path === 'control') {
      controls.attempts++;
      if (isFailure(p.outcome)) controls.failures++;
      controls.outcomes[p.outcome] = (controls.outcomes[p.outcome] ?? 0) + 1;
      continue;
    }
    const key = `${p.path}:${p.name}`;
    const group = groups.get(key) ?? { name: p.name, path: p.path, probes: [] };
    group.probes.push(p);
    groups.set(key, group);
  }

  const signalsOf = signalReader();
  const evidenceOf = (path: ProbePath, name: string): EndpointEvidence | null => {
    const g = groups.get(`${path}:${name}`);
    if (!g) return null;
    return aggregate(
      name,
      path,
      g.probes,
      tokenEndpoints.has(name),
      baselines[`${path}:${name}`] ?? null,
      signalsOf,
    );
  };
  // Configured endpoints first in config order, then anything else probed (e.g. renamed mid-window).
  const orderedNames = (path: ProbePath): string[] => {
    const seen = [...groups.values()].filter((g) => g.path === path && g.name !== 'site').map((g) => g.name);
    const configured = input.target.endpoints.map((e) => e.name).filter((n) => seen.includes(n));
    return [...configured, ...seen.filter((n) => !configured.includes(n))];
  };
  const endpoints = orderedNames('direct')
    .map((n) => evidenceOf('direct', n))
    .filter((x): x is EndpointEvidence => x !== null);
  const anonymous = input.target.endpoints
    .filter((e) => e.auth)
    .map((e) => evidenceOf('anonymous', e.name))
    .filter((x): x is EndpointEvidence => x !== null);
  const altSite = evidenceOf('alternate', 'site');
  const alternate = [
    ...(altSite ? [altSite] : []),
    ...orderedNames('alternate')
      .map((n) => evidenceOf('alternate', n))
      .filter((x): x is EndpointEvidence => x !== null),
  ];

  // The watched service's direct probes in time order, failed or not (token endpoints without a
  // token say nothing; a bot check is no failure; a waiting room is).
  const serviceTrail = probes
    .filter((p) => p.path === 'direct' && !(tokenEndpoints.has(p.name) && !p.auth))
    .map((p) => {
      const seen = signalsOf(p);
      return { at: p.at, failed: (isFailure(p.outcome) && !seen.challenge) || failsInside(seen) };
    });
  const firstFailureAt = serviceTrail.find((x) => x.failed)?.at ?? null;

  const sightings = probes
    .filter((p) => p.path === 'direct' && p.name === 'site')
    .map((p) => ({ at: p.at, fp: extractFingerprint(p) }));
  const inWindow = windowFingerprint(sightings);
  let fingerprint: FingerprintEvidence = input.fingerprint
    ? confirmedByWindow({ ...input.fingerprint }, sightings)
    : (inWindow ?? emptyFingerprint());
  // A change seen inside the window beats a remembered one that was not seen happening.
  if (input.fingerprint && fingerprint.changeBounded !== true && inWindow?.changedAt) fingerprint = inWindow;
  if (fingerprint.changedAt !== null) {
    fingerprint.secondsBeforeErrors = errorsAfterChange(fingerprint.changedAt, serviceTrail);
  }

  const lastStatus = [...rounds].reverse().find((r) => r.status != null)?.status ?? null;
  const now = (input.now ?? (() => new Date()))().toISOString();
  const first = rounds[0];
  const last = rounds[rounds.length - 1];
  const observedTo = last?.finishedAt ?? now;

  return {
    target: input.target.name,
    observedFrom: first?.startedAt ?? now,
    observedTo,
    rounds: rounds.length,
    firstFailureAt,
    symptom: input.symptom || rounds.some((r) => r.symptom === true),
    site: evidenceOf('direct', 'site'),
    endpoints,
    alternate: input.alternateConfigured ? alternate : [],
    alternateConfigured: input.alternateConfigured,
    anonymous,
    controls,
    statusPage: statusFacts(input.target, lastStatus, Date.parse(observedTo) || Date.parse(now)),
    fingerprint,
    heldBack: latestHolds(rounds),
    auth: { tokenConfigured: input.tokenConfigured },
    extensions: input.extensions ?? { scanned: false, profilesScanned: 0, suspects: [] },
  };
}
