// `npm test` announces each step the moment it starts: through a pipe, the line must arrive while the
// step is still running, not after it (a blocked event loop would hold an asynchronous write back).

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const STEPS = fileURLToPath(new URL('./test-steps.mjs', import.meta.url));

describe('npm test steps', () => {
  it('print their name through a pipe before a long step ends', async () => {
    const script = `import { step } from ${JSON.stringify(STEPS)};
step('slow step', process.execPath, ['-e', 'setTimeout(() => {}, 1500)']);`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const started = Date.now();
    let firstAt: number | null = null;
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      firstAt ??= Date.now();
      out += d.toString();
    });
    const endedAt = await new Promise<number>((resolve) => child.on('close', () => resolve(Date.now())));
    expect(out).toMatch(/^\n▶ slow step: /);
    expect(out).toMatch(/passed: slow step \(\d+\.\d s\)\n$/);
    // The announcement came well before the 1.5 s step was over.
    expect(firstAt! - started).toBeLessThan(endedAt - started - 1000);
  });
});
