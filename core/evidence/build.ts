// Builds the Evidence object the classifier weighs from a window of rounds: per endpoint and path
// counts, medians and failure pattern, the control probes, the status page's word, the build
// fingerprint and the extension scan. Tolerates missing pieces (no site probe, no status page, no
// controls, no rounds at all).

import { mergeSignals, noSignals } from '../../shared/evidence/signals';
import type { ResolvedTarget } from '../../shared/types/config';
import type {
  EndpointEvidence,
  Evidence,
  FingerprintEvidence,
  ResponseSignals,
} from '../../shared/types/evidence';
import type { HeldProbe, Round } from '../../shared/types/monitor';
import { isFailure, type Outcome, type ProbePath, type ProbeResult } from '../../shared/types/probe';
import type { StatusIncident, StatusReading } from '../../shared/types/status';
import {
  emptyFingerprint,
  extractFingerprint,
  isBoundedChange,
  secondsBeforeErrors,
  sightingsNeeded,
} from './fingerprint';
import { checkAgainstClock, levelIsStale } from '../../shared/status/clock-check';
import { edgeFromRay, readSignals } from './signals';

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

/** Words in component names that name a region (continents, cloud regions, cities with big data centres). */
const REGION_NAME =
  /\b(?:europe|european|eu|emea|us|usa|north america|south america|latam|latin america|americas|asia|apac|asia[- ]pacific|africa|middle east|oceania|australia|japan|india|singapore|korea|hong kong|canada|brazil|germany|france|uk|united kingdom|ireland|frankfurt|london|paris|amsterdam|dublin|stockholm|tokyo|osaka|seoul|sydney|mumbai|s[aã]o paulo|virginia|ohio|oregon|california|iowa|texas)\b|\b(?:us|eu|ap|asia|europe|na|sa)[- ]?(?:east|west|central|north|south|northeast|southeast)(?:[- ]?\d)?\b|\b[a-z]{2}-[a-z]+-\d\b/i;

/** True when a status-page component name names a region ("Europe", "US East", "us-west-2"…). */
export function isRegionName(name: string): boolean {
  return REGION_NAME.test(name);
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? null) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** none: no failure; consistent: every attempt from the first failure to the last one failed; else intermittent. */
export function failurePattern(failed: boolean[]): EndpointEvidence['pattern'] {
  const first = failed.indexOf(true);
  if (first < 0) return 'none';
  const last = failed.lastIndexOf(true);
  const stretch = failed.slice(first, last + 1);
  if (stretch.every(Boolean) && (stretch.length >= 2 || failed.length === 1 || last === failed.length - 1)) {
    return 'consistent';
  }
  return 'intermittent';
}

function mostCommon(values: string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  let bestCount = 0;
  for (const [v, n] of counts) {
    if (n > bestCount) [best, bestCount] = [v, n];
  }
  return best;
}

/**
 * True when an answer that may be a 200 is a failure for the user: a queue page, an error inside a 200,
 * or a network filter's block page (an internet provider's court-order block answers "200 OK").
 */
function failsInside(seen: ResponseSignals): boolean {
  return (
    seen.waitingRoom ||
    seen.recognitions.some((r) => r.meaning === 'error-in-200' || r.meaning === 'network-filter')
  );
}

/** What the recognisers make of each probe, read once per probe however often it is asked. */
function signalReader(): (p: ProbeResult) => ResponseSignals {
  const read = new Map<ProbeResult, ResponseSignals>();
  return (p) => {
    let seen = read.get(p);
    if (!seen) read.set(p, (seen = readSignals(p)));
    return seen;
  };
}

