// What every monitoring command does first: load the configuration, pick the targets, find the data
// folder, read tokens from the environment (and register them for redaction), build the app core.

import { loadConfig } from '../core/config/load';
import { envTokenSource, envTokens, tokenNotices } from '../core/config/env-tokens';
import type { AppCore } from '../core/app/app-core';
import type { AppCoreOptions } from '../core/app/create';
import type { ResolvedConfig, ResolvedTarget } from '../shared/types/config';
import { closeMatches, findService, serviceTarget } from '../shared/catalogue/catalogue';
import { cleanText } from '../shared/text/sanitize';
import { resolveTarget } from '../shared/config/defaults';
import { resolveDataDir } from '../core/app/data-dir';
import type { CliIo, Output } from './output';
import { UsageError } from './usage-error';

/** Flags every monitoring command takes. */
export const COMMON_OPTIONS = {
  config: { type: 'string' },
  'data-dir': { type: 'string' },
  target: { type: 'string' },
  service: { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
} as const;

/** A loaded configuration with the selected targets. */
export interface Setup {
  config: ResolvedConfig;
  targets: ResolvedTarget[];
  dataDir: string;
}

/** Loads the config and picks targets; throws UsageError (exit 2) on a bad config or target name. */
export async function setUp(
  command: string,
  flags: {
    config?: string | boolean;
    'data-dir'?: string | boolean;
    target?: string | boolean;
    service?: string[];
  },
  out: Output,
  io: CliIo,
): Promise<Setup> {
  const loaded = await loadConfig({ file: asString(flags.config), env: io.env });
  if (!loaded.ok) throw new UsageError(loaded.message);
  let config = loaded.config;
  const services = flags.service ?? [];
  if (services.length > 0) {
    if (flags.target !== undefined)
      throw new UsageError(
        `why500 ${command}: --target and --service pick targets two ways — give one of them`,
      );
    config = { ...config, targets: pickServices(command, config, services) };
  }
  // Tokens are known from here on: nothing printed after this line can contain them.
  out.addSecrets(envTokens(config.targets, io.env));
  const targets = pickTargets(command, config, asString(flags.target));
  for (const line of tokenNotices(targets, io.env)) out.error(line);
  return { config, targets, dataDir: resolveDataDir(asString(flags['data-dir']) ?? undefined, io.env) };
}

/**
 * The targets `--service` names, in the order given: the config's own target for that service when it
 * has one (its endpoints or token variable may differ), else the catalogue's.
 */
export function pickServices(command: string, config: ResolvedConfig, ids: string[]): ResolvedTarget[] {
  const out: ResolvedTarget[] = [];
  for (const id of ids) {
    const entry = findService(id);
    if (!entry) {
      const close = closeMatches(id);
      const hint = close.length > 0 ? `did you mean ${close.join(', ')}? ` : '';
      throw new UsageError(
        `why500 ${command}: unknown service ${JSON.stringify(cleanText(id, 40))} — ${hint}run 'why500 services' for the list`,
      );
    }
    if (out.some((t) => t.service === entry.id)) continue;
    out.push(config.targets.find((t) => t.service === entry.id) ?? resolveTarget(serviceTarget(entry)));
  }
  return out;
}

/** The targets `--target` names (all when absent). Exact name first, then case-insensitive. */
export function pickTargets(command: string, config: ResolvedConfig, name: string | null): ResolvedTarget[] {
  if (name === null) return config.targets;
  const exact = config.targets.find((t) => t.name === name);
  const loose = exact ?? config.targets.find((t) => t.name.toLowerCase() === name.trim().toLowerCase());
  if (loose) return [loose];
  const known = config.targets.map((t) => JSON.stringify(t.name)).join(', ');
  throw new UsageError(`why500 ${command}: unknown target ${JSON.stringify(name)} — known targets: ${known}`);
}

/** Builds the app core for a setup (its code is loaded only now, after the arguments were checked). */
export async function appCoreFor(
  setup: Setup,
  io: CliIo,
  extra: Partial<AppCoreOptions> = {},
): Promise<AppCore> {
  const { createAppCore } = await import('../core/app/create');
  return createAppCore({
    config: setup.config,
    dataDir: setup.dataDir,
    tokens: envTokenSource(setup.config.targets, io.env),
    env: io.env,
    ...(await testOnlyOptions(io.env)),
    ...extra,
  });
}

/**
 * A test-only knob, read from the environment so tests can drive the real CLI on loopback:
 * `WHY500_TEST_HOSTS` (`name=addr+addr,other=fail`), a stand-in for the system resolver so loopback
 * tests can make it fail or lie; names it does not list fail. Never documented to users; unset, nothing
 * changes. (Extra trusted CAs come from Node's own NODE_EXTRA_CA_CERTS.)
 */
async function testOnlyOptions(env: Record<string, string | undefined>): Promise<Partial<AppCoreOptions>> {
  const hosts = env.WHY500_TEST_HOSTS;
  const resolver = hosts ? (await import('../core/local/resolver')).hostsResolver(hosts) : null;
  return resolver ? { resolver } : {};
}

function asString(value: string | boolean | undefined): string | null {
  return typeof value === 'string' ? value : null;
}
