// The CLI's token source: each target's token comes from the environment variable its config names
// (`auth.tokenEnv`). The desktop app uses its secure store instead, behind the same TokenSource.

import type { TokenSource } from './token-origins';
import type { ResolvedTarget } from '../../shared/types/config';
import { authOrigins } from './token-origins';

/** The prefix every token variable must have: a config cannot make the CLI send any other secret. */
export const TOKEN_ENV_PREFIX = 'WHY500_';

/**
 * A TokenSource reading `process.env[target.auth.tokenEnv]` (or the given env) on every call, so a
 * reconfigured target list is picked up by passing a getter. Blank values count as no token; a value
 * with control characters is refused (it could split the Authorization header).
 */
export function envTokenSource(
  targets: ResolvedTarget[] | (() => ResolvedTarget[]),
  env: Record<string, string | undefined> = process.env,
): TokenSource {
  const list = typeof targets === 'function' ? targets : () => targets;
  return {
    get(target: string): string | null {
      const t = list().find((x) => x.name === target);
      const variable = t?.auth?.tokenEnv;
      // The config schema refuses other names; this holds for targets built in code too.
      if (!variable?.startsWith(TOKEN_ENV_PREFIX)) return null;
      const value = env[variable]?.trim();
      if (!value) return null;
      // eslint-disable-next-line no-control-regex
      if (/[\u0000-\u001f\u007f]/.test(value)) return null;
      return value;
    },
    // The variable's token is given for the configuration read with it: its `auth` endpoints.
    origins(target: string): string[] | null {
      const t = list().find((x) => x.name === target);
      return t ? authOrigins(t) : null;
    },
  } satisfies TokenSource;
}

/** Every token the targets' environment variables hold, for redaction of outputs. */
export function envTokens(
  targets: ResolvedTarget[],
  env: Record<string, string | undefined> = process.env,
): string[] {
  const source = envTokenSource(targets, env);
  const out: string[] = [];
  for (const t of targets) {
    const token = source.get(t.name);
    if (token) out.push(token);
  }
  return out;
}

/** True for a URL whose host is this machine (`localhost`, 127.0.0.0/8, ::1): plain http stays on it. */
function isLoopbackUrl(origin: string): boolean {
  const host = new URL(origin).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return (
    host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host)
  );
}

/**
 * What the user is told on stderr when tokens are read from the environment: per target with a token,
 * one line naming the variable and the origins the token goes to, and a warning for each origin on
 * plain `http:` that is not this machine (anyone on the path can read the token there).
 */
export function tokenNotices(
  targets: ResolvedTarget[],
  env: Record<string, string | undefined> = process.env,
): string[] {
  const source = envTokenSource(targets, env);
  const lines: string[] = [];
  for (const t of targets) {
    if (!t.auth?.tokenEnv || !source.get(t.name)) continue;
    const origins = authOrigins(t);
    const where =
      origins.length > 0 ? `goes only to ${origins.join(', ')}` : 'goes nowhere (no auth endpoint)';
    lines.push(`why500: the token in ${t.auth.tokenEnv} (target ${JSON.stringify(t.name)}) ${where}`);
    for (const origin of origins.filter((o) => o.startsWith('http:') && !isLoopbackUrl(o)))
      lines.push(
        `why500: warning: the token in ${t.auth.tokenEnv} is sent over plain http: to ${origin}, where anyone on the network path can read it; use an https: endpoint`,
      );
  }
  return lines;
}
