// Runs a real tinyproxy (Debian's) on 127.0.0.1 on a free port, allowing only 127.0.0.1, in the
// foreground (-d) so stop() kills exactly the process it started. The simulator uses it as the
// alternate path, with outgoing connections bound to 127.0.0.2 and a `Via: tinyproxy` header so the
// fake service can tell requests that came through it; the probe tests use it plain.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A running tinyproxy. */
export interface Tinyproxy {
  /** `http://127.0.0.1:PORT`, for `alternatePath.proxy`. */
  url: string;
  port: number;
  /** Kills the proxy process and removes its config. */
  stop(): Promise<void>;
}

/** How the proxy marks what it forwards. */
export interface TinyproxyOptions {
  /** Source address of its outgoing connections; the system chooses when absent. */
  bind?: string;
  /** Send `Via: 1.1 tinyproxy` on forwarded requests; no Via header when false or absent. */
  via?: boolean;
  /** Ask every client for this login (a 407 without it). */
  basicAuth?: { user: string; password: string };
  /** The only client address allowed (default 127.0.0.1); any other value refuses every local client (403). */
  allow?: string;
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

/** A free TCP port on `host` (closed again at once; another process may take it before it is used). */
export function freePort(host: string): Promise<number> {
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

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Kills a child (SIGTERM, then SIGKILL after 2 s) and resolves once it has exited. */
async function kill(child: ChildProcess): Promise<void> {
  // No pid: the process never started (spawn failed), so there is no 'exit' to wait for.
  if (hasExited(child) || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 2_000);
  await exited;
  clearTimeout(timer);
}

/**
 * Starts tinyproxy listening on 127.0.0.1 (port chosen free) and waits until it accepts connections.
 * Tries three ports, in case another process takes the free one first.
 */
export async function startTinyproxy(options: TinyproxyOptions = {}): Promise<Tinyproxy> {
  const binary = findTinyproxy();
  if (!binary)
    throw new Error(
      'tinyproxy is not installed; install it (apt-get install tinyproxy) to simulate an alternate path',
    );
  const dir = await mkdtemp(join(tmpdir(), 'why500-tinyproxy-'));
  const conf = join(dir, 'tinyproxy.conf');
  let lastError = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort('127.0.0.1');
    await writeFile(
      conf,
      [
        `Port ${port}`,
        'Listen 127.0.0.1',
        ...(options.bind ? [`Bind ${options.bind}`] : []),
        'Timeout 30',
        'MaxClients 50',
        `Allow ${options.allow ?? '127.0.0.1'}`,
        ...(options.basicAuth ? [`BasicAuth ${options.basicAuth.user} ${options.basicAuth.password}`] : []),
        'LogLevel Error',
        options.via ? 'ViaProxyName "tinyproxy"' : 'DisableViaHeader Yes',
        '',
      ].join('\n'),
    );
    const child = spawn(binary, ['-d', '-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
    // E.g. EACCES: without a listener the 'error' event would crash the process.
    child.once('error', (err) => (stderr += `\n${err.message}`));
    const started = Date.now();
    while (!hasExited(child) && child.pid !== undefined && Date.now() - started < 5_000) {
      if (await canConnect(port)) {
        const stop = async () => {
          await kill(child);
          await rm(dir, { recursive: true, force: true });
        };
        return { url: `http://127.0.0.1:${port}`, port, stop };
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    await kill(child);
    lastError = stderr.trim().split('\n').pop() || 'no output';
  }
  await rm(dir, { recursive: true, force: true });
  throw new Error(`tinyproxy did not start: ${lastError}`);
}
