#!/usr/bin/env node
// `npm test`: every check the project has — type checks, lint, format, the renderer build, then all
// vitest projects — and one closing line `N passed, N failed` counting each static check as one test.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const results = { passed: 0, failed: 0, failedNames: [] };

function step(name, cmd, args) {
  process.stdout.write(`\n▶ ${name}: ${cmd} ${args.join(' ')}\n`);
  const run = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  if (run.status === 0) results.passed++;
  else {
    results.failed++;
    results.failedNames.push(name);
  }
  return run.status === 0;
}

const only = process.argv.slice(2);
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
const out = '.test-results/vitest.json';
spawnSync(
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...only],
  {
    stdio: 'inherit',
    env: process.env,
  },
);
if (existsSync(out)) {
  const report = JSON.parse(readFileSync(out, 'utf8'));
  results.passed += report.numPassedTests ?? 0;
  results.failed += (report.numFailedTests ?? 0) + (report.numFailedTestSuites ?? 0);
  if (report.numTotalTests === 0) {
    results.failed++;
    results.failedNames.push('vitest ran no test');
  }
  for (const file of report.testResults ?? []) {
    if (file.status === 'failed' && (file.assertionResults ?? []).every((a) => a.status !== 'failed')) {
      results.failedNames.push(`suite ${file.name}: ${String(file.message ?? '').split('\n')[0]}`);
    }
    for (const a of file.assertionResults ?? [])
      if (a.status === 'failed') results.failedNames.push(a.fullName);
  }
} else {
  results.failed++;
  results.failedNames.push('vitest produced no report');
}

if (results.failedNames.length) console.log(`\nFailed:\n- ${results.failedNames.join('\n- ')}`);
console.log(`\n${results.passed} passed, ${results.failed} failed`);
process.exitCode = results.failed === 0 ? 0 : 1;
