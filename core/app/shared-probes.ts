// One politeness budget per origin across the watched services: a request without a token that one
// service's round made (a control site, a shared page) is not repeated by another service's round within
// a short window; that round reuses the answer (with its own time). A service's own rounds never reuse
// each other's answers, so each service still sees every change on its own cadence.

import type { ProbeResult } from '../../shared/types/probe';
import type { ProbeFn } from '../monitor/round';
import type { ProbeRequest } from '../probe/types';

/** How long an answer may be lent to another service's round, ms. */
export const SHARED_PROBE_WINDOW_MS = 15_000;

interface Lent {
  /** The target whose round made the request. */
  owner: string;
  /** When it was asked (monotonic ms). */
  askedAt: number;
  answer: Promise<ProbeResult>;
}

/** Lends answers of token-less requests between services' rounds; see the file header. */
export class SharedProbes {
  private readonly lent = new Map<string, Lent>();
  /** Requests answered from another round (for tests and the bench). */
  reused = 0;

  constructor(
    private readonly probe: ProbeFn,
    private readonly now: () => number,
    private readonly windowMs = SHARED_PROBE_WINDOW_MS,
  ) {}

  /** The probe function `target`'s rounds use. */
  for(target: string): ProbeFn {
    return (request) => this.ask(target, request);
  }

  private ask(target: string, request: ProbeRequest): Promise<ProbeResult> {
    const key = shareKey(request);
    if (key === null) return this.probe(request);
    const now = this.now();
    for (const [k, entry] of this.lent) if (now - entry.askedAt >= this.windowMs) this.lent.delete(k);
    const entry = this.lent.get(key);
    if (entry && entry.owner !== target) {
      this.reused++;
      return entry.answer.then((result) => ({
        ...result,
        name: request.name,
        path: request.path,
        ...(request.note ? { note: request.note } : {}),
      }));
    }
    const answer = this.probe(request);
    this.lent.set(key, { owner: target, askedAt: now, answer });
    return answer;
  }
}

/** The key under which an answer may be shared, or null when it must not be (a token, a body, a proxy of its own). */
function shareKey(request: ProbeRequest): string | null {
  if (request.authorization) return null;
  return `${request.path === 'control' ? 'control' : 'page'}\u0000${request.proxy ?? ''}\u0000${request.url}`;
}
