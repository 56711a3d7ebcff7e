import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HistoryStore } from '/work/wt/house-perf/core/history/history';
import type { HistorySample } from '/work/wt/house-perf/core/history/codec';
import { seededRandom } from '/work/wt/house-perf/core/monitor/random';
const DAY = 86_400_000; const NOW = Date.UTC(2026, 5, 10, 12);
const names = ['a','b','c','d','e','f','g','h'];
const dir = mkdtempSync(join(tmpdir(), 'hp-'));
const random = seededRandom(9);
const store = new HistoryStore(dir, { now: () => NOW });
for (let t = NOW - 7 * DAY + 1000; t <= NOW; t += 30000) {
  store.appendSamples(names.map((name) => { const failed = random() < 0.01; const total = 80 + random()*200; return { at: t, target: 'Character.AI', name, path: 'direct', outcome: failed ? 'http-5xx' : 'ok', status: failed ? 500 : 200, timings: { dns: Math.round(random()*300)/100, connect: Math.round(random()*2000)/100, tls: Math.round(random()*3000)/100, firstByte: Math.round(total*90)/100, total: Math.round(total*100)/100 } } as HistorySample; }));
}
store.close();
const cpus: number[] = [];
for (let i = 0; i < 9; i++) { const s = new HistoryStore(dir, { now: () => NOW }); const c0 = process.cpuUsage(); s.load(); const c = process.cpuUsage(c0); cpus.push((c.user + c.system)/1000); }
console.log(cpus.map((x) => x.toFixed(0)).join(' '));
rmSync(dir, { recursive: true, force: true });
