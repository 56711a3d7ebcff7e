// Loads the configuration the CLI runs with: `--config FILE`, else the file named by WHY500_CONFIG,
// else the built-in defaults. Every failure becomes one line naming the file, the field, what was
// expected and what was found, and how to get going again.

import { readFile, stat } from 'node:fs/promises';
import { resolveConfig } from '../../shared/config/defaults';
import { parseConfigText } from '../../shared/config/parse';
import type { ResolvedConfig } from '../../shared/types/config';

/** Largest config file we read; a config is a few hundred bytes, so anything bigger is a mistake. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** Where the configuration came from. */
export type ConfigSource =
  { kind: 'flag'; file: string } | { kind: 'env'; file: string; variable: string } | { kind: 'defaults' };

/** The outcome of loading a configuration. */
export type ConfigLoad =
  { ok: true; config: ResolvedConfig; source: ConfigSource } | { ok: false; message: string };

/** What {@link loadConfig} looks at. */
export interface LoadConfigOptions {
  /** The `--config` value, when given. */
  file?: string | null;
  /** Environment to read WHY500_CONFIG from (default process.env). */
  env?: Record<string, string | undefined>;
}

/** Environment variable naming a config file when `--config` is not given. */
export const CONFIG_ENV = 'WHY500_CONFIG';

/** Loads and checks the configuration; never throws. */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<ConfigLoad> {
  const env = options.env ?? process.env;
  let source: ConfigSource;
  if (options.file != null) source = { kind: 'flag', file: options.file };
  else if (env[CONFIG_ENV]) source = { kind: 'env', file: env[CONFIG_ENV], variable: CONFIG_ENV };
  else return { ok: true, config: resolveConfig({}), source: { kind: 'defaults' } };

  const file = source.file;
  const fail = (where: string, problem: string): ConfigLoad => ({
    ok: false,
    message: `why500: ${file}: ${where}: ${problem} — ${howToFix(source)}`,
  });

  let text: string;
  try {
    const info = await stat(file);
    if (!info.isFile()) return fail('(file)', 'expected a JSON config file, found a folder or device');
    if (info.size > MAX_CONFIG_BYTES) {
      return fail('(file)', `expected a config file under 1 MiB, found ${formatBytes(info.size)}`);
    }
    text = await readFile(file, 'utf8');
  } catch (err) {
    return fail('(file)', `expected a readable JSON config file, found ${describeFsError(err)}`);
  }
  // Editors on Windows may save a byte-order mark; JSON.parse rejects it.
  const check = parseConfigText(text.replace(/^\uFEFF/, ''));
  if (!check.ok) {
    const [first, ...rest] = check.problems;
    if (rest.length === 0) return fail(first?.path ?? '(file)', first?.message ?? 'an invalid value');
    // Every problem at once, one line each with its path, so one edit can fix them all.
    return {
      ok: false,
      message: [
        `why500: ${file}: ${check.problems.length} problems — ${howToFix(source)}`,
        ...check.problems.map((p) => `  ${p.path}: ${p.message}`),
      ].join('\n'),
    };
  }
  if ((check.config.targets ?? []).length === 0 && (check.config.services ?? []).length === 0) {
    const instead = source.kind === 'env' ? `unset ${source.variable}` : 'run without --config';
    return {
      ok: false,
      message: `why500: ${file}: targets: expected at least one service to watch, found none — add a target or "services": ["character-ai"], or ${instead} to watch Character.AI (the default)`,
    };
  }
  return { ok: true, config: resolveConfig(check.config), source };
}

function howToFix(source: ConfigSource): string {
  if (source.kind === 'env') {
    return `fix it, or unset ${source.variable} to use the defaults`;
  }
  return 'fix it or run without --config to use the defaults';
}

function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no file at that path';
    case 'EACCES':
    case 'EPERM':
      return 'a file we may not read (permission denied)';
    case 'EISDIR':
      return 'a folder';
    default:
      return `an error reading it (${code ?? (err instanceof Error ? err.message : String(err))})`;
  }
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MiB` : `${Math.round(n / 1024)} KiB`;
}
