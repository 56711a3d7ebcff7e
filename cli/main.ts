// The `why500` command line: dispatches to check, diagnose, watch and simulate, and turns every
// usage or config mistake into one line on stderr with exit code 2.

import { appVersion } from '../core/app/app-info';
import { COMMAND_HELP, TOP_HELP } from './help';
import { Output, processIo, type CliIo } from './output';
import { UsageError } from './usage-error';

/** Exit codes of every command. */
export const EXIT = { healthy: 0, problem: 1, usage: 2 } as const;

/** A command: runs with its own argv (after the command name) and returns the exit code. */
export type Command = (argv: string[], out: Output, io: CliIo) => Promise<number>;

// Loaded on demand: `--help` and usage mistakes answer at once without loading the core.
const COMMANDS: Record<string, () => Promise<Command>> = {
  check: async () => (await import('./commands/check')).runCheck,
  diagnose: async () => (await import('./commands/diagnose')).runDiagnose,
  watch: async () => (await import('./commands/watch')).runWatch,
  simulate: async () => (await import('./commands/simulate')).runSimulate,
};

/** Runs the CLI with `argv` (without node and the script); resolves to the exit code. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const out = new Output(io);
  const [command, ...rest] = argv;
  try {
    if (command === undefined) {
      throw new UsageError("why500: missing command — run 'why500 --help' for the commands");
    }
    if (command === '--help' || command === '-h' || command === 'help') {
      const topic = command === 'help' ? rest[0] : undefined;
      out.raw(topic && COMMAND_HELP[topic] ? COMMAND_HELP[topic] : TOP_HELP);
      return EXIT.healthy;
    }
    if (command === '--version' || command === '-v') {
      out.line(appVersion());
      return EXIT.healthy;
    }
    const load = COMMANDS[command];
    if (!load) {
      const hint = command.startsWith('-')
        ? 'put the command first, e.g. why500 check --json'
        : `commands are ${Object.keys(COMMANDS).join(', ')}`;
      throw new UsageError(`why500: unknown command ${JSON.stringify(command)} — ${hint}`);
    }
    // The simulator prints its own help.
    if (command !== 'simulate' && (rest.includes('--help') || rest.includes('-h'))) {
      out.raw(COMMAND_HELP[command] ?? TOP_HELP);
      return EXIT.healthy;
    }
    const run = await load();
    return await run(rest, out, io);
  } catch (err) {
    if (err instanceof UsageError) {
      out.error(err.message);
      return EXIT.usage;
    }
    // Anything else is a bug; still one line, still no secret.
    out.error(`why500: unexpected error: ${err instanceof Error ? err.message : String(err)}`);
    return EXIT.problem;
  }
}
