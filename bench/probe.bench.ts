// Probe CPU cost: CPU time this process spends per round of 5 probes to a local server. The server
// runs in a child process, so its work is not counted; what remains is the probe itself (undici,
// our connector, TLS on the client side) plus the kernel's socket work for our side (system time).

import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { Agent } from 'undici';
import { trustContext } from '../core/probe/trust';
import { probe } from '../core/probe/http';
import { makeCert } from '../simulator/tls';
import type { BenchFigure, BenchSection } from './types';

const PROBES_PER_ROUND = 5;
const WARMUP_ROUNDS = 20;
const ROUNDS = 150;

/** A tiny HTTP(S) server in a child process; prints its port on the first line of stdout. */
const SERVER_SCRIPT = `
const tlsOpts = process.env.KEY ? { key: process.env.KEY, cert: process.env.CERT } : null;
const mod = require(tlsOpts ? 'node:https' : 'node:http');
const body = Buffer.from(JSON.stringify({ redis: 'UP' }));
const handler = (req, res) => { res.writeHead(200, { 'content-type': 'application/json', server: 'bench' }); res.end(body); };
const server = tlsOpts ? mod.createServer(tlsOpts, handler) : mod.createServer(handler);
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
process.on('disconnect', () => process.exit(0));
`;

async function startChildServer(tls?: {
  key: string;
  cert: string;
}): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['-e', SERVER_SCRIPT], {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    env: { ...process.env, KEY: tls?.key ?? '', CERT: tls?.cert ?? '' },
  });
  const [chunk] = (await once(child.stdout as NodeJS.ReadableStream, 'data')) as [Buffer];
  const port = Number(chunk.toString().trim());
  return { url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}/health`, child };
}

async function round(url: string, ca?: string): Promise<void> {
  const results = await Promise.all(
    Array.from({ length: PROBES_PER_ROUND }, (_, i) => probe({ name: `p${i}`, url, path: 'direct', ca })),
  );
  for (const r of results)
    if (r.outcome !== 'ok') throw new Error(`bench probe failed: ${r.outcome} ${r.error ?? ''}`);
}

/** The floor: the same GETs with a bare fresh undici Agent each, none of our timing or limits. */
async function bareRound(url: string, ca?: string): Promise<void> {
  await Promise.all(
    Array.from({ length: PROBES_PER_ROUND }, async () => {
      // The same cached trust store as the probe, so the floor does not pay for parsing CAs.
      const secureContext = trustContext(ca);
      const agent = new Agent({ connections: 1, connect: secureContext ? { secureContext } : {} });
      const { body } = await agent.request({
        origin: new URL(url).origin,
        path: new URL(url).pathname,
        method: 'GET',
      });
      await body.text();
      await agent.destroy();
    }),
  );
}

/** CPU ms (user, system) and wall ms per round of `fn`, summed over `rounds` rounds. */
async function cpuOf(
  fn: () => Promise<void>,
  rounds: number,
): Promise<{ user: number; system: number; wall: number }> {
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  for (let i = 0; i < rounds; i++) await fn();
  const cpu = process.cpuUsage(cpuStart);
  return { user: cpu.user / 1000, system: cpu.system / 1000, wall: performance.now() - wallStart };
}

/** Blocks of rounds, bare and ours taking turns, so a burst of load elsewhere hits both alike. */
const BLOCKS = 10;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

async function measure(
  label: string,
  url: string,
  ca?: string,
): Promise<{ figures: BenchFigure[]; line: string }> {
  for (let i = 0; i < WARMUP_ROUNDS; i++) {
    await bareRound(url, ca);
    await round(url, ca);
  }
  const perBlock = ROUNDS / BLOCKS;
  const ours = { user: 0, system: 0, wall: 0 };
  let bareTotal = 0;
  const overheads: number[] = [];
  for (let b = 0; b < BLOCKS; b++) {
    const bare = await cpuOf(() => bareRound(url, ca), perBlock);
    const mine = await cpuOf(() => round(url, ca), perBlock);
    ours.user += mine.user;
    ours.system += mine.system;
    ours.wall += mine.wall;
    bareTotal += bare.user + bare.system;
    overheads.push((mine.user + mine.system - bare.user - bare.system) / perBlock);
  }
  const perRound = (ours.user + ours.system) / ROUNDS;
  const bareRoundMs = bareTotal / ROUNDS;
  const overhead = median(overheads);
  return {
    figures: [
      { name: `CPU per round of ${PROBES_PER_ROUND} probes, ${label}`, value: perRound, unit: 'ms' },
      { name: `CPU per probe, ${label}`, value: perRound / PROBES_PER_ROUND, unit: 'ms' },
      {
        name: '  bare undici fresh-connection GET (floor), per probe',
        value: bareRoundMs / PROBES_PER_ROUND,
        unit: 'ms',
      },
      {
        name: "  probe's own overhead per round above that floor",
        value: overhead,
        unit: 'ms',
        target: '< 1 ms',
        ok: overhead < 1,
      },
    ],
    line:
      `${label}: user ${(ours.user / ROUNDS).toFixed(2)} ms + system ${(ours.system / ROUNDS).toFixed(2)} ms per round, wall ${(ours.wall / ROUNDS).toFixed(2)} ms; ` +
      `bare undici ${bareRoundMs.toFixed(2)} ms per round; overhead per block ${overheads.map((o) => o.toFixed(2)).join(' ')} ms ` +
      `(${ROUNDS} rounds each in ${BLOCKS} alternating blocks after ${WARMUP_ROUNDS} warm-up; overhead is the median of the blocks)`,
  };
}

/** Measures probe CPU per round against local HTTP and HTTPS servers. */
export async function run(): Promise<BenchSection[]> {
  const cert = await makeCert();
  const plain = await startChildServer();
  const secure = await startChildServer(cert);
  try {
    const http = await measure('plain HTTP', plain.url);
    const https = await measure('HTTPS (new TLS handshake each)', secure.url, cert.ca);
    return [
      {
        title: 'Probe CPU (fresh connection per probe, server in a child process)',
        figures: [...http.figures, ...https.figures],
        lines: [
          http.line,
          https.line,
          'Each probe opens its own connection (honest phase timings), so each pays for a TCP connect and',
          'on HTTPS a full TLS handshake (ECDHE + signature check) on the client side. The target is on the overhead: the',
          'floor itself (a TCP connect, and on HTTPS a handshake, per probe) is what honest timings cost.',
        ],
      },
    ];
  } finally {
    plain.child.kill();
    secure.child.kill();
  }
}
