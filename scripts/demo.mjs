#!/usr/bin/env node
// `npm run demo [-- SCENARIO… | --list] [--seconds N]`: starts the fault simulator for a scenario and
// then the app against it (Electron with WHY500_CONFIG pointing at the generated config), so anyone can
// watch each cause happen. With no scenario it cycles through a few. Without an Electron binary it
// says so and runs `why500 diagnose` then `why500 watch` in the terminal instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const { startSimulator, listScenarios } = await import('../simulator/simulator.ts');

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = fileURLToPath(new URL('../bin/why500.mjs', import.meta.url));
const DEFAULT_CYCLE = [
  'overload-503-retry-after',
  'bad-update-version-header',
  'regional-cloudflare-502-colo',
  'maintenance-atlassian-in-progress',
  'extensions-chromium-all-urls',
  'healthy-operational',
];

const USAGE = 'Usage: npm run demo [-- SCENARIO ... | --list] [--seconds N]';

/** Exits 2 with one line naming what was wrong, and the usage. */
function usage(message) {
  console.error(`npm run demo: ${message}`);
  console.error(USAGE);
  process.exit(2);
}

const args = process.argv.slice(2);
let seconds = null;
const chosen = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--list') {
    for (const s of listScenarios())
      console.log(`${s.name.padEnd(42)} ${s.outcome.padEnd(13)} ${s.description}`);
    process.exit(0);
  } else if (a === '--seconds') {
    seconds = Number(args[++i]);
    if (!Number.isFinite(seconds) || seconds < 5) usage('--seconds expects a number of seconds, at least 5');
  } else if (a === '--help' || a === '-h') {
    console.log(USAGE);
    process.exit(0);
  } else if (a.startsWith('-')) usage(`unknown option ${a}`);
  else chosen.push(a);
}
const known = new Set(listScenarios().map((s) => s.name));
for (const name of chosen)
  if (!known.has(name)) usage(`unknown scenario "${name}"; see npm run demo -- --list`);
const cycle = chosen.length > 0 ? chosen : DEFAULT_CYCLE;
// One scenario runs until Ctrl-C; a cycle gives each scenario a while.
const perScenario = seconds ?? (cycle.length > 1 ? 90 : null);

/** The Electron binary's path, or null when the package or its downloaded binary is missing. */
function electronBinary() {
  try {
    const path = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** The build outputs the app needs: the main process, the preload and the window. */
const BUILT = ['dist/electron/main.js', 'dist/electron/preload.cjs', 'dist/renderer/index.html'].map((p) =>
  join(ROOT, p),
);
const SOURCES = ['electron', 'core', 'shared', 'renderer'].map((p) => join(ROOT, p));

/** The newest modification time of any file under these folders (node_modules skipped). */
function newestMtime(paths) {
  let newest = 0;
  const walk = (path) => {
    const info = statSync(path, { throwIfNoEntry: false });
    if (!info) return;
    if (info.isDirectory()) {
      for (const entry of readdirSync(path)) if (entry !== 'node_modules') walk(join(path, entry));
    } else newest = Math.max(newest, info.mtimeMs);
  };
  for (const p of paths) walk(p);
  return newest;
}

/** True when an app build is missing, or older than the sources (an old build may not read WHY500_CONFIG). */
function needsBuild() {
  if (!BUILT.every((p) => existsSync(p))) return true;
  const built = Math.min(...BUILT.map((p) => statSync(p).mtimeMs));
  return newestMtime(SOURCES) > built;
}

const electron = electronBinary();
if (electron && needsBuild()) {
  console.log('Building the app first (npm run build)…');
  const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) console.log('The build failed; falling back to the terminal.');
}
const useElectron = electron && BUILT.every((p) => existsSync(p));
// Chromium refuses to start its sandbox as root (e.g. in a container) unless told not to use it.
const electronArgs = ['.', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])];
if (!useElectron)
  console.log(
    'Electron is not available here (no Electron binary or app build), so the demo runs the why500 CLI in this terminal instead: `why500 diagnose`, then `why500 watch`.',
  );

let current = null;
let stopping = false;
process.on('SIGINT', () => {
  stopping = true;
  current?.kill('SIGINT');
});

function run(command, argv, env, limitSeconds) {
  return new Promise((resolve) => {
    const child = spawn(command, argv, { cwd: ROOT, env, stdio: 'inherit' });
    current = child;
    const timer = limitSeconds ? setTimeout(() => child.kill('SIGINT'), limitSeconds * 1000) : null;
    const done = () => {
      if (timer) clearTimeout(timer);
      current = null;
      resolve();
    };
    // A child that cannot start emits 'error' and no 'exit': say so and go on instead of waiting forever.
    child.on('error', (err) => {
      console.error(`npm run demo: could not start ${command}: ${err.message}`);
      done();
    });
    child.on('exit', done);
  });
}

for (const name of cycle) {
  if (stopping) break;
  let sim;
  try {
    sim = await startSimulator({ scenario: name });
  } catch (err) {
    // E.g. tinyproxy or openssl missing for this scenario: one line, then the next scenario.
    console.error(
      `npm run demo: ${name} could not start: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}`,
    );
    process.exitCode = 1;
    continue;
  }
  // A private data folder: the simulated target's history never mixes with the user's own.
  const env = {
    ...process.env,
    ...sim.env,
    WHY500_CONFIG: sim.configPath,
    WHY500_DATA_DIR: join(dirname(sim.configPath), 'data'),
    NO_PROXY: '127.0.0.1,localhost',
  };
  for (const key of ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy']) delete env[key];
  // Set, it would make the Electron binary a plain Node and the app would never start.
  delete env.ELECTRON_RUN_AS_NODE;
  console.log(`\n=== ${sim.scenario.name}: should be diagnosed as "${sim.scenario.outcome}"`);
  console.log(`    ${sim.scenario.description}`);
  console.log(`    site ${sim.url}/  config ${sim.configPath}`);
  if (sim.symptom)
    console.log('    (this scenario needs "I\'m seeing an error": press it in the app, or --symptom)');
  if (useElectron) {
    console.log('    The app watches the targets of that config (WHY500_CONFIG) with its own data folder.');
    await run(electron, electronArgs, env, perScenario);
  } else {
    const symptom = sim.symptom ? ['--symptom'] : [];
    await run(process.execPath, [BIN, 'diagnose', '--watch', '10', '--interval', '2', ...symptom], env, null);
    if (!stopping) {
      console.log(`\n--- why500 watch (${perScenario ? `${perScenario} s` : 'Ctrl-C to stop'}) ---`);
      await run(process.execPath, [BIN, 'watch', '--interval', '10'], env, perScenario);
    }
  }
  await sim.stop();
}
