// Runs scenarios end to end: starts each one's fake world, runs the real `why500 diagnose --json` CLI
// against it as a child process (or the core in-process, for the benchmark), and collects the
// diagnosis with everything printed — so the suite and the bench can check verdicts and secrets.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DiagnosisJson } from '../core/report/contract';
import type { Verdict } from '../shared/types/diagnosis';
import { startSimulator, type RunningSimulator } from './simulator';
import type { ScenarioDefinition } from './types';

/** One command the runner ran, with everything it printed. */
export interface CommandRun {
  args: string[];
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

/** The result of one scenario. */
export interface ScenarioRun {
  scenario: ScenarioDefinition;
  expected: Verdict;
  /** The parsed diagnosis, or null when the CLI printed none. */
  diagnosis: DiagnosisJson | null;
  /** The main diagnose run. */
  main: CommandRun | null;
  /** Every command run for the scenario (prior run, diagnose, extra secret checks). */
  commands: CommandRun[];
  /** Secrets the scenario handed to the CLI (the token), to look for in the output. */
  secrets: string[];
  ms: number;
  /** Why the run produced no diagnosis, in one line. */
  error: string | null;
}

/** Options of a run. */
export interface RunOptions {
  /** Override the scenario's observation window. */
  watch?: { seconds: number; interval: number };
  /** Also run `diagnose --markdown` and `check --json` for these scenarios (when they have a token), to look for it. */
  secretChecks?: (scenario: ScenarioDefinition) => boolean;
}

const REPO = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(REPO, 'bin', 'why500.mjs');

/** The child's environment: the caller's, minus anything that would steer it away from the simulator. */
export function childEnv(sim: RunningSimulator): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(https?|all|no)_proxy$/i.test(key) || key.startsWith('WHY500_') || key === 'NODE_EXTRA_CA_CERTS')
      delete env[key];
  }
  return { ...env, ...sim.env, NO_PROXY: '127.0.0.1,localhost' };
}

function runNode(args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<CommandRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: REPO,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ args, exitCode: code, stdout, stderr });
    });
  });
}

function parseDiagnosis(stdout: string): DiagnosisJson | null {
  const line = stdout.trim().split('\n').pop() ?? '';
  try {
    const value = JSON.parse(line) as DiagnosisJson;
    return value && typeof value.verdict === 'string' && Array.isArray(value.ranking) ? value : null;
  } catch {
    return null;
  }
}

/**
 * The window a scenario is observed for: its own, else three rounds a second apart, or four when its
 * deploy is timed on the world's clock. That clock starts at the world's first request, which a loaded
 * machine can delay, so the second round may still come before the deploy; four leave two after it.
 */
export function watchWindow(scenario: ScenarioDefinition): { seconds: number; interval: number } {
  if (scenario.watch) return scenario.watch;
  return { seconds: scenario.build?.deploy?.at !== undefined ? 4 : 3, interval: 1 };
}

