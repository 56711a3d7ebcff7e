// `npm run bench -- on-demand`: time to an answer on demand — from "Diagnose now" (the app core's
// diagnoseNow, as the window calls it) and from `why500 diagnose` (the real CLI as a child process) to a
// verdict, on the loopback "healthy" local world (every probe answers; the local checks run). Then the
// same with one endpoint that never answers: the time to the first (partial) verdict, marked as such,
// and to the complete one when the hanging probe gives up.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAppCore } from '../core/app/create';
import { hostsResolver } from '../core/local/resolver';
import { resolveConfig } from '../shared/config/defaults';
import { checkConfig } from '../shared/config/parse';
import type { Diagnosis } from '../shared/types/diagnosis';
import { startLocalWorld, type LocalWorld } from '../simulator/local-worlds';
import type { BenchSection } from './types';

const BIN = fileURLToPath(new URL('../bin/why500.cjs', import.meta.url));
const RUNS = 5;
const TARGET_MS = 2_000;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0 ? 0 : (s[Math.floor((s.length - 1) / 2)] ?? 0);
}

/** A loopback TCP server that accepts connections and never answers (a hanging endpoint). */
async function hangingServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/hangs`,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The world's configuration, with an extra endpoint when given. */
function configOf(world: LocalWorld, extra: { name: string; url: string } | null): Record<string, unknown> {
  const config = structuredClone(world.config) as { targets: { endpoints: unknown[] }[] };
  if (extra) config.targets[0]!.endpoints.push(extra);
  return config;
}

function coreFor(world: LocalWorld, config: Record<string, unknown>) {
  const checked = checkConfig(config);
  if (!checked.ok) throw new Error(checked.message);
  const hosts = world.env.WHY500_TEST_HOSTS;
  const resolver = hosts ? hostsResolver(hosts) : null;
  return createAppCore({
    config: resolveConfig(checked.config),
    dataDir: null,
    tokens: { get: () => null },
    env: world.env,
    ...(resolver ? { resolver } : {}),
  });
}

/** Runs `why500 diagnose` to its exit; resolves to the wall time, ms. */
function timeCli(args: string[], env: Record<string, string>): Promise<{ ms: number; code: number | null }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'ignore', 'ignore'] });
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: performance.now() - started, code }));
  });
}

/** Diagnoses on demand once; the times to the first verdict (partial or not) and to the complete one. */
async function onDemand(
  world: LocalWorld,
  config: Record<string, unknown>,
): Promise<{ firstMs: number; firstPartial: boolean; completeMs: number; verdict: string; local: boolean }> {
  const core = coreFor(world, config);
  try {
    const started = performance.now();
    let first: { ms: number; partial: boolean } | null = null;
    const diagnosis = (await core.diagnoseNow('Svc', {
      onPartial: () => (first ??= { ms: performance.now() - started, partial: true }),
    })) as Diagnosis | null;
    const completeMs = performance.now() - started;
    first ??= { ms: completeMs, partial: false };
    return {
      firstMs: first.ms,
      firstPartial: first.partial,
      completeMs,
      verdict: diagnosis?.verdict ?? 'none',
      local: (diagnosis?.evidence.local?.checks.length ?? 0) > 0,
    };
  } finally {
    await core.stop({ abort: true });
  }
}

/** Measures both entry points in the healthy world, then the window path with a hanging endpoint. */
export async function run(): Promise<BenchSection[]> {
  const dir = mkdtempSync(join(tmpdir(), 'why500-bench-on-demand-'));
  const world = await startLocalWorld('healthy', dir);
  const hanging = await hangingServer();
  const lines: string[] = [];
  try {
    const healthyConfig = configOf(world, null);
    const window: number[] = [];
    let withLocal = 0;
    for (let i = 0; i < RUNS; i++) {
      const r = await onDemand(world, healthyConfig);
      window.push(r.completeMs);
      if (r.local) withLocal++;
      lines.push(`window run ${i + 1}: ${r.verdict} in ${Math.round(r.completeMs)} ms`);
    }
    const configFile = join(dir, 'healthy.json');
    writeFileSync(configFile, JSON.stringify(healthyConfig));
    const env = { PATH: process.env.PATH ?? '', HOME: dir, ...world.env };
    const cli: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const r = await timeCli(['diagnose', '--config', configFile, '--data-dir', join(dir, 'data')], env);
      cli.push(r.ms);
      lines.push(`cli run ${i + 1}: exit ${r.code} in ${Math.round(r.ms)} ms`);
    }

    lines.push(
      '(the CLI runs its prebuilt bundle when it is fresh — `npm run prepare` — else tsx, far slower)',
    );

    const hangConfig = configOf(world, { name: 'hangs', url: hanging.url });
    const hang = await onDemand(world, hangConfig);
    lines.push(
      `hanging endpoint: first verdict ${hang.firstPartial ? '(partial) ' : ''}after ${Math.round(hang.firstMs)} ms, complete (${hang.verdict}) after ${Math.round(hang.completeMs)} ms`,
    );

    return [
      {
        title: 'Time to an answer on demand (loopback, every probe answers, local checks included)',
        figures: [
          {
            name: '"Diagnose now" to verdict (median)',
            value: median(window),
            unit: 'ms',
            target: `≤ ${TARGET_MS}`,
            ok: median(window) <= TARGET_MS,
          },
          { name: '"Diagnose now" to verdict (max)', value: Math.max(...window), unit: 'ms' },
          { name: 'runs whose local checks ran', value: withLocal, unit: `of ${RUNS}` },
          {
            name: '`why500 diagnose` start to exit (median)',
            value: median(cli),
            unit: 'ms',
            target: `≤ ${TARGET_MS}`,
            ok: median(cli) <= TARGET_MS,
          },
        ],
        lines,
      },
      {
        title: 'Time to an answer on demand with one endpoint that never answers',
        figures: [
          {
            name: 'first verdict, marked partial',
            value: hang.firstMs,
            unit: 'ms',
            target: '≤ local checks deadline (3000) + 1000',
            ok: hang.firstPartial && hang.firstMs <= 4_000,
          },
          { name: 'complete verdict (the hanging probe gave up)', value: hang.completeMs, unit: 'ms' },
        ],
      },
    ];
  } finally {
    await hanging.close();
    await world.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
