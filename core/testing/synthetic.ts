// Builders for synthetic probes, rounds and status readings, shaped exactly like what the probe and
// status modules produce. Used by the evidence tests, the classifier case table and the bench.

import { CHARACTER_AI, resolveConfig } from '../../shared/config/defaults';
import type { ResolvedTarget } from '../../shared/types/config';
import type { Round } from '../../shared/types/monitor';
import type { Outcome, ProbePath, ProbeResult } from '../../shared/types/probe';
import type {
  StatusComponent,
  StatusIncident,
  StatusLevel,
  StatusMaintenance,
  StatusReading,
  StatusUnavailableReason,
} from '../../shared/types/status';

/** The built-in Character.AI target: site, an anonymous health endpoint, a token endpoint, a status page. */
export const SAMPLE_TARGET: ResolvedTarget = resolveConfig({ targets: [CHARACTER_AI] }).targets[0]!;

/** What a synthetic probe looks like; everything but the name has a healthy default. */
export interface ProbeSpec {
  name: string;
  path?: ProbePath;
  status?: number | null;
  outcome?: Outcome;
  ms?: number;
  headers?: Record<string, string>;
  body?: string;
  auth?: boolean;
  url?: string;
}

/** The outcome the probe module gives a plain HTTP status. */
function outcomeOf(status: number | null): Outcome {
  if (status === null) return 'timeout-connect';
  if (status >= 500) return 'http-5xx';
  if (status >= 400) return 'http-4xx';
  return 'ok';
}

/** The status that goes with an outcome when the spec names only the outcome. */
function statusOf(outcome: Outcome | undefined): number | null {
  if (outcome === undefined || outcome === 'ok') return 200;
  if (outcome === 'http-5xx') return 500;
  if (outcome === 'http-4xx') return 400;
  if (outcome === 'challenge') return 403;
  return null;
}

/** One probe result at time `at` (the one probe builder of the tests and benches). */
export function probe(at: string, spec: ProbeSpec): ProbeResult {
  const status = spec.status === undefined ? statusOf(spec.outcome) : spec.status;
  const outcome = spec.outcome ?? outcomeOf(status);
  const ms = spec.ms ?? 150;
  const body = spec.body ?? (status === 200 ? '{"status":"ok"}' : '');
  return {
    name: spec.name,
    url: spec.url ?? `https://example.test/${spec.name}`,
    path: spec.path ?? 'direct',
    auth: spec.auth ?? false,
    at,
    status,
    outcome,
    ...(outcome === 'ok' ? {} : { error: `${outcome}` }),
    timings: {
      dns: 1,
      connect: 5,
      tls: 10,
      firstByte: status === null ? null : ms - 20,
      total: ms,
    },
    headers: spec.headers ?? {},
    body,
    bodyBytes: body.length,
    remoteAddress: status === null ? null : '127.0.0.1',
    redirects: 0,
    finalUrl: spec.url ?? `https://example.test/${spec.name}`,
  };
}

/** Control probes that all pass (or all fail with `outcome`). */
export function controls(at: string, outcome: Outcome = 'ok'): ProbeResult[] {
  const status = outcome === 'ok' ? 204 : null;
  return ['www.google.com', 'www.cloudflare.com'].map((name) =>
    probe(at, { name, path: 'control', status, outcome, ms: outcome === 'ok' ? 40 : 5000 }),
  );
}

/** A status reading with a snapshot. */
export function statusReading(
  at: string,
  options: {
    level?: StatusLevel;
    components?: StatusComponent[];
    incidents?: Partial<StatusIncident>[];
    maintenanceInProgress?: Partial<StatusMaintenance>[];
    maintenanceUpcoming?: Partial<StatusMaintenance>[];
    stale?: boolean;
  } = {},
): StatusReading {
  const maint = (m: Partial<StatusMaintenance>): StatusMaintenance => ({
    name: m.name ?? 'Scheduled maintenance',
    stage: m.stage ?? 'in_progress',
    scheduledFor: m.scheduledFor ?? null,
    scheduledUntil: m.scheduledUntil ?? null,
    components: m.components ?? [],
  });
  return {
    snapshot: {
      provider: 'atlassian',
      pageUrl: 'https://status.example.test',
      pageName: 'Example',
      level: options.level ?? 'operational',
      description: null,
      components: options.components ?? [
        { name: 'Website', status: 'operational' },
        { name: 'API', status: 'operational' },
      ],
      incidents: (options.incidents ?? []).map((i) => ({
        name: i.name ?? 'Elevated error rates',
        stage: i.stage ?? 'investigating',
        impact: i.impact ?? 'major',
        startedAt: i.startedAt ?? at,
        updatedAt: i.updatedAt ?? at,
        message: i.message ?? null,
        components: i.components ?? [],
      })),
      maintenanceInProgress: (options.maintenanceInProgress ?? []).map(maint),
      maintenanceUpcoming: (options.maintenanceUpcoming ?? []).map((m) =>
        maint({ stage: 'scheduled', ...m }),
      ),
      fetchedAt: at,
      updatedAt: at,
    },
    stale: options.stale ?? false,
    unavailable: null,
  };
}

/** A status reading that gave no information (e.g. Character.AI's "page inactive" 401). */
export function statusUnavailable(at: string, reason: StatusUnavailableReason = 'inactive'): StatusReading {
  return {
    snapshot: null,
    stale: false,
    unavailable: { reason, detail: 'Your page is inactive.', at },
  };
}

/** Builds `count` rounds `intervalSeconds` apart from `start`, each from `make(i, at)`. */
export function rounds(
  count: number,
  make: (
    i: number,
    at: string,
  ) => { probes: ProbeResult[]; status?: StatusReading | null; symptom?: boolean },
  options: { start?: string; intervalSeconds?: number; target?: string } = {},
): Round[] {
  const start = Date.parse(options.start ?? '2026-11-20T12:00:00.000Z');
  const step = (options.intervalSeconds ?? 30) * 1000;
  const out: Round[] = [];
  for (let i = 0; i < count; i++) {
    const at = new Date(start + i * step).toISOString();
    const made = make(i, at);
    out.push({
      target: options.target ?? SAMPLE_TARGET.name,
      startedAt: at,
      finishedAt: new Date(start + i * step + 900).toISOString(),
      probes: made.probes,
      status: made.status ?? null,
      ...(made.symptom ? { symptom: true } : {}),
    });
  }
  return out;
}