/** Runs one scenario through the real CLI (`node bin/why500.mjs diagnose … --json`). */
export async function runScenarioCli(
  scenario: ScenarioDefinition,
  options: RunOptions = {},
): Promise<ScenarioRun> {
  const started = performance.now();
  const sim = await startSimulator({ scenario });
  const dataDir = mkdtempSync(join(tmpdir(), `why500-data-${scenario.name}-`));
  const commands: CommandRun[] = [];
  const env = childEnv(sim);
  const window = options.watch ?? watchWindow(scenario);
  const base = ['diagnose', '--config', sim.configPath, '--data-dir', dataDir, '--json'];
  const limit = (window.seconds + 60) * 1000;
  try {
    if (scenario.priorRun) {
      commands.push(await runNode(base, env, limit));
      sim.advance();
    }
    const main = await runNode(
      [
        ...base,
        '--watch',
        String(window.seconds),
        '--interval',
        String(window.interval),
        ...(sim.symptom ? ['--symptom'] : []),
      ],
      env,
      limit,
    );
    commands.push(main);
    if (options.secretChecks?.(scenario) && sim.env.WHY500_TOKEN) {
      commands.push(
        await runNode(
          ['diagnose', '--config', sim.configPath, '--data-dir', dataDir, '--markdown'],
          env,
          limit,
        ),
      );
      commands.push(
        await runNode(['check', '--config', sim.configPath, '--data-dir', dataDir, '--json'], env, limit),
      );
    }
    const diagnosis = parseDiagnosis(main.stdout);
    return {
      scenario,
      expected: scenario.outcome,
      diagnosis,
      main,
      commands,
      secrets: sim.env.WHY500_TOKEN ? [sim.env.WHY500_TOKEN] : [],
      ms: performance.now() - started,
      error: diagnosis
        ? null
        : `no diagnosis JSON (exit ${main.exitCode}): ${(main.stderr || main.stdout).trim().split('\n')[0] ?? ''}`,
    };
  } finally {
    await sim.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Runs one scenario in this process through the core's composition root (what the CLI does, minus the
 * process start), for the benchmark. Prints nothing, so it cannot check secrets in output.
 */
export async function runScenarioInProcess(
  scenario: ScenarioDefinition,
  options: RunOptions = {},
): Promise<ScenarioRun> {
  const { createAppCore } = await import('../core/app/create');
  const { resolveConfig } = await import('../shared/config/defaults');
  const { diagnosisJson } = await import('../core/report/contract');
  const started = performance.now();
  const sim = await startSimulator({ scenario });
  const dataDir = mkdtempSync(join(tmpdir(), `why500-data-${scenario.name}-`));
  const token = sim.env.WHY500_TOKEN ?? null;
  const target = sim.config.targets?.[0]?.name ?? '';
  const window = options.watch ?? watchWindow(scenario);
  const make = () =>
    createAppCore({
      config: resolveConfig(sim.config),
      dataDir,
      tokens: { get: () => token },
      env: { NO_PROXY: '127.0.0.1,localhost' },
      ...(sim.env.NODE_EXTRA_CA_CERTS ? { caFiles: [sim.env.NODE_EXTRA_CA_CERTS] } : {}),
    });
  try {
    if (scenario.priorRun) {
      const before = make();
      await before.observe(target, { durationMs: 0, intervalMs: 1000 });
      await before.stop();
      sim.advance();
    }
    const core = make();
    const d = await core.observe(target, {
      durationMs: window.seconds * 1000,
      intervalMs: window.interval * 1000,
      symptom: sim.symptom,
    });
    await core.stop();
    const diagnosis = d ? diagnosisJson(d) : null;
    return {
      scenario,
      expected: scenario.outcome,
      diagnosis,
      main: null,
      commands: [],
      secrets: [],
      ms: performance.now() - started,
      error: diagnosis ? null : 'the core returned no diagnosis',
    };
  } finally {
    await sim.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Runs `scenarios` with at most `concurrency` at once (black holes and other slow ones first). */
export async function runScenarios(
  scenarios: readonly ScenarioDefinition[],
  options: RunOptions & {
    concurrency?: number;
    run?: (s: ScenarioDefinition, o: RunOptions) => Promise<ScenarioRun>;
    onResult?: (r: ScenarioRun) => void;
  } = {},
): Promise<ScenarioRun[]> {
  const run = options.run ?? runScenarioCli;
  const slowFirst = [...scenarios].sort(
    (a, b) =>
      Number(b.transport === 'blackhole') - Number(a.transport === 'blackhole') ||
      Number(!!b.priorRun) - Number(!!a.priorRun),
  );
  const results = new Map<string, ScenarioRun>();
  const queue = [...slowFirst];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      let result: ScenarioRun;
      try {
        result = await run(next, options);
      } catch (err) {
        result = {
          scenario: next,
          expected: next.outcome,
          diagnosis: null,
          main: null,
          commands: [],
          secrets: [],
          ms: 0,
          error: err instanceof Error ? (err.message.split('\n')[0] ?? 'error') : String(err),
        };
      }
      results.set(next.name, result);
      options.onResult?.(result);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 3) }, worker));
  return scenarios.map((s) => results.get(s.name) as ScenarioRun);
}

/** The top of a diagnosis in one line, for failure messages: "overload 0.81 > regional 0.09 > …". */
export function rankingLine(d: DiagnosisJson | null, top = 3): string {
  if (!d) return '(no diagnosis)';
  return d.ranking
    .slice(0, top)
    .map((r) => `${r.cause} ${r.probability.toFixed(2)}`)
    .join(' > ');
}
