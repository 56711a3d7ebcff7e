// "What was tried", in plain sentences, for the report: what a window of rounds actually did.

import type { ResolvedConfig, ResolvedTarget } from '../../shared/types/config';
import type { Evidence } from '../../shared/types/evidence';
import type { Round } from '../../shared/types/monitor';
import { formatDuration } from '../../shared/vocabulary/time';

/** What the caller knows besides the rounds. */
export interface TriedContext {
  target: ResolvedTarget;
  config: ResolvedConfig;
  rounds: Round[];
  /** Planned time between rounds, ms (omit for a single round). */
  intervalMs?: number;
  evidence: Evidence;
}

/** The sentences: probes and paths, controls, status page, token, extension scan, baselines. */
export function describeTried(ctx: TriedContext): string[] {
  const { target, config, rounds, evidence } = ctx;
  const out: string[] = [];
  const direct = new Set<string>();
  for (const r of rounds) for (const p of r.probes) if (p.path === 'direct') direct.add(p.name);
  const names = [...direct].map((n) => (n === 'site' ? 'the site page' : n));
  const span =
    rounds.length > 1 ? Date.parse(rounds.at(-1)!.finishedAt) - Date.parse(rounds[0]!.startedAt) : 0;
  const cadence =
    rounds.length > 1 && ctx.intervalMs
      ? `, ${rounds.length} rounds every ${formatDuration(ctx.intervalMs)} over ${formatDuration(span)}`
      : rounds.length === 1
        ? ', one round'
        : `, ${rounds.length} rounds`;
  out.push(`Probed ${names.join(', ') || 'nothing'} directly from this computer${cadence}.`);
  if (config.alternatePath) {
    out.push(
      `Repeated the same probes through the alternate path (${proxyHost(config.alternatePath.proxy)}).`,
    );
  } else {
    out.push('No alternate path is set, so a regional fault could not be checked.');
  }
  if (config.controls.length > 0) {
    out.push(
      `Probed ${config.controls.length} unrelated control site${config.controls.length > 1 ? 's' : ''} (${config.controls.map(hostOf).join(', ')}) to test this computer's own connection.`,
    );
  }
  if (target.statusPage) out.push(`Read the status page at ${target.statusPage}.`);
  else out.push('No status page is configured for this service.');
  const authEndpoints = target.endpoints.filter((e) => e.auth).map((e) => e.name);
  if (authEndpoints.length > 0) {
    out.push(
      evidence.auth.tokenConfigured
        ? `Sent the user's token (not shown) with ${authEndpoints.join(', ')}, and the same request without it, to test the account.`
        : `No token was available${target.auth?.tokenEnv ? ` (${target.auth.tokenEnv} is not set)` : ''}, so ${authEndpoints.join(', ')} was only asked without one and the account could not be tested.`,
    );
  }
  if (evidence.symptom) out.push('The user reported seeing the error in the browser at the time.');
  if (evidence.extensions.scanned) {
    out.push(
      `Scanned ${evidence.extensions.profilesScanned} browser profile${evidence.extensions.profilesScanned === 1 ? '' : 's'} for extensions that can reach the site (${evidence.extensions.suspects.length} found).`,
    );
  }
  const baselined = [evidence.site, ...evidence.endpoints].filter((e) => e && e.baselineMs !== null);
  if (baselined.length > 0)
    out.push("Compared response times with this service's usual times from earlier checks.");
  return out;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** The proxy's host and port only (never credentials). */
function proxyHost(url: string): string {
  try {
    const u = new URL(url);
    return `proxy ${u.host}`;
  } catch {
    return 'a proxy';
  }
}