/** Aggregates one endpoint's probes (time-ordered) on one path. */
function aggregate(
  name: string,
  path: ProbePath,
  probes: ProbeResult[],
  needsToken: boolean,
  baseline: number | null,
  signalsOf: (p: ProbeResult) => ResponseSignals,
): EndpointEvidence {
  const outcomes: Partial<Record<Outcome, number>> = {};
  const statuses: Record<string, number> = {};
  let signals = noSignals();
  const answered: number[] = [];
  const failedAnswered: number[] = [];
  const edges: string[] = [];
  const failed: boolean[] = [];
  for (const p of probes) {
    const seen = signalsOf(p);
    // A bot check the probe did not label is still a bot check, not an error of the service.
    const outcome: Outcome =
      seen.challenge && (p.outcome === 'http-4xx' || p.outcome === 'http-5xx') ? 'challenge' : p.outcome;
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    if (p.status !== null) statuses[String(p.status)] = (statuses[String(p.status)] ?? 0) + 1;
    signals = mergeSignals(signals, seen);
    // A waiting-room page or an error inside a 200 may come with 200, but the user cannot get in: a failure.
    const fail = isFailure(outcome) || failsInside(seen);
    failed.push(fail);
    const total = p.timings?.total;
    if (p.status !== null && typeof total === 'number' && Number.isFinite(total)) {
      if (fail) failedAnswered.push(total);
      else if (outcome !== 'challenge') answered.push(total);
    }
    const edge = edgeFromRay(p.headers?.['cf-ray']);
    if (edge) edges.push(edge);
  }
  return {
    name,
    path,
    auth: probes.some((p) => p.auth),
    needsToken,
    attempts: probes.length,
    failures: failed.filter(Boolean).length,
    outcomes,
    statuses,
    medianMs: median(answered),
    medianErrorMs: median(failedAnswered),
    baselineMs: baseline,
    pattern: failurePattern(failed),
    signals,
    edge: mostCommon(edges),
  };
}

const IMPACT_ORDER = ['none', 'unknown', 'maintenance', 'minor', 'major', 'critical'] as const;

function worstImpact(incidents: StatusIncident[]): Evidence['statusPage']['incidentImpact'] {
  let worst: (typeof IMPACT_ORDER)[number] | null = null;
  for (const i of incidents) {
    if (worst === null || IMPACT_ORDER.indexOf(i.impact) > IMPACT_ORDER.indexOf(worst)) worst = i.impact;
  }
  return worst;
}

const CLOSED_STAGES = new Set(['resolved', 'postmortem', 'completed', 'closed']);

/**
 * The status page's word, from the latest reading in the window, checked against the clock at `nowMs`:
 * stale items are listed apart with their dates and left out of the counts.
 */
function statusFacts(
  target: ResolvedTarget,
  reading: StatusReading | null,
  nowMs: number,
): Evidence['statusPage'] {
  const configured = target.statusPage !== null && reading?.unavailable?.reason !== 'not-configured';
  const snap = reading?.snapshot ?? null;
  const reason = reading?.unavailable?.reason ?? null;
  if (!snap) {
    return {
      configured,
      available: false,
      stale: false,
      unavailableReason: configured ? reason : 'not-configured',
      level: null,
      openIncidents: 0,
      incidentImpact: null,
      maintenanceInProgress: false,
      maintenanceUpcoming: false,
      regionalComponentsDown: [],
      componentsDown: [],
      incidentName: null,
      maintenanceName: null,
      maintenanceUntil: null,
      upcomingAt: null,
      staleItems: [],
      levelStale: false,
    };
  }
  const checked = checkAgainstClock(
    { ...snap, incidents: snap.incidents.filter((i) => !CLOSED_STAGES.has(i.stage.toLowerCase())) },
    nowMs,
  );
  const open = checked.incidents;
  const down = snap.components.filter((c) => c.status !== 'operational' && c.status !== 'unknown');
  const regional = down.filter((c) => isRegionName(c.name) || (c.group ? /region/i.test(c.group) : false));
  const inProgress = checked.maintenanceInProgress[0] ?? null;
  const upcoming = [...checked.maintenanceUpcoming].sort((a, b) =>
    (a.scheduledFor ?? '').localeCompare(b.scheduledFor ?? ''),
  )[0];
  const levelStale = levelIsStale(snap, checked);
  return {
    configured: true,
    available: true,
    stale: reading?.stale ?? false,
    unavailableReason: reading?.unavailable?.reason ?? null,
    level: snap.level,
    openIncidents: open.length,
    incidentImpact: worstImpact(open),
    maintenanceInProgress: checked.maintenanceInProgress.length > 0,
    maintenanceUpcoming: checked.maintenanceUpcoming.length > 0,
    regionalComponentsDown: regional.map((c) => c.name),
    componentsDown: down.map((c) => c.name),
    incidentName: open[0]?.name ?? null,
    maintenanceName: inProgress?.name ?? null,
    maintenanceUntil: inProgress?.scheduledUntil ?? null,
    upcomingAt: upcoming?.scheduledFor ?? null,
    staleItems: checked.stale,
    levelStale,
  };
}

