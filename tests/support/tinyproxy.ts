// Runs a real tinyproxy for tests: a temp config listening on 127.0.0.1 on a free port, allowing
// only 127.0.0.1, in the foreground (-d) so stop() can kill exactly the process it started.

import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { refusedPort } from './hostile';

/** A running tinyproxy. */
export interface Tinyproxy {
  /** `http://127.0.0.1:PORT` */
  url: string;
  port: number;
  /** Kills the proxy process and removes its config. */
  stop(): Promise<void>;
}

/** Where tinyproxy is installed, or null. */
export function findTinyproxy(): string | null {
  for (const path of ['/usr/bin/tinyproxy', '/usr/sbin/tinyproxy', '/usr/local/bin/tinyproxy']) {
    if (existsSync(path)) return path;
  }
  return null;
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Starts tinyproxy on 127.0.0.1 and resolves once it accepts connections. */
export async function startTinyproxy(): Promise<Tinyproxy> {
  const binary = findTinyproxy();
  if (!binary)
    throw new Error('tinyproxy not found in /usr/bin or /usr/sbin: install it (apt-get install tinyproxy)');
  const dir = await mkdtemp(join(tmpdir(), 'why500-tinyproxy-'));
  const port = await refusedPort();
  const config = join(dir, 'tinyproxy.conf');
  await writeFile(
    config,
    [
      `Port ${port}`,
      'Listen 127.0.0.1',
      'Timeout 30',
      'MaxClients 50',
      'Allow 127.0.0.1',
      'LogLevel Error',
      'DisableViaHeader Yes',
      '',
    ].join('\n'),
  );
  const child = spawn(binary, ['-d', '-c', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 1000);
      await exited(child);
      clearTimeout(timer);
    }
    await rm(dir, { recursive: true, force: true });
  };
  const started = Date.now();
  while (!(await canConnect(port))) {
    if (child.exitCode !== null || Date.now() - started > 5000) {
      await stop();
      throw new Error(`tinyproxy did not start on port ${port}: ${stderr.trim() || 'no output'}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return { url: `http://127.0.0.1:${port}`, port, stop };
}
