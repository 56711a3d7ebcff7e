// `npm run bench -- local`: the "Is it me?" local checks over every loopback world of
// simulator/local-worlds.ts, run in-process — the sub-cause accuracy, the extra requests each diagnosis
// makes (target: at most one per check) and how long the checks take. The healthy world must cost
// nothing beyond its normal round.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppCore } from '../core/app/create';
import { hostsResolver } from '../core/local/resolver';
import { resolveConfig } from '../shared/config/defaults';
import { checkConfig } from '../shared/config/parse';
import { LOCAL_CHECK_IDS } from '../shared/types/local';
import { LOCAL_WORLDS, startLocalWorld } from '../simulator/local-worlds';
import type { BenchSection } from './types';

/** Requests of one normal round in every world: the site, the health endpoint and two controls. */
const ROUND_REQUESTS = 4;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0 ? 0 : (s[Math.floor((s.length - 1) / 2)] ?? 0);
}

/** Runs every world once and scores it. */
export async function run(): Promise<BenchSection[]> {
  const dir = mkdtempSync(join(tmpdir(), 'why500-bench-local-'));
  const lines: string[] = [];
  let right = 0;
  let faulty = 0;
  const perDiagnosis: number[] = [];
  const perCheck = new Map<string, number>();
  const checkMs: number[] = [];
  let healthyExtra = 0;
  try {
    for (const name of LOCAL_WORLDS) {
      const world = await startLocalWorld(name, dir);
      try {
        const checked = checkConfig(world.config);
        if (!checked.ok) throw new Error(`${name}: ${checked.message}`);
        const resolver = world.env.WHY500_TEST_HOSTS ? hostsResolver(world.env.WHY500_TEST_HOSTS) : null;
        const core = createAppCore({
          config: resolveConfig(checked.config),
          dataDir: null,
          tokens: { get: () => null },
          env: world.env,
          ...(world.env.NODE_EXTRA_CA_CERTS ? { caFiles: [world.env.NODE_EXTRA_CA_CERTS] } : {}),
          ...(resolver ? { resolver } : {}),
        });
        const before = world.counts();
        const d = await core.observe('Svc', { durationMs: 0, intervalMs: 1_000 });
        await core.stop();
        const after = world.counts();
        const got = d?.localCause ?? null;
        const ok = got === world.expected && (world.expected === null) === (d?.verdict !== 'local-network');
        if (ok) right++;
        const local = d?.evidence.local;
        if (world.expected === null) {
          healthyExtra =
            after.service +
            after.controls +
            after.doh -
            before.service -
            before.controls -
            before.doh -
            ROUND_REQUESTS;
          if (local) healthyExtra += local.requests;
        } else {
          faulty++;
          perDiagnosis.push(local?.requests ?? 0);
        }
        for (const c of local?.checks ?? []) {
          perCheck.set(c.check, Math.max(perCheck.get(c.check) ?? 0, c.requests));
          checkMs.push(c.ms);
        }
        lines.push(
          `${ok ? 'right' : 'WRONG'}: ${name.padEnd(17)} expected ${String(world.expected).padEnd(14)} said ${d?.verdict ?? 'nothing'}/${String(got)}, ${local?.requests ?? 0} extra requests`,
        );
      } finally {
        await world.close();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const maxPerCheck = Math.max(0, ...perCheck.values());
  const avg = perDiagnosis.reduce((a, b) => a + b, 0) / Math.max(1, perDiagnosis.length);
  lines.push(
    `most requests by one check: ${LOCAL_CHECK_IDS.map((id) => `${id} ${perCheck.get(id) ?? 0}`).join(', ')}`,
  );
  return [
    {
      title: 'Local checks ("Is it me?") on loopback worlds',
      figures: [
        {
          name: 'sub-cause accuracy',
          value: (right / LOCAL_WORLDS.length) * 100,
          unit: '%',
          target: '100 %',
          ok: right === LOCAL_WORLDS.length,
        },
        {
          name: 'extra requests per diagnosis (mean, faulty worlds)',
          value: avg,
          unit: 'requests',
          target: `≤ ${LOCAL_CHECK_IDS.length} (one per check)`,
          ok: avg <= LOCAL_CHECK_IDS.length,
        },
        {
          name: 'extra requests per diagnosis (max)',
          value: Math.max(0, ...perDiagnosis),
          unit: 'requests',
          target: `≤ ${LOCAL_CHECK_IDS.length}`,
          ok: Math.max(0, ...perDiagnosis) <= LOCAL_CHECK_IDS.length,
        },
        {
          name: 'most requests by one check in one diagnosis',
          value: maxPerCheck,
          unit: 'requests',
          target: '≤ 2 (IPv4 + IPv6)',
          ok: maxPerCheck <= 2,
        },
        {
          name: 'extra requests in the healthy world',
          value: healthyExtra,
          unit: 'requests',
          target: '0',
          ok: healthyExtra === 0,
        },
        { name: 'check duration (median)', value: median(checkMs), unit: 'ms' },
        {
          name: 'check duration (max)',
          value: Math.max(0, ...checkMs),
          unit: 'ms',
          target: '< 3500 (deadline)',
          ok: Math.max(0, ...checkMs) < 3_500,
        },
        { name: 'worlds with a local fault', value: faulty, unit: 'worlds' },
      ],
      lines,
    },
  ];
}
