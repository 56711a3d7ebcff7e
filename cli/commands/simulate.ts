// `why500 simulate`: hands over to the fault simulator's own command (simulator/cli.ts), which owns
// its flags, help and output. Everything it prints still passes through the CLI's redactor.

import { runSimulateCommand } from '../../simulator/cli';
import type { CliIo, Output } from '../output';

/** Runs `why500 simulate …` (argv after the word `simulate`). */
export async function runSimulate(argv: string[], out: Output, io: CliIo): Promise<number> {
  return runSimulateCommand(argv, {
    stdout: (text) => out.raw(text),
    stderr: (text) => out.rawError(text),
    env: io.env,
  });
}
