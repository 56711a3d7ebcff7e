// Starts a real tinyproxy (Debian's) on 127.0.0.1 as the alternate path. Its outgoing connections are
// bound to 127.0.0.2, so the fake service can tell requests that came through it from direct ones.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALTERNATE_SOURCE_ADDRESS } from './service';

/** A running tinyproxy. */
export interface Tinyproxy {
  /** Proxy URL for `alternatePath.proxy`. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Where tinyproxy is installed, or null. */
export function findTinyproxy(): string | null {
  for (const p of [
    '/usr/bin/tinyproxy',
    '/usr/sbin/tinyproxy',
    '/usr/local/bin/tinyproxy',
    '/opt/homebrew/bin/tinyproxy',
  ])
    if (existsSync(p)) return p;
  return null;
}

function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, host, () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Starts tinyproxy listening on 127.0.0.1 (port chosen free) and waits until it accepts connections. */
export async function startTinyproxy(): Promise<Tinyproxy> {
  const binary = findTinyproxy();
  if (!binary)
    throw new Error(
      'tinyproxy is not installed; install it (apt-get install tinyproxy) to simulate an alternate path',
    );
  const dir = mkdtempSync(join(tmpdir(), 'why500-tinyproxy-'));
  let lastError = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort('127.0.0.1');
    const conf = join(dir, 'tinyproxy.conf');
    writeFileSync(
      conf,
      [
        `Port ${port}`,
        'Listen 127.0.0.1',
        `Bind ${ALTERNATE_SOURCE_ADDRESS}`,
        'Timeout 30',
        'MaxClients 50',
        'Allow 127.0.0.1',
        'LogLevel Error',
        'ViaProxyName "tinyproxy"',
        '',
      ].join('\n'),
    );
    const child: ChildProcess = spawn(binary, ['-d', '-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
    let exited = false;
    child.once('exit', () => (exited = true));
    const started = Date.now();
    while (!exited && Date.now() - started < 5_000) {
      if (await canConnect(port)) {
        const stop = () =>
          new Promise<void>((resolve) => {
            if (exited) {
              rmSync(dir, { recursive: true, force: true });
              return resolve();
            }
            child.once('exit', () => {
              rmSync(dir, { recursive: true, force: true });
              resolve();
            });
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 2_000).unref();
          });
        return { url: `http://127.0.0.1:${port}`, port, stop };
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill('SIGKILL');
    lastError = stderr.trim().split('\n').pop() ?? 'no output';
  }
  rmSync(dir, { recursive: true, force: true });
  throw new Error(`tinyproxy did not start: ${lastError}`);
}
