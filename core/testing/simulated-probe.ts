// A simulated watched service for tests and benchmarks: a probe function whose answers follow a script
// over (virtual) time, with a latency spent on the injected clock, and a log of every request it got.

import { isNoContentUrl } from '../local/captive';
import type { ProbeResult, Outcome } from '../../shared/types/probe';
import type { ProbeRequest } from '../probe/types';
import { sleep, type Clock } from '../monitor/clock';

/** What the simulated service answers to one request. */
export interface SimulatedAnswer {
  outcome: Outcome;
  status?: number | null;
  latencyMs?: number;
  headers?: Record<string, string>;
  body?: string;
}

/** One request the simulated service received. */
export interface SimulatedRequest {
  at: number;
  name: string;
  path: ProbeRequest['path'];
  authorization: string | undefined;
}

/** A probe function over a script `(request, monotonicNow) => answer`, plus the request log. */
export function simulatedProbe(
  clock: Clock,
  script: (request: ProbeRequest, now: number) => SimulatedAnswer,
): { probe: (request: ProbeRequest) => Promise<ProbeResult>; log: SimulatedRequest[] } {
  const log: SimulatedRequest[] = [];
  const probe = async (request: ProbeRequest): Promise<ProbeResult> => {
    const start = clock.now();
    const at = new Date(clock.wallNow()).toISOString();
    log.push({ at: start, name: request.name, path: request.path, authorization: request.authorization });
    const answer = script(request, start);
    const latency = answer.latencyMs ?? 100;
    try {
      await sleep(clock, latency, request.signal);
    } catch {
      return result(request, at, { outcome: 'timeout-deadline', status: null }, clock.now() - start);
    }
    return result(request, at, answer, latency);
  };
  return { probe, log };
}

function result(request: ProbeRequest, at: string, answer: SimulatedAnswer, total: number): ProbeResult {
  const status =
    answer.status !== undefined
      ? answer.status
      : answer.outcome === 'ok'
        ? // A "no content" control answers 204, as the real ones do (anything else reads as a sign-in page).
          isNoContentUrl(request.url)
          ? 204
          : 200
        : answer.outcome === 'http-5xx'
          ? 500
          : null;
  return {
    name: request.name,
    url: request.url,
    path: request.path,
    auth: Boolean(request.authorization),
    at,
    status,
    outcome: answer.outcome,
    ...(answer.outcome === 'ok' ? {} : { error: `simulated ${answer.outcome}` }),
    timings: { dns: null, connect: null, tls: null, firstByte: total, total },
    headers: answer.headers ?? {},
    body: answer.body ?? '',
    bodyBytes: (answer.body ?? '').length,
    remoteAddress: '127.0.0.1',
    redirects: 0,
    finalUrl: request.url,
  };
}
