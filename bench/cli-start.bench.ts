// CLI start-up: how long `why500 --help` takes as a process (the file package.json names as the bin),
// paired run by run with `node -e 0` (the floor: Node starting and exiting) so a busy machine shows up in
// both. Runs the prebuilt bundle, which is rebuilt first (scripts/build-cli.mjs) so the bin does not fall
// back to tsx.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchSection } from './types';

const RUNS = 21;
/** How far above `node -e 0` the help may be: the target that counts where Node alone needs ~150 ms. */
const ABOVE_NODE_MS = 10;
const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: { why500: string } };
const bin = join(root, pkg.bin.why500);

/** CPU time (ms) of the waited-for children of this process so far, when Linux's /proc tells it. */
function childrenCpuMs(): number | null {
  try {
    // Fields after the command name in parentheses; cutime and cstime are the 14th and 15th of those.
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100; // clock ticks of 10 ms (USER_HZ)
  } catch {
    return null;
  }
}

/** Wall ms and CPU ms of one run of `node ...args`; throws when it fails. */
function timed(args: string[]): { wall: number; cpu: number | null } {
  const cpu0 = childrenCpuMs();
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', env: process.env });
  const wall = performance.now() - t0;
  const cpu1 = childrenCpuMs();
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 200)}`);
  return { wall, cpu: cpu0 === null || cpu1 === null ? null : cpu1 - cpu0 };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

/** Measures `why500 --help` against `node -e 0`, RUNS pairs. */
export async function run(): Promise<BenchSection[]> {
  const build = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`build-cli failed: ${build.stderr.slice(0, 300)}`);
  const load = loadavg()[0]!;
  const floor: number[] = [];
  const help: number[] = [];
  const diff: number[] = [];
  let floorCpu = 0;
  let helpCpu = 0;
  let cpuKnown = true;
  timed([bin, '--help']); // once before, so the file cache holds the bundle
  for (let i = 0; i < RUNS; i++) {
    const a = timed(['-e', '0']);
    const b = timed([bin, '--help']);
    floor.push(a.wall);
    help.push(b.wall);
    diff.push(b.wall - a.wall);
    if (a.cpu === null || b.cpu === null) cpuKnown = false;
    else {
      floorCpu += a.cpu;
      helpCpu += b.cpu;
    }
  }
  const helpMs = median(help);
  const aboveMs = median(diff);
  // 150 ms is out of reach when Node alone needs about that long (a slow or busy machine): then the
  // help must cost at most ABOVE_NODE_MS more than Node's own start.
  const figures: BenchSection['figures'] = [
    {
      name: '`why500 --help` (median wall)',
      value: helpMs,
      unit: 'ms',
      target: `≤ 150 ms, or ≤ ${ABOVE_NODE_MS} ms above \`node -e 0\``,
      ok: helpMs <= 150 || aboveMs <= ABOVE_NODE_MS,
    },
    { name: '`node -e 0` (median wall, the floor)', value: median(floor), unit: 'ms' },
    { name: '`why500 --help` above `node -e 0` (median of pairs)', value: aboveMs, unit: 'ms' },
  ];
  if (cpuKnown) {
    figures.push(
      { name: '`why500 --help` CPU (mean)', value: helpCpu / RUNS, unit: 'ms' },
      { name: '`node -e 0` CPU (mean)', value: floorCpu / RUNS, unit: 'ms' },
      {
        name: '`why500 --help` CPU above `node -e 0` (mean)',
        value: (helpCpu - floorCpu) / RUNS,
        unit: 'ms',
      },
    );
  }
  return [
    {
      title: 'CLI start: `why500 --help` as a process (prebuilt bundle), paired with `node -e 0`',
      figures,
      lines: [
        `${RUNS} pairs, each \`node -e 0\` then \`node ${pkg.bin.why500} --help\`; load average ${load.toFixed(1)} → ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores.`,
        'Wall time includes waiting for a CPU on a busy machine (the floor shows how much); CPU time (from /proc, 10 ms ticks,',
        'summed over the runs) does not.',
      ],
    },
  ];
}
