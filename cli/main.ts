// The `why500` command line: dispatches to check, diagnose, watch, history, services and simulate, and turns every
// usage or config mistake into one line on stderr with exit code 2.

import { dispatch, failure, type CommandName } from './dispatch';
import { Output, processIo, type CliIo } from './output';

/** A command: runs with its own argv (after the command name) and returns the exit code. */
export type Command = (argv: string[], out: Output, io: CliIo) => Promise<number>;

// Loaded on demand: `--help` and usage mistakes answer at once without loading the core.
const COMMANDS: Record<CommandName, () => Promise<Command>> = {
  check: async () => (await import('./commands/check')).runCheck,
  diagnose: async () => (await import('./commands/diagnose')).runDiagnose,
  watch: async () => (await import('./commands/watch')).runWatch,
  history: async () => (await import('./commands/history')).runHistory,
  services: async () => (await import('./commands/services')).runServices,
  simulate: async () => (await import('./commands/simulate')).runSimulate,
};

/** Runs the CLI with `argv` (without node and the script); resolves to the exit code. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const out = new Output(io);
  try {
    const answer = dispatch(argv, out);
    if (typeof answer === 'number') return answer;
    const run = await COMMANDS[answer.command]();
    return await run(answer.argv, out, io);
  } catch (err) {
    return failure(err, out);
  }
}