/** One answer of the site in the window: when, and the build fingerprint it carried (if any). */
interface SiteSighting {
  at: string;
  fp: ReturnType<typeof extractFingerprint>;
}

/**
 * Finds a fingerprint change inside the window from the site probes (time-ordered). Like the
 * tracker, an ETag or Last-Modified must be seen twice in a row before a change from it counts.
 */
function windowFingerprint(sightings: SiteSighting[]): FingerprintEvidence | null {
  let current: ReturnType<typeof extractFingerprint> = null;
  let seen = 0;
  let firstSeenAt: string | null = null;
  let lastSeenAt: string | null = null;
  let previous: string | null = null;
  let previousLastSeenAt: string | null = null;
  let changedAt: string | null = null;
  for (const { at, fp } of sightings) {
    if (!fp) continue;
    if (current && fp.value === current.value) {
      seen++;
      lastSeenAt = at;
      continue;
    }
    if (current && seen >= sightingsNeeded(current.source)) {
      previous = current.value;
      previousLastSeenAt = lastSeenAt;
      changedAt = at;
    }
    current = fp;
    seen = 1;
    firstSeenAt = at;
    lastSeenAt = at;
  }
  if (!current) return null;
  return {
    current: current.value,
    previous,
    changedAt,
    source: current.source,
    secondsBeforeErrors: null,
    firstSeenAt,
    lastSeenAt,
    previousLastSeenAt,
    // Two sightings in a row of this window: the change was seen happening unless the rounds were far apart.
    changeBounded: isBoundedChange(previousLastSeenAt, changedAt),
  };
}

/**
 * The remembered fingerprint as this window may use it: a remembered change counts only when this
 * window saw the site's current build itself (with no answer from the site, nothing is claimed).
 */
function confirmedByWindow(remembered: FingerprintEvidence, sightings: SiteSighting[]): FingerprintEvidence {
  const seenNow = sightings.some(({ fp }) => fp?.value === remembered.current);
  return seenNow || remembered.changedAt === null ? remembered : { ...remembered, changeBounded: false };
}

/**
 * Seconds from a build change to the first failure after it; null when nothing failed after it, or
 * when the service was already failing often before it (then the errors did not start with the change).
 */
export function errorsAfterChange(
  changedAt: string,
  trail: { at: string; failed: boolean }[],
): number | null {
  const change = Date.parse(changedAt);
  if (Number.isNaN(change)) return null;
  const before = trail.filter((x) => Date.parse(x.at) < change - 60_000);
  const failedBefore = before.filter((x) => x.failed).length;
  if (failedBefore >= 2 && failedBefore / before.length >= 0.3) return null;
  const first = trail.find((x) => x.failed && Date.parse(x.at) >= change - 60_000);
  return first ? secondsBeforeErrors(changedAt, first.at) : null;
}

/** The probes held back by Retry-After in the window, the latest hold per endpoint and path. */
function latestHolds(rounds: Round[]): HeldProbe[] {
  const latest = new Map<string, HeldProbe>();
  for (const r of rounds) for (const h of r.heldBack ?? []) latest.set(`${h.path}:${h.name}`, h);
  return [...latest.values()];
}

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
