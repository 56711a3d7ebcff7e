// The CLI's token source: each target's token comes from the environment variable its config names
// (`auth.tokenEnv`). The desktop app uses its secure store instead, behind the same TokenSource.

import type { TokenSource } from './token-origins';
import type { ResolvedTarget } from '../../shared/types/config';
import { authOrigins } from './token-origins';

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
      if (!variable) return null;
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
