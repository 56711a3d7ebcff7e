// The "Try:" line the simulator prints works as printed: `why500` only when that command on the PATH is
// this checkout's, else `node <checkout>/bin/why500.cjs`; never `npx`.

import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSimulateCommand } from './command';
import { BIN_PATH, why500Command } from './invocation';

describe('why500Command', () => {
  it('is `why500` only when the PATH runs this checkout, else node with its bin', () => {
    const dir = mkdtempSync(join(tmpdir(), 'why500-path-'));
    try {
      expect(why500Command({ PATH: dir }, 'linux')).toBe(`node ${BIN_PATH}`);
      const oursDir = mkdtempSync(join(dir, 'o-'));
      const foreignDir = mkdtempSync(join(dir, 'f-'));
      symlinkSync(BIN_PATH, join(oursDir, 'why500'));
      writeFileSync(join(foreignDir, 'why500'), '#!/bin/sh\necho squatter\n');
      chmodSync(join(foreignDir, 'why500'), 0o755);
      expect(why500Command({ PATH: oursDir }, 'linux')).toBe('why500');
      expect(why500Command({ PATH: `${foreignDir}:${oursDir}` }, 'linux')).toBe(`node ${BIN_PATH}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints a Try: line that runs as printed, in a shell without why500 on the PATH', async () => {
    const env = { PATH: `${dirname(process.execPath)}:/usr/bin:/bin`, HOME: tmpdir() };
    let stdout = '';
    const io = { stdout: (t: string) => void (stdout += t), stderr: () => {}, env };
    const controller = new AbortController();
    let result: { code: number | null; out: string } | null = null;
    await runSimulateCommand(['--scenario', 'healthy-operational'], io, {
      signal: controller.signal,
      onStarted: () => {
        const line = /^Try: {4}(.*)$/m.exec(stdout)![1]!;
        expect(line).not.toMatch(/\bnpx\b/);
        expect(line).toContain(`node ${BIN_PATH} diagnose`);
        execFile('/bin/sh', ['-c', line], { env, timeout: 60_000 }, (err, out) => {
          result = { code: err ? ((err as { code?: number }).code ?? 1) : 0, out };
          controller.abort();
        });
      },
    });
    const done = result as { code: number | null; out: string } | null;
    expect(done?.out).toMatch(/is working normally\./);
    expect(done?.code).toBe(0);
  }, 90_000);
});
