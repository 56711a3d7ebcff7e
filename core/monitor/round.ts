// One probe round for one target: the site page, every endpoint (direct, and through the alternate
// proxy when set), the control sites, and the status page — all at once, under one hard deadline.
// The token is only ever placed in the Authorization header of `auth` endpoints and scrubbed from results.

import { setMaxListeners } from 'node:events';
import type { ResolvedTarget } from '../../shared/types/config';
import type { Round } from '../../shared/types/monitor';
import type { HeldProbe } from '../../shared/types/probe';
import type { ProbePath, ProbeResult } from '../../shared/types/probe';
import type { StatusReading } from '../../shared/types/status';
import { authOrigins, mayCarryToken, tokenWithheldNote } from '../config/token-origins';
import type { ProbeLimits, ProbeRequest } from '../probe/types';
import { REDACTED, secretForms } from '../report/redact';
import { systemClock, type Clock } from './clock';
import { isHeld } from './hold-back';

/** The probe function (core/probe/http.ts `probe`), injected. */
export type ProbeFn = (request: ProbeRequest) => Promise<ProbeResult>;

/** Reads a target's status page (a StatusPageReader per target, wired by the app), injected. */
export type StatusFn = (
  target: ResolvedTarget,
  options?: { force?: boolean },
) => Promise<StatusReading | null>;

/** What a round needs to know about the target and the environment. */
export interface RoundPlan {
  target: ResolvedTarget;
  /** Control URLs, probed on path `control` and named by host. */
  controls: string[];
  /** Alternate-path proxy URL, or null when not configured. */
  alternateProxy: string | null;
  /**
   * The user's token, or null. `auth` endpoints are probed with it (when set) on the direct and
   * alternate paths, and always once more directly without it on path `anonymous`, so the same
   * endpoint's answer with and without the token can be compared (without it a 401/403 is normal).
   */
  token: string | null;
  /**
   * The origins the token may be sent to (core/config/token-origins.ts); an `auth` endpoint elsewhere
   * is probed without it, and its result says so. Default: the target's `auth` endpoints.
   */
  tokenOrigins?: readonly string[];
  /** Hard deadline of the whole round, ms; probes still running then are recorded as `timeout-deadline`. */
  deadlineMs: number;
  /** The user reports seeing the error now. */
  symptom?: boolean;
  /** Ask the status reader to bypass its cache. */
  forceStatus?: boolean;
  /** Extra limits passed to every probe (the per-probe deadline is capped by the round deadline). */
  limits?: Partial<ProbeLimits>;
  /** Extra trusted CA certificates (tests against local TLS servers). */
  ca?: string | string[];
  /** Cancels the round early; unfinished probes are recorded as `timeout-deadline`. */
  signal?: AbortSignal;
  /** Probes to leave out because their endpoint's Retry-After has not run out (see hold-back.ts). */
  heldBack?: HeldProbe[];
  /** Called as each probe settles (progress display). */
  onProbe?: (result: ProbeResult) => void;
  /** Called when the status page read settles. */
  onStatus?: (reading: StatusReading | null) => void;
}

/** The round's injected dependencies. */
export interface RoundDeps {
  probe: ProbeFn;
  /** Omit when there is no status reader; the round's `status` is then null. */
  readStatus?: StatusFn | null;
  clock?: Clock;
}

/**
 * The probes a round will run (for tests and the progress display). Requests of `auth` endpoints carry
 * the Authorization value, token included: never print them.
 */
export function planProbes(plan: RoundPlan): Omit<ProbeRequest, 'signal'>[] {
  const { target } = plan;
  const auth = target.auth;
  const authorization = plan.token && auth ? `${auth.scheme} ${plan.token}` : undefined;
  const origins = plan.tokenOrigins ?? authOrigins(target);
  const own: Omit<ProbeRequest, 'signal' | 'path'>[] = [{ name: 'site', url: target.site }];
  const anonymous: Omit<ProbeRequest, 'signal'>[] = [];
  for (const endpoint of target.endpoints) {
    if (endpoint.auth) anonymous.push({ name: endpoint.name, url: endpoint.url, path: 'anonymous' });
    if (endpoint.auth && !authorization) continue;
    // The token goes only to the addresses it was given for, never after an endpoint that moved.
    const withheld = endpoint.auth === true && !mayCarryToken(endpoint.url, origins);
    own.push({
      name: endpoint.name,
      url: endpoint.url,
      ...(endpoint.auth && authorization && !withheld ? { authorization } : {}),
      ...(withheld ? { note: tokenWithheldNote(endpoint.url) } : {}),
    });
  }
  const requests: Omit<ProbeRequest, 'signal'>[] = own.map((r) => ({ ...r, path: 'direct' as ProbePath }));
  requests.push(...anonymous);
  if (plan.alternateProxy) {
    for (const r of own) requests.push({ ...r, path: 'alternate', proxy: plan.alternateProxy });
  }
  for (const url of plan.controls) requests.push({ name: controlName(url), url, path: 'control' });
  return requests.filter((r) => !isHeld(plan.heldBack, r.path, r.name));
}

