// Cold-start honesty: the first round of a freshly started `why500 check` (the CLI as a process, the
// prebuilt bundle) against loopback HTTP servers, phase by phase, next to curl -w for the same URLs.
// Every CLI run is a new process, so whatever it loads or compiles on the way shows up here if it
// lands inside a timed phase. The servers run in child processes of their own and count requests, so
// the figures also show that nothing but the round's own probes reached them.
//
// A round probes its three URLs at once, so the target compares it with one curl fetching the same
// three at once (`curl --parallel`): on a small machine three servers answering together are slower
// than one answering alone, for curl too, and that is the network's time, not ours. curl fetching them
// one by one is printed beside it.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { lookup } from 'node:dns/promises';
import { cpus, hostname, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchFigure, BenchSection } from './types';

const RUNS = 11;
const root = fileURLToPath(new URL('..', import.meta.url));
const bin = fileURLToPath(new URL('../bin/why500.cjs', import.meta.url)); // package.json "bin"

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

const CURL_FORMAT = '%{url_effective} %{time_namelookup} %{time_connect} %{time_starttransfer}\n';

/** curl's phases per URL from its -w lines: namelookup; connect − namelookup; starttransfer − connect. */
function curlPhases(stdout: string): Record<string, Phases> {
  const phases: Record<string, Phases> = {};
  for (const line of stdout.trim().split('\n')) {
    const [url, ...times] = line.trim().split(' ');
    const [lookup, connect, start] = times.map((s) => Number(s) * 1000) as [number, number, number];
    phases[url!] = { dns: lookup, connect: connect - lookup, firstByte: start - connect };
  }
  return phases;
}

/** One curl process fetching `urls` one after another (`together` false) or all at once (plain HTTP). */
function curlRun(urls: string[], together: boolean): Record<string, Phases> {
  const args = together ? ['--parallel', '--parallel-immediate', '--parallel-max', String(urls.length)] : [];
  for (const url of urls) args.push('-o', '/dev/null', url);
  const r = spawnSync('curl', ['-s', '-w', CURL_FORMAT, ...args], { encoding: 'utf8', env: directEnv() });
  if (r.status !== 0) throw new Error(`curl failed (${r.status}): ${r.stderr}`);
  const phases = curlPhases(r.stdout);
  for (const url of urls) if (!phases[url]) throw new Error(`curl printed no timings for ${url}`);
  return phases;
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
    const together: Record<string, Phases[]> = {};
    const oneByOne: Record<string, Phases[]> = {};
    const urls: Record<string, string> = {
      site: `${site}/`,
      health: `${health}/health`,
      [`${host}:${servers[2]!.port}`]: `${control}/204`,
    };
    for (let i = 0; i < RUNS; i++) {
      const atOnce = curlRun(Object.values(urls), true);
      const inTurn = curlRun(Object.values(urls), false);
      for (const [name, url] of Object.entries(urls)) {
        (together[name] ??= []).push(atOnce[url]!);
        (oneByOne[name] ??= []).push(inTurn[url]!);
      }
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
        const b = median(together[name]!.map((p) => p[phase]));
        const c = median(oneByOne[name]!.map((p) => p[phase]));
        const tolerance = Math.max(2, b * 0.05);
        cells.push(`${phase} ${a.toFixed(2)} | ${b.toFixed(2)} | ${c.toFixed(2)}`);
        figures.push({
          name: `${name}: ${phase}, ours − curl 3 at once (medians)`,
          value: a - b,
          unit: 'ms',
          target: `within ±${tolerance.toFixed(1)} ms`,
          ok: Math.abs(a - b) <= tolerance,
        });
      }
      lines.push(`${name}: ${cells.join('; ')} ms`);
    }
    lines.unshift(`ours | curl 3 at once | curl one by one (medians of ${RUNS}):`);
    const expected = RUNS * 3; // each path: two requests from curl and one from the CLI per run
    const extra = Object.entries(received).filter(([, n]) => n !== expected);
    figures.push({
      name: 'requests the server saw beyond the probes and curl',
      value: extra.reduce((sum, [, n]) => sum + n - expected, 0),
      unit: 'req',
      target: '0',
      ok: extra.length === 0,
    });
    lines.push(
      `${RUNS} cold runs of \`node bin/why500.cjs check --json\` (site, health, one control: 3 probes at once), each after`,
      'two curl -w runs for the same three URLs (at once, then one by one); first round of a new process each time; each URL on its own server (a child',
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
