// The app's "config file" mode: when WHY500_CONFIG names a configuration file (as the demo and the
// CLI use), the app watches that file's targets, controls, alternate path and browser profiles
// instead of the saved settings' (which still govern the interval, notifications and the rest), and
// tokens fall back to each target's `auth.tokenEnv` variable when the vault holds none.

import type { TokenSource } from '../../core/config/token-origins';
import { CONFIG_ENV, type ConfigLoad } from '../../core/config/load';
import { envTokenSource, envTokens } from '../../core/config/env-tokens';
import { resolveConfig } from '../../shared/config/defaults';
import { settingsToConfig } from '../../shared/config/settings';
import type { ResolvedConfig } from '../../shared/types/config';
import type { AppSettings } from '../../shared/types/settings';

/** The configuration file the app was started with, as loaded once at start. */
export interface ConfigFile {
  /** The file's path (as WHY500_CONFIG gave it). */
  path: string;
  /** Its configuration; null when it could not be loaded (the app then uses its settings). */
  config: ResolvedConfig | null;
  /** One line for the window's notice: which file is used, or why it is not. */
  notice: string;
}

/** Loads a config file by path or by WHY500_CONFIG (core/config/load.ts `loadConfig`). */
export type ConfigLoader = (options: { env: Record<string, string | undefined> }) => Promise<ConfigLoad>;

/**
 * Reads WHY500_CONFIG from `env`: null when unset (the app uses its settings), else the loaded file
 * or, when it cannot be used, its one-line error as the notice. Never throws.
 */
export async function loadConfigFile(
  env: Record<string, string | undefined>,
  load: ConfigLoader,
): Promise<ConfigFile | null> {
  const path = env[CONFIG_ENV];
  if (!path) return null;
  const loaded = await load({ env });
  if (!loaded.ok) {
    return { path, config: null, notice: `${loaded.message} (using the targets from Settings instead)` };
  }
  return {
    path,
    config: loaded.config,
    notice: `Using the configuration file ${path} (${CONFIG_ENV}): its targets replace the ones in Settings.`,
  };
}

/**
 * The configuration the app runs with: the settings', with the file's targets, controls, alternate
 * path and browser profiles on top when a file was loaded.
 */
export function effectiveConfig(settings: AppSettings, file: ConfigFile | null): ResolvedConfig {
  const fromSettings = resolveConfig(settingsToConfig(settings));
  const config = file?.config;
  if (!config) return fromSettings;
  return {
    ...fromSettings,
    targets: config.targets,
    controls: config.controls,
    alternatePath: config.alternatePath,
    browserProfiles: config.browserProfiles,
    ...(config.dohResolvers ? { dohResolvers: config.dohResolvers } : {}),
  };
}

/** A token source with a fallback: the vault's token when it has one, else the environment's. */
export interface AppTokens extends TokenSource {
  /** Every token either source holds, only for redacting them from outgoing text. */
  secrets(): string[];
}

/**
 * The vault alone when no file is in use; with a file, the vault first and then the environment
 * variable named by the target's `auth.tokenEnv` (core/config/env-tokens.ts).
 */
export function tokensWithEnvFallback(
  vault: TokenSource & { secrets(): string[] },
  targets: () => ResolvedConfig['targets'],
  env: Record<string, string | undefined>,
): AppTokens {
  const fromEnv = envTokenSource(targets, env);
  return {
    get: (target) => vault.get(target) ?? fromEnv.get(target),
    // Each token goes where its own source says: the vault's where it was saved for, the
    // variable's to the file's `auth` endpoints.
    origins: (target) =>
      vault.get(target) !== null ? (vault.origins?.(target) ?? null) : (fromEnv.origins?.(target) ?? null),
    secrets: () => [...new Set([...vault.secrets(), ...envTokens(targets(), env)])],
  } satisfies AppTokens;
}
