// What the command line asks for, decided before any command module loads: the help texts, the
// version and the usage mistakes that need no command are answered here; anything else names the
// command to run. `main` (cli/main.ts) runs this first, and the bin runs it alone from a small bundle
// of its own (dist/cli/dispatch.cjs), so `why500 --help` does not load the rest of the CLI.

import { appVersion } from '../core/app/app-info';
import { COMMAND_HELP, TOP_HELP } from './help';
import { directIo, Output, type CliIo } from './output';
import { UsageError } from './usage-error';

/** Exit codes of every command. */
const EXIT = { healthy: 0, problem: 1, usage: 2 } as const;

/** The commands, in the order the usage mistakes list them. */
const COMMAND_NAMES = ['check', 'diagnose', 'watch', 'history', 'services', 'simulate'] as const;

/** The name of a command. */
export type CommandName = (typeof COMMAND_NAMES)[number];

/** A command to run with its own argv (after the command name). */
export interface CommandCall {
  command: CommandName;
  argv: string[];
}

function isCommand(name: string): name is CommandName {
  return (COMMAND_NAMES as readonly string[]).includes(name);
}

/**
 * Answers `argv` when no command module is needed (help, version; throws {@link UsageError} for a
 * missing or unknown command) and returns the exit code; otherwise returns the command to run.
 */
export function dispatch(argv: string[], out: Output): number | CommandCall {
  const [command, ...rest] = argv;
  if (command === undefined) {
    throw new UsageError("why500: missing command — run 'why500 --help' for the commands");
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    const topic = command === 'help' ? rest[0] : undefined;
    out.ownText(topic && COMMAND_HELP[topic] ? COMMAND_HELP[topic] : TOP_HELP);
    return EXIT.healthy;
  }
  if (command === '--version' || command === '-v') {
    out.ownText(`${appVersion()}\n`);
    return EXIT.healthy;
  }
  if (!isCommand(command)) {
    const hint = command.startsWith('-')
      ? 'put the command first, e.g. why500 check --json'
      : `commands are ${COMMAND_NAMES.join(', ')}`;
    throw new UsageError(`why500: unknown command ${JSON.stringify(command)} — ${hint}`);
  }
  // The simulator prints its own help.
  if (command !== 'simulate' && (rest.includes('--help') || rest.includes('-h'))) {
    out.ownText(COMMAND_HELP[command] ?? TOP_HELP);
    return EXIT.healthy;
  }
  return { command, argv: rest };
}

/** Prints what went wrong as one line on stderr and returns the exit code for it. */
export function failure(err: unknown, out: Output): number {
  if (err instanceof UsageError) {
    out.error(err.message);
    return EXIT.usage;
  }
  // Anything else is a bug; still one line, still no secret.
  out.error(`why500: unexpected error: ${err instanceof Error ? err.message : String(err)}`);
  return EXIT.problem;
}

/**
 * For the bin: the exit code when {@link dispatch} answered `argv` itself (its output written to `io`,
 * by default straight to the process's stdout and stderr), or null when a command has to run (nothing
 * written).
 */
export function answerWithoutCommand(argv: string[], io: CliIo = directIo()): number | null {
  const out = new Output(io);
  try {
    const answer = dispatch(argv, out);
    return typeof answer === 'number' ? answer : null;
  } catch (err) {
    return failure(err, out);
  }
}
