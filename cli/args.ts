// Command-line parsing on node:util parseArgs, with each mistake turned into one line saying what
// was wrong and how to fix it (UsageError → exit code 2).

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usage-error';

/** The option table a command accepts (parseArgs' own shape). */
export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** The parsed flags: a list for a repeatable (`multiple`) option, else a string or a boolean. */
export type ParsedFlags<O extends OptionSpec> = {
  [K in keyof O]: O[K] extends { multiple: true } ? string[] | undefined : string | boolean | undefined;
};

/** Parses `argv` for `command`; throws UsageError naming the bad flag and pointing at `--help`. */
export function parseCommandArgs<O extends OptionSpec>(
  command: string,
  argv: string[],
  options: O,
): ParsedFlags<O> {
  const help = `run 'why500 ${command} --help' for the options`;
  // parseArgs would take `--config --json` as the path "--json"; say a value is missing instead.
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const name = arg.startsWith('--') ? arg.slice(2) : null;
    const spec = name !== null && !name.includes('=') ? options[name] : undefined;
    if (spec?.type === 'string') {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2)) {
        throw new UsageError(`why500 ${command}: ${arg} needs a value — ${help}`);
      }
      i++;
    }
  }
  try {
    const { values } = parseArgs({ args: argv, options, strict: true, allowPositionals: false });
    return values as unknown as ParsedFlags<O>;
  } catch (err) {
    const code = (err as { code?: string }).code;
    const message = err instanceof Error ? err.message : String(err);
    const quoted = /'([^']+)'/.exec(message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      throw new UsageError(`why500 ${command}: unknown option ${quoted} — ${help}`);
    }
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      throw new UsageError(`why500 ${command}: unexpected argument ${JSON.stringify(quoted)} — ${help}`);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const flag = quoted.split(' ')[0] ?? quoted;
      const detail = message.includes('does not take') ? 'takes no value' : 'needs a value';
      throw new UsageError(`why500 ${command}: ${flag} ${detail} — ${help}`);
    }
    throw new UsageError(`why500 ${command}: ${message} — ${help}`);
  }
}

/**
 * Reads a number of seconds from a flag: a decimal number within [min, max], else UsageError.
 * Returns `fallback` when the flag was not given.
 */
export function secondsFlag(
  command: string,
  flag: string,
  value: string | boolean | undefined,
  range: { min: number; max: number; why?: string },
  fallback: number | null,
): number | null {
  if (value === undefined) return fallback;
  const text = String(value).trim();
  const n = /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(n) || n < range.min || n > range.max) {
    const why = range.why ? ` (${range.why})` : '';
    throw new UsageError(
      `why500 ${command}: --${flag} expected a number of seconds from ${range.min} to ${range.max}${why}, found ${JSON.stringify(
        text,
      )} — e.g. --${flag} ${Math.max(range.min, Math.min(range.max, 30))}`,
    );
  }
  return n;
}
