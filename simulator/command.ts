// `why500 simulate`: lists the scenarios, or starts one and keeps it running until interrupted,
// printing where its config is and how to point why500 at it (never the token itself).

import { chmodSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { listScenarios, startSimulator, type RunningSimulator } from './simulator';
import { why500Command } from './invocation';

/** Where the command writes and what environment it sees (structurally the CLI's CliIo). */
export interface SimulateIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env?: Record<string, string | undefined>;
}

/** Options for tests: stop when `signal` aborts instead of on SIGINT/SIGTERM; learn the running simulator. */
export interface SimulateControl {
  signal?: AbortSignal;
  onStarted?: (sim: RunningSimulator) => void;
}

const HELP = `Usage: why500 simulate --scenario NAME [--port N] [--time-scale X]
       why500 simulate --list [--json]

Starts a local fake service (with a fake status page, control sites and, where the scenario needs
them, tinyproxy and fake browser profiles) that misbehaves like one cause, and prints the config to
point why500 at. Runs until Ctrl-C.

  --scenario NAME   The scenario to run (see --list)
  --port N          Port of the fake service (default: a free one)
  --time-scale X    Run the scenario's clock X times slower (e.g. 10 to watch a deploy happen)
  --list            List the scenarios with the outcome each should be diagnosed as
  --json            With --list: one JSON array
`;

const defaultIo: SimulateIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  env: process.env,
};

interface Parsed {
  list: boolean;
  json: boolean;
  help: boolean;
  scenario: string | null;
  port: number | undefined;
  timeScale: number | undefined;
}

function parse(argv: string[]): Parsed | string {
  const out: Parsed = {
    list: false,
    json: false,
    help: false,
    scenario: null,
    port: undefined,
    timeScale: undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = (): string | null => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) return null;
      i++;
      return next;
    };
    switch (flag) {
      case '--list':
        out.list = true;
        break;
      case '--json':
        out.json = true;
        break;
      case '--help':
      case '-h':
        out.help = true;
        break;
      case '--scenario': {
        const v = value();
        if (!v) return '--scenario needs a scenario name (see why500 simulate --list)';
        out.scenario = v;
        break;
      }
      case '--port': {
        const v = value();
        const n = Number(v);
        if (!v || !Number.isInteger(n) || n < 0 || n > 65535)
          return `--port expects a port number 0–65535, found ${v ?? 'nothing'}`;
        out.port = n;
        break;
      }
      case '--time-scale': {
        const v = value();
        const n = Number(v);
        if (!v || !Number.isFinite(n) || n < 0.1 || n > 1000)
          return `--time-scale expects a number from 0.1 to 1000, found ${v ?? 'nothing'}`;
        out.timeScale = n;
        break;
      }
      default:
        return `unknown option ${JSON.stringify(arg)}; run why500 simulate --help`;
    }
  }
  return out;
}

function printList(io: SimulateIo, json: boolean): void {
  const scenarios = listScenarios();
  if (json) {
    io.stdout(`${JSON.stringify(scenarios)}\n`);
    return;
  }
  const width = Math.max(...scenarios.map((s) => s.name.length));
  io.stdout(`${scenarios.length} scenarios (name, expected diagnosis, what happens):\n`);
  for (const s of scenarios) {
    const decoy = s.decoyFor ? ` [decoy for ${s.decoyFor}]` : '';
    io.stdout(`  ${s.name.padEnd(width)}  ${s.outcome.padEnd(13)} ${s.description}${decoy}\n`);
  }
}

function waitForStop(control: SimulateControl): Promise<void> {
  return new Promise((resolve) => {
    if (control.signal) {
      if (control.signal.aborted) return resolve();
      control.signal.addEventListener('abort', () => resolve(), { once: true });
      return;
    }
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
  });
}

/** Runs `why500 simulate` with its arguments (after the word `simulate`); returns the exit code. */
export async function runSimulateCommand(
  argv: string[],
  io: SimulateIo = defaultIo,
  control: SimulateControl = {},
): Promise<number> {
  const parsed = parse(argv);
  if (typeof parsed === 'string') {
    io.stderr(`why500 simulate: ${parsed}\n`);
    return 2;
  }
  if (parsed.help) {
    io.stdout(HELP);
    return 0;
  }
  if (parsed.list) {
    printList(io, parsed.json);
    return 0;
  }
  if (!parsed.scenario) {
    io.stderr('why500 simulate: name a scenario with --scenario NAME, or list them with --list\n');
    return 2;
  }
  let sim: RunningSimulator;
  try {
    sim = await startSimulator({
      scenario: parsed.scenario,
      ...(parsed.port !== undefined ? { port: parsed.port } : {}),
      ...(parsed.timeScale !== undefined ? { timeScale: parsed.timeScale } : {}),
    });
  } catch (err) {
    const code = (err as { code?: string }).code;
    const message =
      code === 'EADDRINUSE'
        ? `port ${parsed.port} is already in use; pick another with --port, or leave --port out for a free one`
        : err instanceof Error
          ? err.message
          : String(err);
    io.stderr(`why500 simulate: ${message.split('\n')[0]}\n`);
    return /unknown scenario/.test(message) ? 2 : 1;
  }
  const s = sim.scenario;
  const lines = [
    `Scenario ${s.name}: should be diagnosed as "${s.outcome}"${s.decoyFor ? ` (a decoy for ${s.decoyFor})` : ''}.`,
    `  ${s.description}`,
    `Site:   ${sim.url}/`,
    `Config: ${sim.configPath}`,
  ];
  let envPrefix = '';
  if (Object.keys(sim.env).length > 0) {
    // The environment holds the (simulated) token: written to a private file, never printed.
    const envFile = join(dirname(sim.configPath), 'env.sh');
    writeFileSync(
      envFile,
      Object.entries(sim.env)
        .map(([k, v]) => `export ${k}='${v}'`)
        .join('\n') + '\n',
    );
    chmodSync(envFile, 0o600);
    lines.push(`Env:    ${envFile} (holds ${Object.keys(sim.env).join(', ')}; source it, do not print it)`);
    envPrefix = `. ${envFile} && `;
  }
  lines.push(
    `Try:    ${envPrefix}${why500Command(io.env ?? process.env)} diagnose --config ${sim.configPath} --watch 10 --interval 2${sim.symptom ? ' --symptom' : ''}`,
    'Press Ctrl-C to stop.',
  );
  io.stdout(`${lines.join('\n')}\n`);
  control.onStarted?.(sim);
  await waitForStop(control);
  await sim.stop();
  io.stdout('Simulator stopped.\n');
  return 0;
}
