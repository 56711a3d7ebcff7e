// Where a target's token may go: the origins (scheme, host and port) of the target's `auth`
// endpoints at the time the token was given. The round attaches the Authorization header only to a
// request whose origin is one of them, whoever asks (the monitor, `why500 diagnose`, the Test button).

import type { ResolvedTarget } from '../../shared/types/config';

/** Where the core gets a target's token (env var for the CLI, safeStorage for the app). */
export interface TokenSource {
  /** The raw token for a target, or null. Callers must never log or return it. */
  get(target: string): string | null;
  /**
   * The origins the target's token was given for (core/config/token-origins.ts): the only ones it is
   * sent to. Absent or null: it was given for the configuration in use (its `auth` endpoints).
   */
  origins?(target: string): readonly string[] | null;
}

/** The part of a target these functions read (a saved or an edited, unresolved target alike). */
export interface TargetEndpoints {
  endpoints?: readonly { url: string; auth?: boolean }[];
}

/** A target's token with the origins it may be sent to. */
export interface BoundToken {
  value: string;
  origins: readonly string[];
}

/** The origin (`https://host:port`, default port left out) of an http(s) URL, or null. */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

/** The origins of a target's `auth` endpoints, sorted, each once. */
export function authOrigins(target: TargetEndpoints): string[] {
  const origins = (target.endpoints ?? [])
    .filter((e) => e.auth === true)
    .map((e) => originOf(e.url))
    .filter((o): o is string => o !== null);
  return [...new Set(origins)].sort();
}

/** The `auth` origins of a target that are not among `origins` (where a saved token was not given for). */
export function unboundOrigins(target: TargetEndpoints, origins: readonly string[]): string[] {
  return authOrigins(target).filter((o) => !origins.includes(o));
}

/** Whether a request to `url` may carry a token given for `origins`. */
export function mayCarryToken(url: string, origins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== null && origins.includes(origin);
}

/** What a probe that went without the token says about it. */
export function tokenWithheldNote(url: string): string {
  return `token not sent: ${originOf(url) ?? 'this address'} is not an address the token was saved for; enter the token again in Settings`;
}

/**
 * A target's token and the origins it may go to, or null when the target takes no token or has
 * none. A source that does not say where its token belongs (no `origins`) gave it for the
 * configuration in use: the target's own `auth` endpoints.
 */
export function boundToken(
  tokens: TokenSource | null | undefined,
  target: ResolvedTarget,
): BoundToken | null {
  if (!target.auth || !tokens) return null;
  const value = tokens.get(target.name);
  if (!value) return null;
  return { value, origins: tokens.origins?.(target.name) ?? authOrigins(target) };
}

/** Whether the target's token reaches at least one of its `auth` endpoints (the classifier's "token configured"). */
export function tokenUsable(tokens: TokenSource | null | undefined, target: ResolvedTarget): boolean {
  const bound = boundToken(tokens, target);
  return bound !== null && target.endpoints.some((e) => e.auth && mayCarryToken(e.url, bound.origins));
}