/** A control's display name: its host, or the raw text when it is not a URL. */
export function controlName(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Runs one round; always resolves (by the deadline at the latest), never rejects. */
export async function runRound(plan: RoundPlan, deps: RoundDeps): Promise<Round> {
  const clock = deps.clock ?? systemClock;
  const startedAt = new Date(clock.wallNow()).toISOString();
  const startedMono = clock.now();
  const controller = new AbortController();
  const onOuterAbort = (): void => controller.abort(new Error('round cancelled'));
  if (plan.signal?.aborted) onOuterAbort();
  plan.signal?.addEventListener('abort', onOuterAbort, { once: true });

  let deadlineHit!: () => void;
  const deadline = new Promise<void>((resolve) => (deadlineHit = resolve));
  const timer = clock.setTimeout(() => {
    controller.abort(new Error('round deadline'));
    deadlineHit();
  }, plan.deadlineMs);
  controller.signal.addEventListener('abort', () => deadlineHit(), { once: true });

  const requests = planProbes(plan);
  // Every probe of the round listens on this one signal, and a round can hold more than Node's default 10.
  setMaxListeners(requests.length + 10, controller.signal);
  const probeDeadline = Math.min(plan.deadlineMs, plan.limits?.deadlineMs ?? plan.deadlineMs);
  const results: (ProbeResult | undefined)[] = new Array(requests.length);
  const probing = requests.map(async (request, i) => {
    const at = new Date(clock.wallNow()).toISOString();
    let result: ProbeResult;
    try {
      result = await deps.probe({
        ...request,
        ...(plan.ca ? { ca: plan.ca } : {}),
        limits: { ...plan.limits, deadlineMs: probeDeadline },
        signal: controller.signal,
      });
    } catch (err) {
      const reason = `probe failed: ${err instanceof Error ? err.message : String(err)}`;
      result = failedResult(request, at, 'error', reason, clock.now() - startedMono);
    }
    results[i] = scrub(request.note ? { ...result, note: request.note } : result, plan.token);
    notify(() => plan.onProbe?.(results[i]!));
  });

  let status: StatusReading | null = null;
  let statusDone = false;
  const reading = (async () => {
    if (!deps.readStatus || !plan.target.statusPage) {
      statusDone = true;
      notify(() => plan.onStatus?.(null));
      return;
    }
    try {
      status = await deps.readStatus(plan.target, plan.forceStatus ? { force: true } : undefined);
    } catch {
      status = null;
    }
    statusDone = true;
    notify(() => plan.onStatus?.(status));
  })();

  await Promise.race([Promise.all([...probing, reading]), deadline]);
  clock.clearTimeout(timer);
  plan.signal?.removeEventListener('abort', onOuterAbort);
  if (!controller.signal.aborted) controller.abort(new Error('round finished'));

  const elapsed = clock.now() - startedMono;
  const why = plan.signal?.aborted
    ? 'cancelled before it finished'
    : `no answer within the ${plan.deadlineMs} ms round deadline`;
  const probes = requests.map(
    (request, i) => results[i] ?? failedResult(request, startedAt, 'timeout-deadline', why, elapsed),
  );
  const round: Round = {
    target: plan.target.name,
    startedAt,
    finishedAt: new Date(clock.wallNow()).toISOString(),
    probes,
    status: statusDone ? status : null,
  };
  if (plan.symptom) round.symptom = true;
  if (plan.heldBack && plan.heldBack.length > 0) round.heldBack = plan.heldBack;
  return round;
}

/** Calls a progress callback; one that throws must not turn the never-rejecting round into a rejection. */
function notify(callback: () => void): void {
  try {
    callback();
  } catch {
    // Progress display only: the round's result does not depend on it.
  }
}

/** A result for a probe that never produced one (deadline, cancel, or a probe function that threw). */
function failedResult(
  request: Omit<ProbeRequest, 'signal'>,
  at: string,
  outcome: ProbeResult['outcome'],
  error: string,
  totalMs: number,
): ProbeResult {
  return {
    name: request.name,
    url: request.url,
    path: request.path,
    auth: Boolean(request.authorization),
    ...(request.note ? { note: request.note } : {}),
    at,
    status: null,
    outcome,
    error,
    timings: { dns: null, connect: null, tls: null, firstByte: null, total: totalMs },
    headers: {},
    body: '',
    bodyBytes: 0,
    remoteAddress: null,
    redirects: 0,
    finalUrl: request.url,
  };
}

/**
 * Removes every occurrence of the token, in each spelling the redactor knows, from a result (a
 * server may echo the header back in its body, or put the token in a redirect's URL).
 */
function scrub(result: ProbeResult, token: string | null): ProbeResult {
  const forms = secretForms([token]);
  const text = JSON.stringify(result);
  if (!forms.some((f) => text.includes(f))) return result;
  const clean = (s: string): string => forms.reduce((out, f) => out.split(f).join(REDACTED), s);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(result.headers)) headers[clean(k)] = clean(v);
  return {
    ...result,
    url: clean(result.url),
    finalUrl: clean(result.finalUrl),
    body: clean(result.body),
    headers,
    ...(result.error !== undefined ? { error: clean(result.error) } : {}),
    ...(result.reason !== undefined ? { reason: clean(result.reason) } : {}),
  };
}
