// The entry the CLI's `why500 simulate` loads (cli/commands/simulate.ts imports this module).

export { runSimulateCommand, type SimulateIo } from './command';
