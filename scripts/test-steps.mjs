// The steps of `npm test` (scripts/test.mjs): each says what it runs the moment it starts, written
// synchronously so the line is out before a long step (minutes of type checks) blocks the script.
import { spawnSync } from 'node:child_process';
import { writeSync } from 'node:fs';

/** Writes `text` to stdout at once (a pipe's asynchronous write would wait for the blocked loop). */
export function say(text) {
  try {
    writeSync(1, text);
  } catch {
    process.stdout.write(text);
  }
}

/** The tally of passed and failed steps and tests. */
export const results = { passed: 0, failed: 0, failedNames: [] };

/** Runs one static check as a step, announced first; true when it passed. */
export function step(name, cmd, args) {
  say(`\n▶ ${name}: ${cmd} ${args.join(' ')}\n`);
  const started = Date.now();
  const run = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  const took = `${((Date.now() - started) / 1000).toFixed(1)} s`;
  if (run.status === 0) results.passed++;
  else {
    results.failed++;
    results.failedNames.push(name);
  }
  say(`  ${run.status === 0 ? 'passed' : 'FAILED'}: ${name} (${took})\n`);
  return run.status === 0;
}
