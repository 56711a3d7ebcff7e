// Test projects: the Node side (shared, core, cli, simulator, electron with fakes, e2e) and the
// Svelte components under jsdom, and timing-sensitive tests run alone (`serial`).
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['{shared,core,cli,simulator,electron,scripts,tests}/**/*.test.ts'],
          exclude: ['**/*.serial.test.ts', '**/node_modules/**'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        // Timing comparisons (e.g. against curl) that only mean something on an otherwise idle machine:
        // scripts/test.mjs runs this project on its own, after the others.
        test: {
          name: 'serial',
          environment: 'node',
          include: ['**/*.serial.test.ts'],
          exclude: ['**/node_modules/**'],
          fileParallelism: false,
          testTimeout: 60_000,
        },
      },
      {
        plugins: [svelte()],
        resolve: { conditions: ['browser'] },
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['renderer/**/*.test.ts'],
        },
      },
    ],
  },
});
