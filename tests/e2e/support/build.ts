// Makes sure dist/renderer holds a production build at least as new as the renderer sources.

import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO = fileURLToPath(new URL('../../../', import.meta.url));
/** Where the production build goes. */
export const BUILD_DIR = join(REPO, 'dist', 'renderer');

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/**
 * Runs `vite build` in its own process, exactly as `npm run build` does. Building inside the test
 * process would inherit vitest's NODE_ENV=test and produce a development build of Svelte.
 */
function viteBuild(): Promise<void> {
  const env: Record<string, string | undefined> = { ...process.env, NODE_ENV: 'production' };
  delete env.VITEST;
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [join(REPO, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'error'],
      { cwd: REPO, env, timeout: 120_000 },
      (err, _stdout, stderr) =>
        err
          ? reject(new Error(`vite build failed: ${stderr.trim().split('\n')[0] ?? err.message}`))
          : resolve(),
    );
  });
}

function isFresh(): boolean {
  const index = join(BUILD_DIR, 'index.html');
  const sources = Math.max(
    newest(join(REPO, 'renderer')),
    newest(join(REPO, 'shared')),
    statSync(join(REPO, 'vite.config.ts')).mtimeMs,
  );
  return existsSync(index) && statSync(index).mtimeMs >= sources;
}

/**
 * Builds the renderer with Vite when the build is missing or older than its sources. Test files run in
 * parallel, so one builds under a lock folder while the others wait for it.
 */
export async function ensureRendererBuild(): Promise<string> {
  const lock = join(REPO, 'dist', '.renderer-build.lock');
  const giveUpAt = Date.now() + 120_000;
  while (!isFresh()) {
    mkdirSync(join(REPO, 'dist'), { recursive: true });
    try {
      mkdirSync(lock);
    } catch {
      // Another test file is building: wait for it (or clear a lock left behind by a crashed run).
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 120_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > giveUpAt)
        throw new Error(`the renderer build did not finish; remove ${lock} and retry`);
      await new Promise((r) => setTimeout(r, 250));
      continue;
    }
    try {
      await viteBuild();
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return BUILD_DIR;
}
