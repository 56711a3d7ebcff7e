// Cold-start honesty: the first round of a freshly started `why500 check` (the CLI as a process, the
// prebuilt bundle) against a loopback HTTP server, phase by phase, next to curl -w for the same URL.
// Every CLI run is a new process, so whatever it loads or compiles on the way shows up here if it
// lands inside a timed phase. The servers run in child processes of their own and count requests, so
// the figures also show that nothing but the round's own probes reached them.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { lookup } from 'node:dns/promises';
import { cpus, hostname, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchFigure, BenchSection } from './types';

const RUNS = 7;
const root = fileURLToPath(new URL('..', import.meta.url));
const bin = fileURLToPath(new URL('../bin/why500.mjs', import.meta.url));

/** A loopback server in a child process: a page, a health endpoint and a 204 control; counts requests. */
const SERVER_SCRIPT = `
const http = require('node:http');
const hits = {};
const server = http.createServer((req, res) => {
  hits[req.url] = (hits[req.url] || 0) + 1;
  if (req.url === '/204') { res.writeHead(204); return res.end(); }
  const json = req.url === '/health';
  const body = json ? '{"redis":"UP"}' : '<html><head><title>Local</title></head><body>hello</body></html>';
  res.writeHead(200, { 'content-type': json ? 'application/json' : 'text/html', 'content-length': Buffer.byteLength(body) });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
process.on('message', (m) => { if (m === 'hits') process.send(hits); });
process.on('disconnect', () => process.exit(0));
`;

type Phases = { dns: number; connect: number; firstByte: number };
const PHASES = ['dns', 'connect', 'firstByte'] as const;

async function startServer(): Promise<{ port: number; child: ChildProcess }> {
  const child = spawn(process.execPath, ['-e', SERVER_SCRIPT], {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const [chunk] = (await once(child.stdout as NodeJS.ReadableStream, 'data')) as [Buffer];
  return { port: Number(chunk.toString().trim()), child };
}

async function hits(child: ChildProcess): Promise<Record<string, number>> {
  child.send('hits');
  const [message] = (await once(child, 'message')) as [Record<string, number>];
  return message;
}

/** The environment without proxies, so both sides connect directly. */
function directEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (/^(https?|all|no)_proxy$/i.test(k)) delete env[k];
  return env;
}

/** curl's phases for one URL: namelookup; connect − namelookup; starttransfer − connect (plain HTTP). */
function curlOnce(url: string): Phases {
  const format = '%{time_namelookup} %{time_connect} %{time_starttransfer}';
  const r = spawnSync('curl', ['-s', '-o', '/dev/null', '-w', format, url], {
    encoding: 'utf8',
    env: directEnv(),
  });
  if (r.status !== 0) throw new Error(`curl failed (${r.status}): ${r.stderr}`);
  const [lookup, connect, start] = r.stdout
    .trim()
    .split(' ')
    .map((s) => Number(s) * 1000) as [number, number, number];
  return { dns: lookup, connect: connect - lookup, firstByte: start - connect };
}

interface CheckProbe {
  name: string;
  path: string;
  outcome: string;
  timings: { dns: number | null; connect: number | null; firstByte: number | null; total: number };
}

/** One cold `why500 check --json`; the probes of its (only) round. */
function checkOnce(config: string): CheckProbe[] {
  const dataDir = mkdtempSync(join(tmpdir(), 'why500-cold-'));
  try {
    const r = spawnSync(
      process.execPath,
      [bin, 'check', '--json', '--config', config, '--data-dir', dataDir],
      {
        cwd: root,
        encoding: 'utf8',
        env: directEnv(),
      },
    );
    if (r.status !== 0) throw new Error(`why500 check exited ${r.status}: ${r.stderr.slice(0, 300)}`);
    return (JSON.parse(r.stdout) as { probes: CheckProbe[] }).probes;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

/**
 * A name that resolves to 127.0.0.1 through the system resolver for both sides: this machine's own name
 * when /etc/hosts maps it there (curl answers `localhost` itself without a lookup, which would make its
 * DNS phase a constant 0), else `localhost`.
 */
async function loopbackName(): Promise<string> {
  try {
    const own = hostname();
    if ((await lookup(own, { family: 4 })).address === '127.0.0.1') return own;
  } catch {
    // No usable own name: fall back to localhost.
  }
  return 'localhost';
}

/** Runs the comparison: RUNS cold CLI runs interleaved with curl runs against the same endpoint. */
export async function run(): Promise<BenchSection[]> {
  if (spawnSync('curl', ['--version']).status !== 0) throw new Error('curl is not installed');
  const build = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`build-cli failed: ${build.stderr.slice(0, 300)}`);
  // One server per URL, as the site, an endpoint and a control are different hosts in real use: one
  // server answering three requests at once would queue them behind each other.
  const servers = [await startServer(), await startServer(), await startServer()];
  const dir = mkdtempSync(join(tmpdir(), 'why500-cold-config-'));
  const host = await loopbackName();
  const [site, health, control] = servers.map((s) => `http://${host}:${s.port}`) as [string, string, string];
  const config = join(dir, 'config.json');
  writeFileSync(
    config,
    JSON.stringify({
      controls: [`${control}/204`],
      browserProfiles: [],
      targets: [
        { name: 'Local', site: `${site}/`, endpoints: [{ name: 'health', url: `${health}/health` }] },
      ],
    }),
  );
  const load = loadavg()[0]!;
  try {
    const ours: Record<string, Phases[]> = {};
    const theirs: Record<string, Phases[]> = {};
    const urls: Record<string, string> = {
      site: `${site}/`,
      health: `${health}/health`,
      [`${host}:${servers[2]!.port}`]: `${control}/204`,
    };
    for (let i = 0; i < RUNS; i++) {
      for (const [name, url] of Object.entries(urls)) (theirs[name] ??= []).push(curlOnce(url));
      for (const p of checkOnce(config)) {
        if (p.outcome !== 'ok') throw new Error(`probe ${p.name} ended ${p.outcome}`);
        (ours[p.name] ??= []).push({
          dns: p.timings.dns ?? NaN,
          connect: p.timings.connect ?? NaN,
          firstByte: p.timings.firstByte ?? NaN,
        });
      }
    }
    const received = Object.assign({}, ...(await Promise.all(servers.map((s) => hits(s.child))))) as Record<
      string,
      number
    >;
    const figures: BenchFigure[] = [];
    const lines: string[] = [];
    for (const name of Object.keys(urls)) {
      const cells: string[] = [];
      for (const phase of PHASES) {
        const a = median(ours[name]!.map((p) => p[phase]));
        const b = median(theirs[name]!.map((p) => p[phase]));
        const tolerance = Math.max(2, b * 0.05);
        cells.push(`${phase} ${a.toFixed(2)} vs ${b.toFixed(2)}`);
        figures.push({
          name: `${name}: ${phase}, ours − curl (medians)`,
          value: a - b,
          unit: 'ms',
          target: `within ±${tolerance.toFixed(1)} ms`,
          ok: Math.abs(a - b) <= tolerance,
        });
      }
      lines.push(`${name}: ${cells.join(', ')} ms (ours vs curl, medians of ${RUNS})`);
    }
    const expected = RUNS * 2; // each path: one request from curl and one from the CLI per run
    const extra = Object.entries(received).filter(([, n]) => n !== expected);
    figures.push({
      name: 'requests the server saw beyond the probes and curl',
      value: extra.reduce((sum, [, n]) => sum + n - expected, 0),
      unit: 'req',
      target: '0',
      ok: extra.length === 0,
    });
    lines.push(
      `${RUNS} cold runs of \`node bin/why500.mjs check --json\` (site, health, one control: 3 probes at once), each followed`,
      'by curl -w for the same three URLs; first round of a new process each time; each URL on its own server (a child',
      `process on 127.0.0.1, named ${host}, looked up by the system resolver on both sides). Load average ${load.toFixed(1)} → ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores.`,
    );
    return [
      { title: 'Cold start: first round of `why500 check` (new process) against curl -w', figures, lines },
    ];
  } finally {
    for (const s of servers) s.child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}
